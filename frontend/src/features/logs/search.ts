// Search in the log: which lines match (kept incrementally as lines arrive
// and drop), and where in a line's text the matches are, for highlighting.
import type { Segment } from './ansi';
import type { LineSource, LogEntry } from './ringBuffer';

/** Case-insensitive unless the query has an upper-case letter ("smart case"). */
export function matcher(query: string): ((text: string) => boolean) | null {
  if (!query) return null;
  if (query !== query.toLowerCase()) return (t) => t.includes(query);
  const q = query.toLowerCase();
  return (t) => t.toLowerCase().includes(q);
}

/** [start, end) of every (non-overlapping) occurrence of query in text. */
export function findRanges(text: string, query: string): [number, number][] {
  if (!query) return [];
  const smart = query !== query.toLowerCase();
  const hay = smart ? text : text.toLowerCase();
  const needle = smart ? query : query.toLowerCase();
  const out: [number, number][] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) out.push([i, i + needle.length]);
  return out;
}

/** Splits styled segments at the ranges, marking the covered parts. */
export function highlight(segments: Segment[], ranges: [number, number][], mark: 'match' | 'current' = 'match'): Segment[] {
  if (ranges.length === 0) return segments;
  const out: Segment[] = [];
  let pos = 0;
  let r = 0;
  for (const seg of segments) {
    const end = pos + seg.text.length;
    let cur = pos;
    while (cur < end) {
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= cur) r++;
      const range = ranges[r];
      let stop: number;
      let marked = false;
      if (!range || range[0] >= end) stop = end;
      else if (range[0] > cur) stop = range[0];
      else {
        stop = Math.min(range[1], end);
        marked = true;
      }
      const piece: Segment = { text: seg.text.slice(cur - pos, stop - pos) };
      if (seg.style) piece.style = seg.style;
      if (marked) piece.mark = mark;
      out.push(piece);
      cur = stop;
    }
    pos = end;
  }
  return out;
}

/**
 * The seqs of matching lines of a live source, in order. Lines arriving are
 * tested once; lines dropped from the front are forgotten.
 */
export class MatchIndex {
  private seqs: number[] = [];
  private start = 0;
  private test: ((t: string) => boolean) | null;
  private scanned = 0; // the next seq to test

  constructor(readonly query: string, source: LineSource) {
    this.test = matcher(query);
    this.scanned = source.firstSeq;
    this.update(source);
  }

  /** Catches up with the source: tests new lines, forgets dropped ones. */
  update(source: LineSource): void {
    const first = source.firstSeq;
    while (this.start < this.seqs.length && (this.seqs[this.start] ?? 0) < first) this.start++;
    if (this.start > 4096 && this.start > this.seqs.length / 2) {
      this.seqs = this.seqs.slice(this.start);
      this.start = 0;
    }
    const end = first + source.length;
    if (this.scanned < first) this.scanned = first;
    if (!this.test) {
      this.scanned = end;
      return;
    }
    for (let seq = this.scanned; seq < end; seq++) {
      const e: LogEntry | undefined = source.at(seq - first);
      if (e && this.test(e.plain)) this.seqs.push(seq);
    }
    this.scanned = end;
  }

  get count(): number {
    return this.seqs.length - this.start;
  }

  /** The i-th match's seq (0 = oldest). */
  seqAt(i: number): number | undefined {
    return i < 0 || i >= this.count ? undefined : this.seqs[this.start + i];
  }

  /** The position of the first match at or after seq (count when none). */
  indexFrom(seq: number): number {
    let lo = this.start;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.seqs[mid] ?? 0) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.start;
  }
}
