// One log line: optional tag and time, then the text with its ANSI colours,
// JSON made readable when asked, and search matches marked.
import { memo, type CSSProperties } from 'react';
import { parseAnsi, type Segment, type Style } from './ansi';
import { formatJsonLine, type JsonMode } from './jsonLine';
import type { LogEntry } from './ringBuffer';
import { findRanges, highlight } from './search';
import { tagColour, tagOf, type LineFormat } from './logText';

export interface LogRowProps {
  entry: LogEntry;
  format: LineFormat;
  json: JsonMode;
  query: string;
  current: boolean;
}

function css(s: Style | undefined): CSSProperties | undefined {
  if (!s) return undefined;
  const out: CSSProperties = {};
  const fg = s.inverse ? (s.bg ?? 'var(--log-bg)') : s.fg;
  const bg = s.inverse ? (s.fg ?? 'var(--text)') : s.bg;
  if (fg) out.color = fg;
  if (bg) out.backgroundColor = bg;
  if (s.bold) out.fontWeight = 700;
  if (s.dim) out.opacity = 0.7;
  if (s.italic) out.fontStyle = 'italic';
  if (s.underline) out.textDecoration = 'underline';
  return out;
}

function segmentsOf(e: LogEntry, json: JsonMode): Segment[] {
  if (json !== 'raw') {
    const formatted = formatJsonLine(e.plain, json);
    if (formatted !== e.plain) return [{ text: formatted }];
  }
  return parseAnsi(e.text);
}

export const LogRow = memo(function LogRow({ entry, format, json, query, current }: LogRowProps) {
  let segs = segmentsOf(entry, json);
  if (query) {
    const text = segs.map((s) => s.text).join('');
    segs = highlight(segs, findRanges(text, query), current ? 'current' : 'match');
  }
  const tag = tagOf(entry, format);
  return (
    <>
      {tag && <span className={`log-tag tag-${tagColour(tag)}`}>{tag} </span>}
      {format.timestamps && <span className="log-time">{entry.time} </span>}
      <span className="log-text">
        {segs.map((s, i) =>
          s.mark ? (
            <mark key={i} className={s.mark === 'current' ? 'log-mark current' : 'log-mark'} style={css(s.style)}>
              {s.text}
            </mark>
          ) : s.style ? (
            <span key={i} style={css(s.style)}>
              {s.text}
            </span>
          ) : (
            s.text
          ),
        )}
      </span>
    </>
  );
});
