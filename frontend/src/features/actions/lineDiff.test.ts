import { describe, expect, it } from 'vitest';
import { collapseUnchanged, CONTEXT_LINES, diffCounts, lineDiff, type DiffRow } from './lineDiff';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  color: blue
`;

// A CRD-sized document: 10,000 lines, many of them alike (as in a schema).
function bigDocument(): string[] {
  return Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? `  field${i}:` : `    type: string # ${i % 7}`));
}

const shown = (rows: readonly DiffRow[]) => rows.map((r) => (r.type === 'fold' ? `…${r.lines.length}` : `${r.type} ${r.text}`));

describe('lineDiff', () => {
  it('finds changed lines', () => {
    const d = lineDiff('a\nb\nc', 'a\nB\nc\nd');
    expect(d).toEqual([
      { type: 'same', text: 'a' },
      { type: 'del', text: 'b' },
      { type: 'add', text: 'B' },
      { type: 'same', text: 'c' },
      { type: 'add', text: 'd' },
    ]);
    expect(diffCounts(d)).toEqual({ added: 2, removed: 1 });
  });
  it('is all same for equal texts, and handles empty ones', () => {
    expect(diffCounts(lineDiff(CM, CM))).toEqual({ added: 0, removed: 0 });
    expect(lineDiff('', 'a')).toEqual([
      { type: 'del', text: '' },
      { type: 'add', text: 'a' },
    ]);
    expect(lineDiff('a\n', 'a\n')).toEqual([
      { type: 'same', text: 'a' },
      { type: 'same', text: '' },
    ]);
  });
  it('keeps a moved line as one removal and one addition', () => {
    expect(diffCounts(lineDiff('a\nb\nc\nd', 'b\nc\nd\na'))).toEqual({ added: 1, removed: 1 });
  });
  it('tells apart more distinct lines than there are codes', () => {
    // 63,486 lines get a code each; the ones after share one.
    const a = Array.from({ length: 64_000 }, (_, i) => `line ${i} 🚀`);
    const b = [...a];
    b[100] = 'changed early';
    b[63_900] = 'changed late 🚀';
    const d = lineDiff(a.join('\n'), b.join('\n'));
    expect(diffCounts(d)).toEqual({ added: 2, removed: 2 });
    expect(d.filter((l) => l.type !== 'same')).toEqual([
      { type: 'del', text: 'line 100 🚀' },
      { type: 'add', text: 'changed early' },
      { type: 'del', text: 'line 63900 🚀' },
      { type: 'add', text: 'changed late 🚀' },
    ]);
    expect(d.findIndex((l) => l.text === 'changed late 🚀')).toBe(63_902);
  });
});

describe('a 10,000-line document changed at both ends', () => {
  const before = bigDocument();
  const after = [...before];
  after[1] = '    type: integer';
  after.splice(9_998, 0, '  added: true');
  const rows = collapseUnchanged(lineDiff(before.join('\n'), after.join('\n')));

  it('diffs without a table of every line pair (the old LCS needed 400 MB and ran past the test timeout)', () => {
    expect(diffCounts(rows)).toEqual({ added: 2, removed: 1 });
    // Every line is accounted for, in order.
    const folded = rows.reduce((n, r) => n + (r.type === 'fold' ? r.lines.length : r.type === 'add' ? 0 : 1), 0);
    expect(folded).toBe(before.length);
  });

  it('shows the changes with their context and folds the unchanged run between them', () => {
    expect(shown(rows)).toEqual([
      `same ${before[0]}`,
      `del ${before[1]}`,
      'add     type: integer',
      ...before.slice(2, 2 + CONTEXT_LINES).map((t) => `same ${t}`),
      `…${9_998 - 2 - 2 * CONTEXT_LINES}`,
      ...before.slice(9_998 - CONTEXT_LINES, 9_998).map((t) => `same ${t}`),
      'add   added: true',
      ...before.slice(9_998).map((t) => `same ${t}`),
    ]);
    expect(rows.length).toBeLessThan(20);
  });
});

describe('collapseUnchanged', () => {
  const same = (n: number, p = 's') => Array.from({ length: n }, (_, i) => ({ type: 'same' as const, text: `${p}${i}` }));
  it('leaves short runs alone', () => {
    const lines = [...same(5), { type: 'add' as const, text: 'x' }, ...same(9, 't'), { type: 'del' as const, text: 'y' }];
    expect(collapseUnchanged(lines)).toEqual(lines);
  });
  it('folds the ends without context and a whole unchanged text into one fold', () => {
    const lines = [...same(20), { type: 'add' as const, text: 'x' }, ...same(20, 't')];
    expect(shown(collapseUnchanged(lines))).toEqual([
      '…17',
      'same s17',
      'same s18',
      'same s19',
      'add x',
      'same t0',
      'same t1',
      'same t2',
      '…17',
    ]);
    expect(shown(collapseUnchanged(same(100)))).toEqual(['…100']);
  });
});
