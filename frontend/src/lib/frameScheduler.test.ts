import { describe, expect, it } from 'vitest';
import { frameBatch, onNextFrame } from './frameScheduler';

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

describe('frame scheduler', () => {
  it('hands a burst over as one batch on the next frame', async () => {
    const batches: number[][] = [];
    const b = frameBatch<number>((items) => batches.push(items));
    for (let i = 0; i < 100; i++) b.push(i);
    expect(batches).toEqual([]);
    await frame();
    await frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(100);
  });

  it('flushes now on demand and drops on cancel', async () => {
    const batches: string[][] = [];
    const b = frameBatch<string>((items) => batches.push(items));
    b.push('a');
    b.flush();
    expect(batches).toEqual([['a']]);
    b.push('b');
    b.cancel();
    await frame();
    await frame();
    expect(batches).toEqual([['a']]);
  });

  it('runs once, and not after cancel', async () => {
    let runs = 0;
    onNextFrame(() => runs++);
    const cancel = onNextFrame(() => (runs += 10));
    cancel();
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(1);
  });
});
