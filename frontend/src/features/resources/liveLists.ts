// Keeps several lists live over one multiplexed stream (see
// api/multiStream.ts): each list's rows, columns and state, updated in one
// React state change per animation frame; reconnects with backoff.
import { useEffect, useState } from 'react';
import { streamLists, type MultiQuery } from '../../api/multiStream';
import type { Column, ListMessage, Row } from '../../api/types';
import { usePaneActive, useStreamEpoch } from '../clusters/clusterHealth';
import type { ListSnapshot } from './listOnce';

interface Live {
  columns: Column[];
  rows: Map<string, Row>;
  synced: boolean;
  error?: string;
}

/** Applies one message to a list's live state. */
export function applyMessage(l: Live, m: ListMessage): void {
  switch (m.type) {
    case 'columns':
      l.columns = m.columns;
      break;
    case 'rows':
      for (const r of m.rows) l.rows.set(r.key, r);
      break;
    case 'events':
      for (const r of m.upserts) l.rows.set(r.key, r);
      for (const k of m.deletes) l.rows.delete(k);
      break;
    case 'reset':
      l.rows.clear();
      l.synced = false;
      break;
    case 'synced':
      l.synced = true;
      delete l.error;
      break;
    case 'error':
      if (!m.retrying) l.error = m.message;
      break;
  }
}

function snapshot(l: Live): ListSnapshot {
  const s: ListSnapshot = { columns: l.columns, rows: [...l.rows.values()], at: Date.now() };
  if (l.error) s.error = l.error;
  return s;
}

/**
 * Live lists keyed by `key(query)`; a list appears once it has synced (or
 * failed). The stream pauses while its cluster pane is hidden.
 */
export function useLiveLists(context: string, queries: readonly MultiQuery[], key: (q: MultiQuery) => string): Map<string, ListSnapshot> {
  const [snaps, setSnaps] = useState<Map<string, ListSnapshot>>(new Map());
  const active = usePaneActive();
  const epoch = useStreamEpoch();
  const spec = JSON.stringify([context, queries]);
  useEffect(() => {
    if (!active) return;
    const [ctx, qs] = JSON.parse(spec) as [string, MultiQuery[]];
    const ctl = new AbortController();
    const lives: Live[] = qs.map(() => ({ columns: [], rows: new Map(), synced: false }));
    let frame = 0;
    const publish = () => {
      frame = 0;
      const next = new Map<string, ListSnapshot>();
      qs.forEach((q, i) => {
        const l = lives[i];
        if (l && (l.synced || l.error)) next.set(key(q), snapshot(l));
      });
      setSnaps(next);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(publish);
    };
    let delay = 500;
    const run = async () => {
      while (!ctl.signal.aborted) {
        try {
          await streamLists(ctx, qs, (i, m) => {
            const l = lives[i];
            if (!l) return;
            applyMessage(l, m);
            delay = 500;
            schedule();
          }, ctl.signal);
        } catch (e) {
          for (const l of lives) if (!l.synced) l.error = e instanceof Error ? e.message : String(e);
          schedule();
        }
        if (ctl.signal.aborted) return;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 15000);
      }
    };
    void run();
    return () => {
      ctl.abort();
      if (frame) cancelAnimationFrame(frame);
    };
    // key is a pure function of a query and spec holds the queries, so the
    // effect depends on spec alone.
  }, [spec, active, epoch]);
  return snaps;
}
