// The ClusterClient a plugin's components and actions receive, bound to the
// cluster and namespace on screen: a proxy over Rpc (nothing in the frame
// can reach /api/). The namespace in the options defaults to the bound one.
import type { Call, WireKind } from '../features/plugins/sandbox/protocol';
import type { ClusterClient, KubeObject, ListOptions, ResourceKind, WatchEvent, WriteResult } from '../features/plugins/types';
import type { Rpc } from './rpc';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A kind as the wire carries it; throws TypeError on anything else (the host would drop the call). */
function wireKind(kind: ResourceKind, what: string): WireKind {
  const k: unknown = kind;
  if (!isObj(k) || typeof k.group !== 'string' || typeof k.version !== 'string' || typeof k.resource !== 'string') {
    throw new TypeError(`${what}: kind needs group, version and resource`);
  }
  return { group: k.group, version: k.version, resource: k.resource };
}

function needString(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new TypeError(`${what} must be a string`);
  return v;
}

function optString(v: unknown, what: string): string | undefined {
  return v === undefined ? undefined : needString(v, what);
}

const objects = (v: unknown): KubeObject[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const ACTIONS = new Set(['created', 'configured', 'unchanged', 'updated', 'deleted']);

/** The write results as the API types them (the host passes Apply's and Delete's results on). */
function writeResults(v: unknown): WriteResult[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).map((r) => {
    const out: WriteResult = { kind: str(r.kind), name: str(r.name) };
    if (str(r.namespace)) out.namespace = str(r.namespace);
    if (typeof r.action === 'string' && ACTIONS.has(r.action)) out.action = r.action as NonNullable<WriteResult['action']>;
    if (str(r.error)) out.error = str(r.error);
    if (typeof r.status === 'number') out.status = r.status;
    return out;
  });
}

function object(v: unknown, name: string): KubeObject {
  if (!isObj(v)) throw new Error(`${name} could not be read`);
  return v;
}

export function frameClient(rpc: Rpc, context: string, namespace: string): ClusterClient {
  const ns = (o: { namespace?: string } | undefined, what: string) => optString(o?.namespace, `${what} namespace`) ?? namespace;
  const selector = (o: ListOptions | undefined, what: string) => {
    const s = optString(o?.labelSelector, `${what} labelSelector`);
    return s === undefined || s === '' ? {} : { labelSelector: s };
  };
  return Object.freeze({
    context,
    namespace,
    list: async (kind: ResourceKind, options?: ListOptions) => {
      const call: Call = { method: 'list', kind: wireKind(kind, 'list'), namespace: ns(options, 'list'), ...selector(options, 'list') };
      return objects(await rpc.call(call, options?.signal));
    },
    get: async (kind: ResourceKind, name: string, options?: { namespace?: string; signal?: AbortSignal }) => {
      const call: Call = { method: 'get', kind: wireKind(kind, 'get'), name: needString(name, 'get name'), namespace: ns(options, 'get') };
      return object(await rpc.call(call, options?.signal), name);
    },
    watch(kind: ResourceKind, options: ListOptions, onEvent: (e: WatchEvent) => void): () => void {
      if (typeof onEvent !== 'function') throw new TypeError('watch: onEvent must be a function');
      const call = { method: 'watch' as const, kind: wireKind(kind, 'watch'), namespace: ns(options, 'watch'), ...selector(options, 'watch') };
      return rpc.watch(call, onEvent, options?.signal);
    },
    apply: async (yaml: string, options?: { namespace?: string; dryRun?: boolean }) => {
      const call: Call = { method: 'apply', yaml: needString(yaml, 'apply yaml'), namespace: ns(options, 'apply'), dryRun: options?.dryRun === true };
      return writeResults(await rpc.call(call));
    },
    delete: async (kind: ResourceKind, name: string, options?: { namespace?: string }) => {
      const call: Call = { method: 'delete', kind: wireKind(kind, 'delete'), name: needString(name, 'delete name'), namespace: ns(options, 'delete') };
      return writeResults(await rpc.call(call));
    },
  });
}
