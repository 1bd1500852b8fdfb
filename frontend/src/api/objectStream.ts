// Object streams: GET /api/stream/object → the object now and after every change.
import { decoded, HEARTBEAT_TIMEOUT_MS, streamNdjson, streamUrl } from './openStream';
import type { KubeObject, ObjectMessage, ObjectQuery } from './types';
import { t } from '../i18n';

export function objectStreamUrl(q: ObjectQuery): string {
  const { context, group, version, resource, namespace, name } = q;
  return streamUrl('/api/stream/object', { context, group, version, resource, namespace, name });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toObjectMessage(v: unknown): ObjectMessage | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'object':
      if (!isObj(v.object)) return null;
      return { type: 'object', object: v.object as KubeObject, yaml: typeof v.yaml === 'string' ? v.yaml : '' };
    case 'deleted':
      return { type: 'deleted', message: typeof v.message === 'string' ? v.message : t('errors.objectDeleted') };
    case 'error': {
      const m: ObjectMessage = { type: 'error', message: typeof v.message === 'string' ? v.message : t('errors.unknown') };
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
    onMessage: decoded(toObjectMessage, onMessage),
  });
}
