// One-shot lists over the list stream: read until "synced", then close the
// connection (global search takes a snapshot this way). Live lists that
// must share a connection use state/liveLists.ts.
import { streamList } from '../../api/stream';
import type { Column, GVR, ListQuery, Row } from '../../api/types';

export interface ListSnapshot {
  columns: Column[];
  rows: Row[];
  /** When it was taken (ms since epoch). */
  at: number;
  error?: string;
}

export async function listOnce(q: ListQuery, signal: AbortSignal): Promise<ListSnapshot> {
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  signal.addEventListener('abort', stop);
  let columns: Column[] = [];
  const rows = new Map<string, Row>();
  let error: string | undefined;
  let synced = false;
  try {
    await streamList(
      q,
      (m) => {
        switch (m.type) {
          case 'columns':
            columns = m.columns;
            break;
          case 'rows':
            for (const r of m.rows) rows.set(r.key, r);
            break;
          case 'events':
            for (const r of m.upserts) rows.set(r.key, r);
            for (const k of m.deletes) rows.delete(k);
            break;
          case 'reset':
            rows.clear();
            break;
          case 'synced':
            synced = true;
            ctl.abort();
            break;
          case 'error':
            if (!m.retrying) {
              error = m.message;
              ctl.abort();
            }
            break;
        }
      },
      ctl.signal,
    );
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (!synced && !error) error = 'The list ended before it was complete.';
  const snap: ListSnapshot = { columns, rows: [...rows.values()], at: Date.now() };
  if (error) snap.error = error;
  return snap;
}

/** Runs fn over items with at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Lists of several collections refreshed in turn over one connection, every
 * `intervalMs` — near-live without holding a connection per collection.
 */
export const gvrKey = (g: GVR) => `${g.group}/${g.resource}`;
