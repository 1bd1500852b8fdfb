import { describe, expect, it } from 'vitest';
import { findRanges, highlight, MatchIndex } from './search';
import { RingBuffer } from './ringBuffer';

const add = (b: RingBuffer, ...texts: string[]) => b.push(texts.map((text) => ({ pod: 'p', container: 'c', time: 't', text })));

describe('search', () => {
  it('finds every occurrence, case-insensitively unless the query has capitals', () => {
    expect(findRanges('GET /a get /b', 'get')).toEqual([[0, 3], [7, 10]]);
    expect(findRanges('GET /a get /b', 'GET')).toEqual([[0, 3]]);
    expect(findRanges('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
    expect(findRanges('x', '')).toEqual([]);
  });

  it('highlights across styled segments', () => {
    const segs = [{ text: 'WARN', style: { fg: 'red' } }, { text: ' slow warn' }];
    expect(highlight(segs, [[2, 6], [10, 14]], 'current')).toEqual([
      { text: 'WA', style: { fg: 'red' } },
      { text: 'RN', style: { fg: 'red' }, mark: 'current' },
      { text: ' s', mark: 'current' },
      { text: 'low ' },
      { text: 'warn', mark: 'current' },
    ]);
  });

  it('keeps matching lines as lines arrive and drop', () => {
    const b = new RingBuffer(4);
    add(b, 'error one', 'ok', 'Error two');
    const m = new MatchIndex('error', b);
    expect(m.count).toBe(2);
    expect([m.seqAt(0), m.seqAt(1)]).toEqual([0, 2]);
    add(b, 'ok', 'error three'); // drops "error one"
    m.update(b);
    expect(m.count).toBe(2);
    expect([m.seqAt(0), m.seqAt(1)]).toEqual([2, 4]);
    expect(m.indexFrom(3)).toBe(1);
    expect(m.indexFrom(5)).toBe(2);
    const none = new MatchIndex('', b);
    expect(none.count).toBe(0);
  });
});
