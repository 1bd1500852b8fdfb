// Keeps several lists live over one multiplexed stream (see
// api/multiStream.ts): each list's state kept by the one list reducer
// (applyListMessages), published in one React state change per animation
// frame; reconnects with the one backoff and pauses while its cluster pane is
// hidden (useLiveStream).
import { useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { streamLists, type MultiQuery } from '../../api/multiStream';
import type { ListMessage } from '../../api/types';
import { frameBatch } from '../../lib/frameScheduler';
import { useLiveStream } from '../../lib/useLiveStream';
import type { ListSnapshot } from './listOnce';
import { applyListMessages, initialListState, listReducer, type ListState } from './listReducer';

/** What a live list shows: its rows once synced; a terminal error (not one it recovers from). */
export function listSnapshot(s: ListState, at = Date.now()): ListSnapshot {
  const snap: ListSnapshot = { columns: s.columns, rows: [...s.rows.values()], at };
  if (s.error && !s.error.retrying) snap.error = s.error.message;
  return snap;
}

/** Whether a list has something to show: it synced, or failed for good. */
export const listShown = (s: ListState): boolean => s.synced || (s.error !== null && !s.error.retrying);

type Tagged = [index: number, message: ListMessage];

/**
 * Live lists keyed by `key(query)`; a list appears once it has synced (or
 * failed). The stream pauses while its cluster pane is hidden.
 */
export function useLiveLists(context: string, queries: readonly MultiQuery[], key: (q: MultiQuery) => string): Map<string, ListSnapshot> {
  const [snaps, setSnaps] = useState<Map<string, ListSnapshot>>(new Map());
  const lists = useRef<ListState[]>([]);
  const publish = () => {
    const next = new Map<string, ListSnapshot>();
    queries.forEach((q, i) => {
      const l = lists.current[i];
      if (l && listShown(l)) next.set(key(q), listSnapshot(l));
    });
    setSnaps(next);
  };
  const publishRef = useRef(publish);
  publishRef.current = publish;
  const batch = useMemo(
    () =>
      frameBatch<Tagged>((tagged) => {
        const byList = new Map<number, ListMessage[]>();
        for (const [i, m] of tagged) {
          const ms = byList.get(i);
          if (ms) ms.push(m);
          else byList.set(i, [m]);
        }
        for (const [i, ms] of byList) {
          const l = lists.current[i];
          if (l) lists.current[i] = applyListMessages(l, ms);
        }
        publishRef.current();
      }),
    [],
  );

  useLiveStream<Tagged>({
    key: JSON.stringify([context, queries]),
    open: (onMessage, signal) => streamLists(context, queries, (i, m) => onMessage([i, m]), signal),
    onConnect: (c) => {
      // A new set of lists starts empty; a reconnection keeps the rows shown until each list is synced again.
      lists.current =
        c.kind === 'new' || lists.current.length !== queries.length
          ? queries.map(() => initialListState())
          : lists.current.map((l) => listReducer(l, { type: 'connect', replace: true }));
    },
    onMessage: (m, c) => {
      c.healthy();
      batch.push(m);
    },
    onEnd: (e) => {
      batch.flush();
      if (e !== undefined) {
        const message = errorMessage(e);
        lists.current = lists.current.map((l) => (l.synced ? l : { ...l, error: { message, retrying: false } }));
        publishRef.current();
      }
      return true;
    },
    onStop: () => batch.cancel(),
  });
  return snaps;
}
