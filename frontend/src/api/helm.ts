// Typed wrappers for the Helm commands (releases, revisions, drift and the
// actions on them) and the reader of GET /api/stream/helm. Commands go
// through the one command client (api/client.ts), the stream through the one
// NDJSON transport (api/openStream.ts).
import { call, type CommandFns } from './client';
import type { HelmMessage, HelmRelease } from './contract.gen';
import { decoded, HEARTBEAT_TIMEOUT_MS, streamNdjson, streamUrl } from './openStream';
import { t } from '../i18n';

type HelmCommand =
  | 'HelmRelease'
  | 'HelmRevision'
  | 'HelmObjects'
  | 'HelmDrift'
  | 'HelmRollbackPreview'
  | 'HelmRollback'
  | 'HelmUninstall'
  | 'HelmUpgrade'
  | 'HelmPickChart'
  | 'HelmReadChart'
  | 'HelmInstall';

export const helmApi: CommandFns<HelmCommand> = {
  HelmRelease: (...a) => call('HelmRelease', ...a),
  HelmRevision: (...a) => call('HelmRevision', ...a),
  HelmObjects: (...a) => call('HelmObjects', ...a),
  HelmDrift: (...a) => call('HelmDrift', ...a),
  HelmRollbackPreview: (...a) => call('HelmRollbackPreview', ...a),
  HelmRollback: (...a) => call('HelmRollback', ...a),
  HelmUninstall: (...a) => call('HelmUninstall', ...a),
  HelmUpgrade: (...a) => call('HelmUpgrade', ...a),
  HelmPickChart: (...a) => call('HelmPickChart', ...a),
  HelmReadChart: (...a) => call('HelmReadChart', ...a),
  HelmInstall: (...a) => call('HelmInstall', ...a),
};

/** A line of the Helm stream as the reader hands it on (heartbeats dropped). */
export type HelmLine = Exclude<HelmMessage, { type: 'heartbeat' }>;

/** A problem line: a namespace's storage the watch cannot follow. */
export type HelmProblem = Omit<Extract<HelmMessage, { type: 'problem' }>, 'type'>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A release row with every field there (Go leaves nothing out, but a line is never trusted). */
export function toRelease(v: Record<string, unknown>): HelmRelease {
  return {
    name: str(v.name),
    namespace: str(v.namespace),
    revision: num(v.revision),
    status: str(v.status),
    chart: str(v.chart),
    chartVersion: str(v.chartVersion),
    appVersion: str(v.appVersion),
    updated: str(v.updated),
    description: str(v.description),
    driver: str(v.driver) || 'secret',
    revisions: num(v.revisions),
  };
}

const releases = (v: unknown): HelmRelease[] => (Array.isArray(v) ? v.filter(isObj).map(toRelease).filter((r) => r.name !== '') : []);

export function toHelmLine(v: unknown): HelmLine | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'releases':
      return { type: 'releases', releases: releases(v.releases) };
    case 'changes':
      return { type: 'changes', releases: releases(v.releases), deleted: Array.isArray(v.deleted) ? v.deleted.filter((k): k is string => typeof k === 'string') : [] };
    case 'problem':
      return {
        type: 'problem',
        namespace: str(v.namespace),
        driver: str(v.driver) || 'secret',
        message: str(v.message) || t('errors.unknown'),
        status: num(v.status),
        retrying: v.retrying === true,
        readable: Array.isArray(v.readable) ? v.readable.filter((n): n is string => typeof n === 'string') : [],
        partial: v.partial === true,
      };
    case 'error':
      return { type: 'error', message: str(v.message) || t('errors.unknown') };
    default:
      return null;
  }
}

/** The stream's URL: the namespaces comma-separated, none for all of them. */
export function helmStreamUrl(context: string, namespaces: readonly string[]): string {
  return streamUrl('/api/stream/helm', { context, namespaces: namespaces.join(',') });
}

/** The releases of namespaces (none: all), once read and after each change, until the stream ends, fails or the signal aborts. */
export function streamHelm(context: string, namespaces: readonly string[], onLine: (m: HelmLine) => void, signal: AbortSignal): Promise<void> {
  return streamNdjson(helmStreamUrl(context, namespaces), {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: decoded(toHelmLine, onLine),
  });
}

/** Bytes as base64 (how JSON carries a chart archive to Go's []byte). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
