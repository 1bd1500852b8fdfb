import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer';

const lines = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ pod: 'p', container: 'c', time: `t${from + i}`, text: `line ${from + i}` }));

describe('RingBuffer', () => {
  it('keeps every line while under capacity, in order', () => {
    const b = new RingBuffer(5);
    expect(b.push(lines(0, 3))).toBe(0);
    expect(b.length).toBe(3);
    expect([0, 1, 2].map((i) => b.at(i)?.text)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(b.firstSeq).toBe(0);
    expect(b.dropped).toBe(0);
  });

  it('drops the oldest lines beyond capacity and counts them', () => {
    const b = new RingBuffer(5);
    b.push(lines(0, 3));
    expect(b.push(lines(3, 4))).toBe(2);
    expect(b.length).toBe(5);
    expect(b.dropped).toBe(2);
    expect(b.firstSeq).toBe(2);
    expect(Array.from({ length: 5 }, (_, i) => b.at(i)?.text)).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6']);
    expect(b.bySeq(6)?.text).toBe('line 6');
    expect(b.bySeq(1)).toBeUndefined();
    expect(b.at(5)).toBeUndefined();
  });

  it('stays bounded under a large burst (50k capacity, 120k lines)', () => {
    const b = new RingBuffer(50_000);
    for (let i = 0; i < 60; i++) b.push(lines(i * 2000, 2000));
    expect(b.length).toBe(50_000);
    expect(b.dropped).toBe(70_000);
    expect(b.at(0)?.text).toBe('line 70000');
    expect(b.at(49_999)?.text).toBe('line 119999');
  });

  it('strips ANSI escapes into plain', () => {
    const b = new RingBuffer(2);
    b.push([{ pod: 'p', container: 'c', time: 't', text: '\x1b[33mWARN\x1b[0m slow' }]);
    expect(b.at(0)?.plain).toBe('WARN slow');
  });

  it('snapshots stay fixed while the buffer moves on; clear keeps counting seqs', () => {
    const b = new RingBuffer(3);
    b.push(lines(0, 3));
    const snap = b.snapshot();
    b.push(lines(3, 3));
    expect(snap.length).toBe(3);
    expect(snap.at(0)?.text).toBe('line 0');
    expect(snap.firstSeq).toBe(0);
    b.clear();
    expect(b.length).toBe(0);
    b.push(lines(6, 1));
    expect(b.firstSeq).toBe(6);
    expect(b.dropped).toBe(0);
  });
});
