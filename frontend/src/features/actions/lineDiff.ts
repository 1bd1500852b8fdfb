// A line diff of two texts for the YAML dialogs, computed with @codemirror/merge
// (Myers' algorithm with a cost limit, in time and memory linear in the input
// for the usual small edits), and the unchanged runs between changes folded.
import { diff, type DiffConfig } from '@codemirror/merge';

export type DiffLine = { type: 'same' | 'add' | 'del'; text: string };

/** A row of the shown diff: a line, or a run of unchanged lines folded. */
export type DiffRow = DiffLine | { type: 'fold'; lines: readonly string[] };

/** How many unchanged lines stay visible on each side of a change. */
export const CONTEXT_LINES = 3;

// Beyond this many differing lines in a range (or this long), the diff falls
// back to a faster, less minimal match instead of running quadratic.
const config: DiffConfig = { scanLimit: 4000, timeout: 1000 };

// Lines are coded as UTF-16 units outside the surrogates (one unit each, so a
// change's offsets are line numbers): 63,486 distinct lines get a code each;
// any further ones share the last, and lineDiff tells them apart by their text.
const LAST_CODE = 0xffff;
const codeOf = (n: number) => Math.min(n < 0xd800 ? n : n + 0x800, LAST_CODE);

function encode(lines: readonly string[], codes: Map<string, number>): string {
  const units = new Uint16Array(lines.length);
  lines.forEach((line, i) => {
    let code = codes.get(line);
    if (code === undefined) {
      code = codeOf(codes.size + 1);
      codes.set(line, code);
    }
    units[i] = code;
  });
  let text = '';
  for (let k = 0; k < units.length; k += 8192) text += String.fromCharCode(...units.subarray(k, k + 8192));
  return text;
}

/** The full line diff: every line of both texts, unchanged ones as 'same'. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const codes = new Map<string, number>();
  const ca = encode(a, codes);
  const cb = encode(b, codes);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const same = (toA: number) => {
    for (; i < toA; i++, j++) {
      if (a[i] === b[j]) out.push({ type: 'same', text: a[i] ?? '' });
      else out.push({ type: 'del', text: a[i] ?? '' }, { type: 'add', text: b[j] ?? '' }); // lines sharing the last code
    }
  };
  for (const c of diff(ca, cb, config)) {
    same(c.fromA);
    for (; i < c.toA; i++) out.push({ type: 'del', text: a[i] ?? '' });
    for (; j < c.toB; j++) out.push({ type: 'add', text: b[j] ?? '' });
  }
  same(a.length);
  return out;
}

/**
 * Folds every run of unchanged lines longer than twice the context (plus a
 * little, so a fold always hides several lines): `context` lines stay shown
 * next to each change, none at the ends of the text.
 */
export function collapseUnchanged(lines: readonly DiffLine[], context = CONTEXT_LINES): DiffRow[] {
  const out: DiffRow[] = [];
  let k = 0;
  while (k < lines.length) {
    const line = lines[k];
    if (!line) break;
    if (line.type !== 'same') {
      out.push(line);
      k++;
      continue;
    }
    let end = k;
    while (end < lines.length && lines[end]?.type === 'same') end++;
    const keepBefore = k === 0 ? 0 : context; // after the previous change
    const keepAfter = end === lines.length ? 0 : context; // before the next change
    const hidden = end - k - keepBefore - keepAfter;
    if (hidden < 4) {
      out.push(...lines.slice(k, end));
    } else {
      out.push(...lines.slice(k, k + keepBefore));
      out.push({ type: 'fold', lines: lines.slice(k + keepBefore, end - keepAfter).map((l) => l.text) });
      out.push(...lines.slice(end - keepAfter, end));
    }
    k = end;
  }
  return out;
}

export function diffCounts(d: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of d) {
    if (l.type === 'add') added++;
    else if (l.type === 'del') removed++;
  }
  return { added, removed };
}
