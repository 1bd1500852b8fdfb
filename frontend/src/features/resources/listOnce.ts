// One-shot lists over the list stream: read until "synced", then close the
// connection (global search takes a snapshot this way). Live lists that
// must share a connection use liveLists.ts. Rows go through the one list
// reducer (listReducer.ts).
import { streamList } from '../../api/stream';
import type { Column, GVR, ListQuery, Row } from '../../api/types';
import { applyListMessage, initialListState } from './listReducer';
import { t } from '../../i18n';

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
  let list = initialListState();
  let error: string | undefined;
  try {
    await streamList(
      q,
      (m) => {
        list = applyListMessage(list, m);
        // Done once synced, or when the list failed for good.
        if (list.synced || (list.error && !list.error.retrying)) ctl.abort();
      },
      ctl.signal,
    );
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (list.error && !list.error.retrying) error = list.error.message;
  if (!list.synced && !error) error = t('errors.listIncomplete');
  const snap: ListSnapshot = { columns: list.columns, rows: [...list.rows.values()], at: Date.now() };
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
