// JSON log lines made readable: "pretty" indents them; "readable" puts the
// level and message first and the other fields after as key=value.

export type JsonMode = 'raw' | 'readable' | 'pretty';

type Obj = Record<string, unknown>;

/** The object of a JSON log line, or null when the line is not a JSON object. */
export function parseJsonLine(text: string): Obj | null {
  const t = text.trim();
  if (t.length < 2 || t[0] !== '{' || t[t.length - 1] !== '}') return null;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
  } catch {
    return null;
  }
}

const LEVEL_KEYS = ['level', 'lvl', 'severity', 'loglevel'];
const MESSAGE_KEYS = ['msg', 'message', 'text'];
const TIME_KEYS = ['ts', 'time', 'timestamp', '@timestamp'];

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  return JSON.stringify(v) ?? String(v);
}

/** The line as shown in a mode; the text itself when it is not JSON or the mode is raw. */
export function formatJsonLine(text: string, mode: JsonMode): string {
  if (mode === 'raw') return text;
  const o = parseJsonLine(text);
  if (!o) return text;
  if (mode === 'pretty') return JSON.stringify(o, null, 2);
  const pick = (keys: string[]) => keys.find((k) => k in o && typeof o[k] !== 'object');
  const lk = pick(LEVEL_KEYS);
  const mk = pick(MESSAGE_KEYS);
  const tk = pick(TIME_KEYS);
  const head: string[] = [];
  if (tk) head.push(String(o[tk]));
  if (lk) head.push(String(o[lk]).toUpperCase());
  if (mk) head.push(String(o[mk]));
  const rest = Object.keys(o)
    .filter((k) => k !== lk && k !== mk && k !== tk)
    .map((k) => `${k}=${value(o[k])}`);
  return [...head, ...rest].join('  ');
}
