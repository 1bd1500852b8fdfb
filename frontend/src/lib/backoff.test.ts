import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultBackoff, exponentialBackoff } from './backoff';

afterEach(() => vi.restoreAllMocks());

describe('backoff', () => {
  it('doubles from the base up to the max', () => {
    const b = exponentialBackoff({ base: 100, max: 1000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6].map((n) => b.delay(n))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
  it('spreads by the jitter', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(defaultBackoff.delay(1)).toBe(800);
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(defaultBackoff.delay(10)).toBeCloseTo(36_000, -1);
  });
});
