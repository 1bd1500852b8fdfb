// Several live lists over one connection: GET /api/stream/lists. Browsers
// allow six connections per host, and a live list holds one for as long as
// it runs, so views that need many lists at once (the overview) share one.
import { ApiError, errorMessage, networkError, responseError } from './errors';
import { readNdjson } from './ndjson';
import { toListMessage } from './stream';
import type { GVR, ListMessage } from './types';
import { openStream } from './openStream';

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
  let res: Response;
  try {
    res = await openStream(listsStreamUrl(context, queries), {}, signal);
  } catch (e) {
    if (signal.aborted) return;
    throw networkError(e);
  }
  if (!res.ok) throw await responseError(res);
  if (!res.body) throw new ApiError('The backend sent an empty stream', res.status);
  try {
    for await (const value of readNdjson(res.body)) {
      if (signal.aborted) return;
      const index = typeof value === 'object' && value !== null && 'stream' in value ? (value as { stream: unknown }).stream : undefined;
      const m = toListMessage(value);
      if (m && typeof index === 'number' && index >= 0 && index < queries.length) onMessage(index, m);
    }
  } catch (e) {
    if (signal.aborted) return;
    throw new ApiError(`The stream broke off (${errorMessage(e)})`, undefined, { network: true, cause: e });
  }
}
