// Global search over the current cluster: one-shot lists of common kinds
// (the list stream read until synced, two at a time), taken when the search
// dialog opens and reused for a minute after it closes; ranked by how well
// names match. Live streams for 13 kinds would take every connection the
// browser allows per host (6).
import type { GVR, Row } from '../../api/types';
import { eachLimited, listOnce } from '../resources/listOnce';

export interface SearchKind {
  gvr: GVR;
  kind: string;
  namespaced: boolean;
}

const K = (group: string, resource: string, kind: string, namespaced = true): SearchKind => ({
  gvr: { group, version: 'v1', resource },
  kind,
  namespaced,
});

export const SEARCH_KINDS: SearchKind[] = [
  K('apps', 'deployments', 'Deployment'),
  K('apps', 'statefulsets', 'StatefulSet'),
  K('apps', 'daemonsets', 'DaemonSet'),
  K('', 'pods', 'Pod'),
  K('batch', 'jobs', 'Job'),
  K('batch', 'cronjobs', 'CronJob'),
  K('', 'services', 'Service'),
  K('networking.k8s.io', 'ingresses', 'Ingress'),
  K('', 'configmaps', 'ConfigMap'),
  K('', 'secrets', 'Secret'),
  K('', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  K('', 'nodes', 'Node', false),
  K('', 'namespaces', 'Namespace', false),
];

export interface SearchItem {
  kind: SearchKind;
  namespace: string;
  name: string;
  key: string;
}

function matchScore(item: SearchItem, q: string, words: string[]): number {
  const name = item.name.toLowerCase();
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  const i = name.indexOf(q);
  if (i > 0 && /[-._]/.test(name[i - 1] ?? '')) return 2;
  if (i > 0) return 3;
  const hay = `${item.kind.kind.toLowerCase()} ${item.namespace.toLowerCase()} ${name}`;
  if (words.length > 1 && words.every((w) => hay.includes(w))) return 4;
  return -1;
}

/** The items matching the query, best first: exact name, prefix, word start, substring, then kind/namespace words. */
export function rankResults(items: Iterable<SearchItem>, query: string, limit = 50): SearchItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const scored: { item: SearchItem; score: number }[] = [];
  for (const item of items) {
    const score = matchScore(item, q, words);
    if (score >= 0) scored.push({ item, score });
  }
  const order = (k: SearchKind) => SEARCH_KINDS.indexOf(k);
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.item.name.length - b.item.name.length ||
      order(a.item.kind) - order(b.item.kind) ||
      a.item.name.localeCompare(b.item.name) ||
      a.item.namespace.localeCompare(b.item.namespace),
  );
  return scored.slice(0, limit).map((s) => s.item);
}

export interface SearchIndex {
  items(): SearchItem[];
  /** Kinds that failed (forbidden…) with why. */
  problems(): Map<string, string>;
  /** Kinds whose list is complete. */
  syncedCount(): number;
  subscribe(fn: () => void): () => void;
  release(): void;
}

interface Entry {
  refs: number;
  rows: Map<SearchKind, Map<string, Row>>;
  problems: Map<string, string>;
  synced: Set<SearchKind>;
  listeners: Set<() => void>;
  abort: AbortController;
  timer: ReturnType<typeof setTimeout> | undefined;
  notifyTimer: ReturnType<typeof setTimeout> | undefined;
  cache: SearchItem[] | null;
}

/** A snapshot is reused this long after the dialog closes. */
const LINGER_MS = 60_000;
const indexes = new Map<string, Entry>();

/** Lists at a time: browsers allow 6 connections per host, and live views need theirs. */
const CONCURRENCY = 2;

function open(context: string, namespace: string): Entry {
  const e: Entry = {
    refs: 0,
    rows: new Map(),
    problems: new Map(),
    synced: new Set(),
    listeners: new Set(),
    abort: new AbortController(),
    timer: undefined,
    notifyTimer: undefined,
    cache: null,
  };
  const notify = () => {
    e.cache = null;
    e.notifyTimer ??= setTimeout(() => {
      e.notifyTimer = undefined;
      for (const l of e.listeners) l();
    }, 50);
  };
  // Deployments first: what people look for most, listed before the rest.
  void eachLimited(SEARCH_KINDS, CONCURRENCY, async (kind) => {
    if (e.abort.signal.aborted) return;
    const snap = await listOnce({ context, ...kind.gvr, namespace: kind.namespaced ? namespace : '' }, e.abort.signal);
    if (e.abort.signal.aborted) return;
    if (snap.error) e.problems.set(kind.gvr.resource, snap.error);
    else {
      e.rows.set(kind, new Map(snap.rows.map((r) => [r.key, r])));
      e.synced.add(kind);
    }
    notify();
  });
  return e;
}

/** A search index of a context (and namespace scope; "" = all). Call release() when done. */
export function acquireSearchIndex(context: string, namespace: string): SearchIndex {
  const id = `${context}\u0000${namespace}`;
  let e = indexes.get(id);
  if (!e) {
    e = open(context, namespace);
    indexes.set(id, e);
  }
  const entry = e;
  entry.refs++;
  clearTimeout(entry.timer);
  let released = false;
  return {
    items() {
      if (!entry.cache) {
        const out: SearchItem[] = [];
        for (const [kind, rows] of entry.rows) {
          for (const r of rows.values()) out.push({ kind, namespace: r.namespace ?? '', name: r.name, key: `${kind.gvr.resource}/${r.key}` });
        }
        entry.cache = out;
      }
      return entry.cache;
    },
    problems: () => entry.problems,
    syncedCount: () => entry.synced.size,
    subscribe(fn) {
      entry.listeners.add(fn);
      return () => entry.listeners.delete(fn);
    },
    release() {
      if (released) return;
      released = true;
      entry.refs--;
      if (entry.refs > 0) return;
      entry.timer = setTimeout(() => {
        entry.abort.abort();
        clearTimeout(entry.notifyTimer);
        indexes.delete(id);
      }, LINGER_MS);
    },
  };
}
