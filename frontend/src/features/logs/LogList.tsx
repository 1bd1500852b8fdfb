// The lines, virtualized: only the rows on screen exist in the DOM. Fixed
// row heights when lines do not wrap (cheap at thousands of lines a second);
// measured rows when they wrap or JSON is pretty-printed.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { JsonMode } from './jsonLine';
import { LogRow } from './LogRow';
import type { LineFormat } from './logText';
import type { LineSource } from './ringBuffer';

export const ROW_HEIGHT = 20;
// How long after the user touched the view a scroll still counts as theirs.
const USER_SCROLL_MS = 1000;

export interface LogListProps {
  source: LineSource;
  /** Changes whenever the source's content changed. */
  version: number;
  format: LineFormat;
  json: JsonMode;
  wrap: boolean;
  query: string;
  /** The seq of the selected search match. */
  currentSeq: number | undefined;
  /** Keep the newest line in view. */
  follow: boolean;
  /** The user scrolled away from the end (false) or back to it (true). */
  onAtEnd: (atEnd: boolean) => void;
  label: string;
}

export function LogList(p: LogListProps) {
  const { source, version, follow } = p;
  const scrollRef = useRef<HTMLDivElement>(null);
  const measured = p.wrap || p.json === 'pretty';
  const lastAuto = useRef(-1);
  // Scrolling to a search match must not count as "back at the end".
  const quietUntil = useRef(0);
  // When the user last moved the view (wheel, touch, keys, the scrollbar):
  // only such a scroll leaves "following". A scroll the layout makes (rows
  // re-measured when wrapping, the virtualizer's own adjustments) does not.
  const userScrollAt = useRef(0);
  const markUser = () => {
    userScrollAt.current = performance.now();
  };
  const v = useVirtualizer({
    count: source.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => source.at(i)?.seq ?? i,
    // Renders follow the frame; no synchronous re-render inside scroll handlers
    // (a fast log re-renders every frame anyway).
    useFlushSync: false,
  });

  // Re-measure when the way rows look changes.
  useEffect(() => v.measure(), [measured, p.format.timestamps, p.json, v]);

  // Following: stay at the end after every change (and after rows were measured).
  const total = v.getTotalSize();
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!follow || !el) return;
    const top = Math.max(0, total - el.clientHeight);
    lastAuto.current = top;
    el.scrollTop = top;
  }, [follow, version, source, total]);

  // Bring the selected match into view.
  useEffect(() => {
    if (p.currentSeq === undefined) return;
    const i = p.currentSeq - source.firstSeq;
    if (i < 0 || i >= source.length) return;
    quietUntil.current = performance.now() + 400;
    v.scrollToIndex(i, { align: 'center' });
  }, [p.currentSeq, source, v]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
    if (atEnd) {
      if (performance.now() > quietUntil.current) p.onAtEnd(true);
    }
    else if (follow && performance.now() - userScrollAt.current > USER_SCROLL_MS) {
      // Not the user's doing: stay at the end.
      const top = Math.max(0, el.scrollHeight - el.clientHeight);
      lastAuto.current = top;
      el.scrollTop = top;
      return;
    }
    else if (el.scrollTop < lastAuto.current - 2 || lastAuto.current < 0) p.onAtEnd(false);
    lastAuto.current = -1;
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'End') {
      e.preventDefault();
      p.onAtEnd(true);
    } else if (e.key === 'Home') {
      e.preventDefault();
      p.onAtEnd(false);
      v.scrollToIndex(0);
    }
  };

  // The log scrolls by keys too (a user's key scroll stops following), so it takes focus and keys.
  /* eslint-disable jsx-a11y/no-noninteractive-tabindex, jsx-a11y/no-noninteractive-element-interactions -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */
  return (
    <div
      ref={scrollRef}
      className={`log-scroll${p.wrap ? ' wrap' : ''}`}
      role="log"
      aria-live="off"
      aria-label={p.label}
      tabIndex={0}
      onScroll={onScroll}
      onWheel={markUser}
      onPointerDown={markUser}
      onTouchMove={markUser}
      onKeyDown={(e) => {
        markUser();
        onKey(e);
      }}
    >
      <div className="log-inner" style={{ height: total }}>
        {v.getVirtualItems().map((item) => {
          const e = source.at(item.index);
          if (!e) return null;
          return (
            <div
              key={item.key}
              className="log-line"
              data-index={item.index}
              ref={measured ? v.measureElement : undefined}
              style={{ transform: `translateY(${item.start}px)`, height: measured ? undefined : ROW_HEIGHT }}
            >
              <LogRow entry={e} format={p.format} json={p.json} query={p.query} current={e.seq === p.currentSeq} />
            </div>
          );
        })}
      </div>
    </div>
  );
  /* eslint-enable jsx-a11y/no-noninteractive-tabindex, jsx-a11y/no-noninteractive-element-interactions */
}
