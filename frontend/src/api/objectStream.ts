// Object streams: GET /api/stream/object → the object now and after every change.
import { ApiError, errorMessage, networkError, responseError } from './errors';
import { readNdjson } from './ndjson';
import type { KubeObject, ObjectMessage, ObjectQuery } from './types';
import { openStream } from './openStream';

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
  let res: Response;
  try {
    res = await openStream(objectStreamUrl(q), {}, signal);
  } catch (e) {
    if (signal.aborted) return;
    throw networkError(e);
  }
  if (!res.ok) throw await responseError(res);
  if (!res.body) throw new ApiError('The backend sent an empty stream', res.status);
  try {
    for await (const value of readNdjson(res.body)) {
      if (signal.aborted) return;
      const m = toObjectMessage(value);
      if (m) onMessage(m);
    }
  } catch (e) {
    if (signal.aborted) return;
    throw new ApiError(`The stream broke off (${errorMessage(e)})`, undefined, { network: true, cause: e });
  }
}
