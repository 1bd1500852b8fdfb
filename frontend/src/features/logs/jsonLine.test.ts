import { describe, expect, it } from 'vitest';
import { formatJsonLine, parseJsonLine } from './jsonLine';

const line = '{"level":"info","ts":"2026-01-01T00:00:17Z","msg":"request served","method":"GET","status":200,"user":"alice smith"}';

describe('JSON lines', () => {
  it('recognises JSON objects only', () => {
    expect(parseJsonLine(line)?.msg).toBe('request served');
    expect(parseJsonLine('{not json}')).toBeNull();
    expect(parseJsonLine('[1,2]')).toBeNull();
    expect(parseJsonLine('plain text')).toBeNull();
  });

  it('formats readable: time, level, message, then key=value', () => {
    expect(formatJsonLine(line, 'readable')).toBe(
      '2026-01-01T00:00:17Z  INFO  request served  method=GET  status=200  user="alice smith"',
    );
  });

  it('formats pretty and leaves other lines and raw mode alone', () => {
    expect(formatJsonLine('{"a":1,"b":{"c":true}}', 'pretty')).toBe('{\n  "a": 1,\n  "b": {\n    "c": true\n  }\n}');
    expect(formatJsonLine('plain', 'pretty')).toBe('plain');
    expect(formatJsonLine(line, 'raw')).toBe(line);
  });
});
