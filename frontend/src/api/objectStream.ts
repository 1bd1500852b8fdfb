// Object streams: GET /api/stream/object → the object now and after every change.
import { HEARTBEAT_TIMEOUT_MS, streamNdjson } from './openStream';
import type { KubeObject, ObjectMessage, ObjectQuery } from './types';

export function objectStreamUrl(q: ObjectQuery): string {
  const params: [string, string][] = [
    ['context', q.context],
    ['group', q.group],
    ['version', q.version],
    ['resource', q.resource],
    ['namespace', q.namespace],
    ['name', q.name],
  ];
  return `/api/stream/object?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toObjectMessage(v: unknown): ObjectMessage | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'object':
      if (!isObj(v.object)) return null;
      return { type: 'object', object: v.object as KubeObject, yaml: typeof v.yaml === 'string' ? v.yaml : '' };
    case 'deleted':
      return { type: 'deleted', message: typeof v.message === 'string' ? v.message : 'The object was deleted.' };
    case 'error': {
      const m: ObjectMessage = { type: 'error', message: typeof v.message === 'string' ? v.message : 'Unknown error' };
      if (typeof v.status === 'number' && v.status > 0) m.status = v.status;
      return m;
    }
    default:
      return null;
  }
}

/** Follows one object until the stream ends (resolves), fails (rejects) or the signal aborts. */
export async function streamObject(
  q: ObjectQuery,
  onMessage: (m: ObjectMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  await streamNdjson(objectStreamUrl(q), {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: (value) => {
      const m = toObjectMessage(value);
      if (m) onMessage(m);
    },
  });
}
