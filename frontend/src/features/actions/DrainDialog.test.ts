import { describe, expect, it } from 'vitest';
import { seconds } from './DrainDialog';

describe('seconds', () => {
  it('keeps 0 (evict at once) and negative values', () => {
    expect(seconds('0', -1)).toBe(0);
    expect(seconds('-1', 5)).toBe(-1);
    expect(seconds(' 30 ', -1)).toBe(30);
  });
  it('falls back when empty or not a whole number', () => {
    expect(seconds('', -1)).toBe(-1);
    expect(seconds('abc', 300)).toBe(300);
    expect(seconds('1.5', 300)).toBe(300);
  });
});
