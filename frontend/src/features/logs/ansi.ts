// ANSI SGR colours in log lines (the 16 basic colours, bright ones, 256-colour
// and 24-bit forms, bold/dim/italic/underline/inverse), turned into styled
// segments. Other escape sequences (cursor moves, OSC titles) are dropped.

export interface Style {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface Segment {
  text: string;
  style?: Style;
  /** Set by highlighting: this text matches the search (current: the selected match). */
  mark?: 'match' | 'current';
}

// CSI … final byte, OSC … BEL/ST, and two-byte escapes.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.indexOf('\x1b') === -1 ? text : text.replace(ESCAPES, '');
}

/** The CSS variable of a basic colour (0-7, +8 for bright). */
const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
function basic(n: number): string {
  return `var(--ansi-${n >= 8 ? 'bright-' : ''}${BASIC[n % 8]})`;
}

function xterm256(n: number): string {
  if (n < 16) return basic(n);
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const c = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return `rgb(${c(Math.floor(i / 36))},${c(Math.floor(i / 6) % 6)},${c(i % 6)})`;
}

function applySgr(params: number[], style: Style): Style {
  let s: Style = { ...style };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? 0;
    if (p === 0) {
      s = {};
    } else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 22) {
      delete s.bold;
      delete s.dim;
    } else if (p === 23) delete s.italic;
    else if (p === 24) delete s.underline;
    else if (p === 27) delete s.inverse;
    else if (p >= 30 && p <= 37) s.fg = basic(p - 30);
    else if (p === 39) delete s.fg;
    else if (p >= 40 && p <= 47) s.bg = basic(p - 40);
    else if (p === 49) delete s.bg;
    else if (p >= 90 && p <= 97) s.fg = basic(p - 90 + 8);
    else if (p >= 100 && p <= 107) s.bg = basic(p - 100 + 8);
    else if (p === 38 || p === 48) {
      const key = p === 38 ? 'fg' : 'bg';
      if (params[i + 1] === 5 && params[i + 2] !== undefined) {
        s[key] = xterm256(params[i + 2] ?? 0);
        i += 2;
      } else if (params[i + 1] === 2 && params[i + 4] !== undefined) {
        s[key] = `rgb(${params[i + 2]},${params[i + 3]},${params[i + 4]})`;
        i += 4;
      }
    }
  }
  return s;
}

const isEmpty = (s: Style) => Object.keys(s).length === 0;

/** Splits a line into styled segments; their texts joined equal stripAnsi(text). */
export function parseAnsi(text: string): Segment[] {
  if (text.indexOf('\x1b') === -1) return text ? [{ text }] : [];
  const out: Segment[] = [];
  let style: Style = {};
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev && JSON.stringify(prev.style ?? {}) === JSON.stringify(style)) prev.text += t;
    else out.push(isEmpty(style) ? { text: t } : { text: t, style: { ...style } });
  };
  ESCAPES.lastIndex = 0;
  for (let m = ESCAPES.exec(text); m; m = ESCAPES.exec(text)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const seq = m[0];
    if (seq.startsWith('\x1b[') && seq.endsWith('m')) {
      const body = seq.slice(2, -1);
      const params = body === '' ? [] : body.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
      if (params.every((n) => Number.isFinite(n))) style = applySgr(params, style);
    }
  }
  push(text.slice(last));
  return out;
}
