// Several live lists over one connection: GET /api/stream/lists. Browsers
// allow six connections per host, and a live list holds one for as long as
// it runs, so views that need many lists at once (the overview) share one.
import { toListMessage } from './listMessages';
import { HEARTBEAT_TIMEOUT_MS, streamNdjson } from './openStream';
import type { GVR, ListMessage } from './types';

export interface MultiQuery extends GVR {
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export function listsStreamUrl(context: string, queries: readonly MultiQuery[]): string {
  return `/api/stream/lists?context=${encodeURIComponent(context)}&queries=${encodeURIComponent(JSON.stringify(queries))}`;
}

/**
 * Delivers each list's messages with the index of its query, until the
 * stream ends (resolves) or fails (rejects with ApiError). Aborting resolves.
 */
export async function streamLists(
  context: string,
  queries: readonly MultiQuery[],
  onMessage: (index: number, m: ListMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  await streamNdjson(listsStreamUrl(context, queries), {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: (value) => {
      const index = typeof value === 'object' && value !== null && 'stream' in value ? value.stream : undefined;
      const m = toListMessage(value);
      if (m && typeof index === 'number' && index >= 0 && index < queries.length) onMessage(index, m);
    },
  });
}
