// Snapshot streams: the backend sends a whole value now and again whenever it
// changes, as NDJSON lines {"type":"<kind>","list":…}, with heartbeats between.
//   GET /api/stream/contexts                → {"type":"contexts","list":ContextList}
//   GET /api/stream/apiresources?context=   → {"type":"resources","list":APIResourceList}
import { HEARTBEAT_TIMEOUT_MS, streamNdjson } from './openStream';
import type { APIResourceList, ContextList } from './types';

export interface SnapshotStream<T> {
  url: string;
  type: string;
  /** Light shape check of the value. */
  accept: (v: unknown) => v is T;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function contextsStream(): SnapshotStream<ContextList> {
  return {
    url: '/api/stream/contexts',
    type: 'contexts',
    accept: (v): v is ContextList => isObj(v) && Array.isArray(v.contexts) && Array.isArray(v.files),
  };
}

export function apiResourcesStream(context: string): SnapshotStream<APIResourceList> {
  return {
    url: `/api/stream/apiresources?context=${encodeURIComponent(context)}`,
    type: 'resources',
    accept: (v): v is APIResourceList => isObj(v) && Array.isArray(v.resources),
  };
}

/**
 * Delivers each snapshot of a stream until it ends (resolves), fails (rejects
 * with ApiError) or the signal aborts (resolves). Error lines go to onError.
 */
export async function followSnapshots<T>(
  s: SnapshotStream<T>,
  onValue: (v: T) => void,
  onError: (message: string) => void,
  signal: AbortSignal,
): Promise<void> {
  await streamNdjson(s.url, {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: (line) => {
      if (!isObj(line)) return;
      if (line.type === s.type && s.accept(line.list)) onValue(line.list);
      else if (line.type === 'error' && typeof line.message === 'string') onError(line.message);
    },
  });
}
