// The cluster client handed to plugins: the same Go handlers as the app's
// own views (/api/call/Apply, /api/call/Delete, /api/stream/object and the
// whole-object list stream /api/stream/objects), every request tagged with
// X-Kubedeck-Plugin so the app's log names the plugin. Plain fetch in both
// shells (the desktop serves /api/ through the same handler).
import { callCommand } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import { objectStreamUrl } from '../../api/objectStream';
import { HEARTBEAT_TIMEOUT_MS, PLUGIN_HEADER, streamNdjson, streamUrl } from '../../api/openStream';
import type { ClusterClient, KubeObject, ListOptions, ResourceKind, WatchEvent, WriteResult } from './types';
import { t } from '../../i18n';

export { PLUGIN_HEADER };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function objectsUrl(context: string, kind: ResourceKind, namespace: string, labelSelector: string, watch: boolean): string {
  const { group, version, resource } = kind;
  return streamUrl('/api/stream/objects', { context, group, version, resource, namespace, labelSelector, watch: watch ? '1' : '0' });
}

/** Decodes one line of the objects stream into a WatchEvent (null: heartbeat or unknown). */
export function toWatchEvent(v: unknown): WatchEvent | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'objects':
      return { type: 'objects', objects: Array.isArray(v.items) ? v.items.filter(isObj) : [] };
    case 'event':
      if ((v.event === 'added' || v.event === 'modified' || v.event === 'deleted') && isObj(v.object)) {
        return { type: v.event, object: v.object };
      }
      return null;
    case 'error': {
      const e: WatchEvent = { type: 'error', message: str(v.message) || t('errors.unknown') };
      if (typeof v.status === 'number' && v.status > 0) e.status = v.status;
      return e;
    }
    default:
      return null;
  }
}

/**
 * Reads an NDJSON stream, handing each value to onValue until it returns
 * false (the connection is then closed). Aborting rejects ("Cancelled"): a
 * plugin awaiting list or get hears that it got nothing.
 */
async function readStream(pluginId: string, url: string, signal: AbortSignal, onValue: (v: unknown) => boolean): Promise<void> {
  await streamNdjson(url, {
    init: { headers: { [PLUGIN_HEADER]: pluginId } },
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: onValue,
  });
  if (signal.aborted) throw new ApiError(t('errors.cancelled'));
}

/** Plugins may write with Apply and Delete only, over HTTP with the plugin's header (so the backend's log names it). */
function post(pluginId: string, method: 'Apply' | 'Delete', args: unknown[]): Promise<unknown> {
  return callCommand(method, args, { headers: { [PLUGIN_HEADER]: pluginId } });
}

function toResults(v: unknown): WriteResult[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).map((r) => {
    const out: WriteResult = { kind: str(r.kind), name: str(r.name) };
    if (str(r.namespace)) out.namespace = str(r.namespace);
    if (r.action === 'created' || r.action === 'configured' || r.action === 'unchanged' || r.action === 'updated' || r.action === 'deleted') out.action = r.action;
    if (str(r.error)) out.error = str(r.error);
    if (typeof r.status === 'number') out.status = r.status;
    return out;
  });
}

/** A client bound to one plugin, cluster and namespace. */
export function clusterClient(pluginId: string, context: string, namespace: string): ClusterClient {
  // The namespace on screen may be several ("a,b"): lists then cover every
  // namespace and keep those; single objects go to the first.
  const nsOf = (o?: { namespace?: string | undefined }) => (o?.namespace ?? namespace).split(',')[0]?.trim() ?? '';
  const scope = (o?: { namespace?: string | undefined }) => {
    const names = (o?.namespace ?? namespace).split(',').map((n) => n.trim()).filter(Boolean);
    if (names.length <= 1) return { query: names[0] ?? '', keep: (_: KubeObject) => true };
    const set = new Set(names);
    return { query: '', keep: (obj: KubeObject) => !obj.metadata?.namespace || set.has(obj.metadata.namespace) };
  };
  return {
    context,
    namespace,
    async list(kind: ResourceKind, options?: ListOptions): Promise<KubeObject[]> {
      let out: KubeObject[] | null = null;
      let failure: ApiError | null = null;
      const sc = scope(options);
      const url = objectsUrl(context, kind, sc.query, options?.labelSelector ?? '', false);
      await readStream(pluginId, url, options?.signal ?? new AbortController().signal, (v) => {
        const e = toWatchEvent(v);
        if (e?.type === 'objects') out = e.objects.filter(sc.keep);
        else if (e?.type === 'error') failure = new ApiError(e.message, e.status);
        else return true;
        return false;
      });
      if (failure) throw failure;
      if (!out) throw new ApiError(t('errors.listIncomplete'));
      return out;
    },
    async get(kind: ResourceKind, name: string, options?: { namespace?: string; signal?: AbortSignal }): Promise<KubeObject> {
      let out: KubeObject | null = null;
      let failure: ApiError | null = null;
      const url = objectStreamUrl({ context, ...kind, namespace: nsOf(options), name });
      await readStream(pluginId, url, options?.signal ?? new AbortController().signal, (v) => {
        if (!isObj(v)) return true;
        if (v.type === 'object' && isObj(v.object)) out = v.object;
        else if (v.type === 'deleted') failure = new ApiError(str(v.message) || `${name} does not exist`, 404);
        else if (v.type === 'error') failure = new ApiError(str(v.message) || t('errors.unknown'), typeof v.status === 'number' ? v.status : undefined);
        else return true;
        return false;
      });
      if (failure) throw failure;
      if (!out) throw new ApiError(`${name} could not be read`);
      return out;
    },
    watch(kind: ResourceKind, options: ListOptions, onEvent: (e: WatchEvent) => void): () => void {
      const ctl = new AbortController();
      const sc = scope(options);
      const url = objectsUrl(context, kind, sc.query, options.labelSelector ?? '', true);
      readStream(pluginId, url, ctl.signal, (v) => {
        let e = toWatchEvent(v);
        if (e?.type === 'objects') e = { type: 'objects', objects: e.objects.filter(sc.keep) };
        else if (e && e.type !== 'error' && !sc.keep(e.object)) e = null;
        if (e && !ctl.signal.aborted) onEvent(e);
        return !ctl.signal.aborted;
      }).catch((err: unknown) => {
        if (!ctl.signal.aborted) onEvent({ type: 'error', message: errorMessage(err) });
      });
      return () => ctl.abort();
    },
    async apply(yaml: string, options?: { namespace?: string; dryRun?: boolean }): Promise<WriteResult[]> {
      return toResults(await post(pluginId, 'Apply', [context, yaml, nsOf(options), options?.dryRun ?? false]));
    },
    async delete(kind: ResourceKind, name: string, options?: { namespace?: string }): Promise<WriteResult[]> {
      const ref = { ...kind, namespace: nsOf(options), name };
      return toResults(await post(pluginId, 'Delete', [context, [ref], 'background']));
    },
  };
}
