// How a log line reads as text (downloads, and the tag and time columns).
import type { LogEntry } from './ringBuffer';
import type { LineSource } from './ringBuffer';

export interface LineFormat {
  timestamps: boolean;
  /** Tag lines with their pod (workloads). */
  pod: boolean;
  /** Tag lines with their container (several containers). */
  container: boolean;
}

export function tagOf(e: LogEntry, f: LineFormat): string {
  if (f.pod && f.container) return `${e.pod}/${e.container}`;
  if (f.pod) return e.pod;
  if (f.container) return e.container;
  return '';
}

/** One line as kubectl prints it with --prefix / --timestamps: "[pod/NAME/CONTAINER] time text". */
export function lineText(e: LogEntry, f: LineFormat): string {
  const tagged = f.pod || f.container;
  return `${tagged ? `[pod/${e.pod}/${e.container}] ` : ''}${f.timestamps ? `${e.time} ` : ''}${e.plain}`;
}

/** The lines of a source as a text file. */
export function sourceText(source: LineSource, f: LineFormat): string {
  const parts: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const e = source.at(i);
    if (e) parts.push(lineText(e, f));
  }
  return parts.length ? `${parts.join('\n')}\n` : '';
}

/** A stable colour slot (0-5) for a pod's tag. */
export function tagColour(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return Math.abs(h) % 6;
}
