import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';

describe('ANSI colours', () => {
  it('leaves plain text alone', () => {
    expect(parseAnsi('hello')).toEqual([{ text: 'hello' }]);
    expect(stripAnsi('hello')).toBe('hello');
  });

  it('parses basic, bright, 256 and truecolour foregrounds and resets', () => {
    expect(parseAnsi('\x1b[33mWARN\x1b[0m slow')).toEqual([
      { text: 'WARN', style: { fg: 'var(--ansi-yellow)' } },
      { text: ' slow' },
    ]);
    expect(parseAnsi('\x1b[1;91mE\x1b[22;39mx')).toEqual([
      { text: 'E', style: { bold: true, fg: 'var(--ansi-bright-red)' } },
      { text: 'x' },
    ]);
    expect(parseAnsi('\x1b[38;5;196ma\x1b[48;2;1;2;3mb\x1b[m')).toEqual([
      { text: 'a', style: { fg: 'rgb(255,0,0)' } },
      { text: 'b', style: { fg: 'rgb(255,0,0)', bg: 'rgb(1,2,3)' } },
    ]);
  });

  it('drops other escape sequences; segments join to the stripped text', () => {
    const text = '\x1b]0;title\x07\x1b[2Kdone \x1b[4munder\x1b[24m';
    const segs = parseAnsi(text);
    expect(segs.map((s) => s.text).join('')).toBe(stripAnsi(text));
    expect(stripAnsi(text)).toBe('done under');
    expect(segs[1]).toEqual({ text: 'under', style: { underline: true } });
  });
});
