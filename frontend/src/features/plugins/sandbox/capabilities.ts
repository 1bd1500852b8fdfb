// The host's check of a plugin's call against what the user granted it
// (PluginInfo.granted) and the context's read-only switch. The Go side checks
// again and is the authority; this check refuses early, names the reason and
// keeps a refused request from leaving the page.
import type { Capabilities } from '../../../api/contract.gen';
import type { Call } from './protocol';

export type RefusedAction = 'read' | 'apply' | 'delete' | 'settings' | 'call' | 'browser';
export type RefusalReason = 'not-granted' | 'read-only' | 'flooding' | 'unreadable' | 'csp';

/** Why one request was refused. */
export interface Refusal {
  action: RefusedAction;
  /** What it was about: a kind ("apps/deployments"), a method, or what the browser blocked. */
  target: string;
  reason: RefusalReason;
}

/** The grant's name of a kind: "pods" (core group) or "apps/deployments". */
export function kindName(kind: { group: string; resource: string }): string {
  return kind.group ? `${kind.group}/${kind.resource}` : kind.resource;
}

/** Whether the plugin may list, get and watch a kind (and receive its objects). "*" covers every kind but Secrets. */
export function canRead(granted: Capabilities | undefined, kind: { group: string; resource: string }): boolean {
  const read = granted?.read ?? [];
  const name = kindName(kind);
  if (name === 'secrets') return read.includes('secrets');
  return read.includes(name) || read.includes('*');
}

export function canWrite(granted: Capabilities | undefined, kind: string, verb: 'apply' | 'delete'): boolean {
  return granted?.write?.[kind]?.includes(verb) === true;
}

const IRREGULAR: Record<string, string> = { endpoints: 'endpoints', podsecuritypolicy: 'podsecuritypolicies' };

/** The resource of a Kind, as Kubernetes names them (ConfigMap → configmaps, Ingress → ingresses, NetworkPolicy → networkpolicies). */
export function resourceOf(kind: string): string {
  const k = kind.toLowerCase();
  const irregular = IRREGULAR[k];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  return `${k}s`;
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindsOfJson(v: unknown): string[] | null {
  const docs = Array.isArray(v) ? v : isObj(v) && v.kind === 'List' && Array.isArray(v.items) ? v.items : [v];
  const out: string[] = [];
  for (const d of docs) {
    if (!isObj(d) || typeof d.kind !== 'string' || typeof d.apiVersion !== 'string' || !d.kind) return null;
    out.push(kindName({ group: groupOf(d.apiVersion), resource: resourceOf(d.kind) }));
  }
  return out;
}

const topLevel = (doc: string, key: string): string | undefined => {
  const m = new RegExp(`^${key}:[ \\t]*["']?([^"'#\\s]+)`, 'm').exec(doc);
  return m?.[1];
};

/**
 * The kinds ("apps/deployments") a manifest of one or more YAML or JSON
 * documents writes, or null when a document's kind cannot be read (refused:
 * the host does not send what it cannot check).
 */
export function manifestKinds(text: string): string[] | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return kindsOfJson(JSON.parse(trimmed));
    } catch {
      return null;
    }
  }
  const out: string[] = [];
  for (const doc of text.split(/^---[^\n]*$/m)) {
    if (doc.replace(/^\s*#.*$/gm, '').trim() === '') continue;
    const kind = topLevel(doc, 'kind');
    const apiVersion = topLevel(doc, 'apiVersion');
    if (!kind || !apiVersion || kind === 'List') return null;
    out.push(kindName({ group: groupOf(apiVersion), resource: resourceOf(kind) }));
  }
  return out.length > 0 ? out : null;
}

export interface CallScope {
  granted: Capabilities | undefined;
  /** The context's read-only switch is on (or the preferences cannot be read). */
  readOnly: boolean;
}

function checkWrite(kinds: string[], verb: 'apply' | 'delete', scope: CallScope, dryRun: boolean): Refusal | null {
  for (const k of kinds) {
    if (!canWrite(scope.granted, k, verb)) return { action: verb, target: k, reason: 'not-granted' };
  }
  if (scope.readOnly && !dryRun) return { action: verb, target: kinds.join(', '), reason: 'read-only' };
  return null;
}

/** The refusal of one call, or null when the host lets it through to the Go side. */
export function checkCall(call: Call, scope: CallScope): Refusal | null {
  switch (call.method) {
    case 'list':
    case 'get':
    case 'watch':
      return canRead(scope.granted, call.kind) ? null : { action: 'read', target: kindName(call.kind), reason: 'not-granted' };
    case 'unwatch':
      return null;
    case 'delete':
      return checkWrite([kindName(call.kind)], 'delete', scope, false);
    case 'apply': {
      const kinds = manifestKinds(call.yaml);
      if (!kinds) return { action: 'apply', target: 'manifest', reason: 'unreadable' };
      return checkWrite(kinds, 'apply', scope, call.dryRun === true);
    }
  }
}
