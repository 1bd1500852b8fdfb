// A bounded buffer of log lines: the newest `capacity` lines are kept, older
// ones are dropped (and counted). Every line gets a sequence number, so the
// lines held are always the contiguous range [firstSeq, nextSeq): a position
// is seq - firstSeq, and views can refer to lines by seq while old ones drop.
import type { LogLine } from '../../api/operations';
import { stripAnsi } from './ansi';

export interface LogEntry extends LogLine {
  seq: number;
  /** The text without ANSI escape sequences (what search and downloads see). */
  plain: string;
}

/** Something that holds a contiguous run of entries. */
export interface LineSource {
  readonly length: number;
  readonly firstSeq: number;
  at(index: number): LogEntry | undefined;
}

export const DEFAULT_CAPACITY = 50_000;

export class RingBuffer implements LineSource {
  readonly capacity: number;
  private items: (LogEntry | undefined)[];
  private head = 0; // index of the oldest entry
  private size = 0;
  private next = 0; // the seq the next line gets
  /** Lines dropped to make room since the last clear. */
  dropped = 0;

  constructor(capacity = DEFAULT_CAPACITY) {
    if (capacity < 1) throw new Error('capacity must be at least 1');
    this.capacity = capacity;
    this.items = new Array<LogEntry | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  get firstSeq(): number {
    return this.next - this.size;
  }

  get nextSeq(): number {
    return this.next;
  }

  /** Appends lines; returns how many older lines were dropped for them. */
  push(lines: readonly LogLine[]): number {
    let dropped = 0;
    for (const l of lines) {
      const e: LogEntry = { pod: l.pod, container: l.container, time: l.time, text: l.text, seq: this.next++, plain: stripAnsi(l.text) };
      const slot = (this.head + this.size) % this.capacity;
      this.items[slot] = e;
      if (this.size < this.capacity) this.size++;
      else {
        this.head = (this.head + 1) % this.capacity;
        dropped++;
      }
    }
    this.dropped += dropped;
    return dropped;
  }

  at(index: number): LogEntry | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return this.items[(this.head + index) % this.capacity];
  }

  bySeq(seq: number): LogEntry | undefined {
    return this.at(seq - this.firstSeq);
  }

  /** A copy of what is held now, oldest first (a frozen view while paused). */
  snapshot(): Snapshot {
    const out: LogEntry[] = new Array<LogEntry>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i) as LogEntry;
    return new Snapshot(out);
  }

  /** Forgets every line (sequence numbers keep counting). */
  clear(): void {
    this.items = new Array<LogEntry | undefined>(this.capacity);
    this.head = 0;
    this.size = 0;
    this.dropped = 0;
  }
}

/** A fixed run of entries. */
export class Snapshot implements LineSource {
  constructor(private readonly entries: LogEntry[]) {}
  get length(): number {
    return this.entries.length;
  }
  get firstSeq(): number {
    return this.entries[0]?.seq ?? 0;
  }
  at(index: number): LogEntry | undefined {
    return this.entries[index];
  }
}
