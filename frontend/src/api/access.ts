// Typed wrappers for the Access commands (who can do what, sharing tokens)
// and the reader of GET /api/stream/access. Commands go through the one
// command client (api/client.ts), the stream through the one NDJSON
// transport (api/openStream.ts).
import { call, type CommandFns } from './client';
import type { AccessMatrix, AccessMessage } from './contract.gen';
import { decoded, HEARTBEAT_TIMEOUT_MS, streamNdjson, streamUrl } from './openStream';
import { t } from '../i18n';

type AccessCommand = 'SubjectAccess' | 'MyAccess' | 'ShareRoles' | 'SharePreview' | 'ShareCreate' | 'Shares' | 'ShareRevoke';

export const accessApi: CommandFns<AccessCommand> = {
  SubjectAccess: (...a) => call('SubjectAccess', ...a),
  MyAccess: (...a) => call('MyAccess', ...a),
  ShareRoles: (...a) => call('ShareRoles', ...a),
  SharePreview: (...a) => call('SharePreview', ...a),
  ShareCreate: (...a) => call('ShareCreate', ...a),
  Shares: (...a) => call('Shares', ...a),
  ShareRevoke: (...a) => call('ShareRevoke', ...a),
};

/** A line of the access stream as the reader hands it on (heartbeats dropped). */
export type AccessLine = Exclude<AccessMessage, { type: 'heartbeat' }>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** A matrix with the lists Go leaves out when empty (null) filled in. */
function toMatrix(v: Record<string, unknown>): AccessMatrix {
  return {
    namespace: typeof v.namespace === 'string' ? v.namespace : '',
    columns: list(v.columns),
    rows: list<Record<string, unknown>>(v.rows)
      .filter(isObj)
      .map((r) => ({ ...(r as unknown as AccessMatrix['rows'][number]), grants: list(r.grants), cells: list(r.cells), dangers: list(r.dangers) })),
    missing: list<unknown>(v.missing).filter((m): m is string => typeof m === 'string'),
  };
}

export function toAccessLine(v: unknown): AccessLine | null {
  if (!isObj(v)) return null;
  if (v.type === 'matrix' && isObj(v.matrix)) return { type: 'matrix', matrix: toMatrix(v.matrix) };
  if (v.type === 'error') {
    return { type: 'error', message: typeof v.message === 'string' && v.message ? v.message : t('errors.unknown'), retrying: v.retrying === true };
  }
  return null;
}

export function accessStreamUrl(context: string, namespace: string): string {
  return streamUrl('/api/stream/access', { context, namespace });
}

/** Who can do what in namespace ("" cluster-wide), now and after each RBAC change, until the stream ends, fails or the signal aborts. */
export function streamAccess(context: string, namespace: string, onLine: (m: AccessLine) => void, signal: AbortSignal): Promise<void> {
  return streamNdjson(accessStreamUrl(context, namespace), {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: decoded(toAccessLine, onLine),
  });
}
