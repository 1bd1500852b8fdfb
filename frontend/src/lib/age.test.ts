import { describe, expect, it } from 'vitest';
import { formatAge, humanDuration, parseHumanDuration } from './age';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (kubectl ages)', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m, '3m'],
    [3 * m + 5 * s, '3m5s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [2 * h + 59 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [20 * h, '20h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [4 * d, '4d'],
    [4 * d + 2 * h, '4d2h'],
    [30 * d, '30d'],
    [2 * 365 * d, '2y'],
    [2 * 365 * d + 13 * d, '2y13d'],
    [9 * 365 * d, '9y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('formatAge', () => {
  it('measures from the creation timestamp', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(formatAge('2026-11-28T11:59:55Z', now)).toBe('5s');
    expect(formatAge('2026-11-28T11:57:00Z', now)).toBe('3m');
    // kubectl says 120m, not 2h, below three hours.
    expect(formatAge('2026-11-28T10:00:00Z', now)).toBe('120m');
    expect(formatAge('2026-11-28T08:00:00Z', now)).toBe('4h');
    expect(formatAge('2026-11-24T12:00:00Z', now)).toBe('4d');
  });

  it('copes with missing or bad timestamps', () => {
    expect(formatAge(undefined, 0)).toBe('<unknown>');
    expect(formatAge('yesterday', 0)).toBe('<unknown>');
  });
});

describe('parseHumanDuration', () => {
  it('reads what humanDuration writes', () => {
    for (const ms of [5_000, 185_000, 18_180_000, 352_800_000, 64_195_200_000]) {
      expect(parseHumanDuration(humanDuration(ms)) * 1000).toBe(ms);
    }
    expect(parseHumanDuration('<unknown>')).toBeNaN();
    expect(parseHumanDuration('5 minutes')).toBeNaN();
  });
});

describe('humanDuration in other languages (Intl units)', () => {
  it('writes German and Japanese units, English stays kubectl’s', () => {
    expect(humanDuration(185_000, 'en')).toBe('3m5s');
    expect(humanDuration(185_000, 'de')).toBe('3 Min. 5 Sek.');
    expect(humanDuration(185_000, 'ja')).toBe('3 分 5 秒');
    expect(humanDuration(4 * 86_400_000, 'de')).toBe('4 T');
    expect(formatAge('2026-11-28T08:00:00Z', Date.parse('2026-11-28T12:00:00Z'), 'ja')).toBe('4 時間');
  });
});
