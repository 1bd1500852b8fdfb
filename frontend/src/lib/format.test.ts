import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('formatBytes', () => {
  it('uses binary units with one decimal below 10, in the given language', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
    expect(formatBytes(3.2 * 1024 * 1024, 'en')).toBe('3.2 MiB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MiB');
    expect(formatBytes(3.25 * 1024 * 1024, 'de')).toBe('3,3 MiB');
    expect(formatBytes(5 * 1024 ** 4 * 1024, 'en')).toBe('5,120 TiB');
  });
});
