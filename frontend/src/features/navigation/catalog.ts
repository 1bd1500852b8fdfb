// The resource catalog: which kinds the sidebar shows, grouped as people expect.
import type { APIResource, GVR } from '../../api/types';

export interface CatalogEntry {
  gvr: GVR;
  kind: string;
  /** Sidebar and title text: "Pods", "StorageClasses", "Certificates". */
  label: string;
  /** Lowercase singular and plural for counts: "pod"/"pods". */
  singular: string;
  plural: string;
  namespaced: boolean;
  shortNames: string[];
}

export interface CatalogSection {
  id: string;
  title: string;
  /** Sub-groups (custom resources by API group); entries is empty then. */
  entries: CatalogEntry[];
  groups?: { group: string; entries: CatalogEntry[] }[];
}

interface Curated {
  group: string;
  resource: string;
}

const SECTIONS: { id: string; title: string; items: Curated[] }[] = [
  {
    id: 'cluster',
    title: 'Cluster',
    items: [
      { group: '', resource: 'nodes' },
      { group: '', resource: 'namespaces' },
      { group: '', resource: 'events' },
    ],
  },
  {
    id: 'workloads',
    title: 'Workloads',
    items: [
      { group: '', resource: 'pods' },
      { group: 'apps', resource: 'deployments' },
      { group: 'apps', resource: 'statefulsets' },
      { group: 'apps', resource: 'daemonsets' },
      { group: 'apps', resource: 'replicasets' },
      { group: 'batch', resource: 'jobs' },
      { group: 'batch', resource: 'cronjobs' },
    ],
  },
  {
    id: 'network',
    title: 'Network',
    items: [
      { group: '', resource: 'services' },
      { group: '', resource: 'endpoints' },
      { group: 'networking.k8s.io', resource: 'ingresses' },
      { group: 'networking.k8s.io', resource: 'ingressclasses' },
      { group: 'networking.k8s.io', resource: 'networkpolicies' },
    ],
  },
  {
    id: 'config',
    title: 'Config',
    items: [
      { group: '', resource: 'configmaps' },
      { group: '', resource: 'secrets' },
      { group: 'autoscaling', resource: 'horizontalpodautoscalers' },
      { group: 'policy', resource: 'poddisruptionbudgets' },
      { group: '', resource: 'resourcequotas' },
      { group: '', resource: 'limitranges' },
    ],
  },
  {
    id: 'storage',
    title: 'Storage',
    items: [
      { group: '', resource: 'persistentvolumeclaims' },
      { group: '', resource: 'persistentvolumes' },
      { group: 'storage.k8s.io', resource: 'storageclasses' },
    ],
  },
  {
    id: 'access',
    title: 'Access control',
    items: [
      { group: '', resource: 'serviceaccounts' },
      { group: 'rbac.authorization.k8s.io', resource: 'roles' },
      { group: 'rbac.authorization.k8s.io', resource: 'rolebindings' },
      { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
      { group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' },
    ],
  },
];

/**
 * The plural label of a kind, built from its Kind and its plural resource name:
 * NetworkPolicy + networkpolicies → NetworkPolicies, Endpoints + endpoints → Endpoints.
 */
export function pluralLabel(kind: string, resource: string): string {
  const k = kind.toLowerCase();
  let p = 0;
  while (p < k.length && p < resource.length && k[p] === resource[p]) p++;
  if (p < Math.ceil(kind.length / 2)) return resource;
  return kind.slice(0, p) + resource.slice(p);
}

export function entryOf(r: APIResource): CatalogEntry {
  return {
    gvr: { group: r.group, version: r.version, resource: r.resource },
    kind: r.kind,
    label: pluralLabel(r.kind, r.resource),
    singular: r.kind.toLowerCase(),
    plural: r.resource,
    namespaced: r.namespaced,
    shortNames: r.shortNames ?? [],
  };
}

/** Built into Kubernetes (as opposed to a CustomResourceDefinition), by its API group. */
export function isBuiltinGroup(group: string): boolean {
  if (group === '' || !group.includes('.')) return true;
  return group.endsWith('.k8s.io') && !group.endsWith('.x-k8s.io') && !group.startsWith('gateway.');
}

const gk = (group: string, resource: string) => `${group}/${resource}`;

/** Groups the listable kinds a cluster serves into sidebar sections. */
export function buildCatalog(resources: readonly APIResource[]): CatalogSection[] {
  const listable = resources.filter((r) => r.verbs.includes('list') && !r.resource.includes('/'));
  const byGR = new Map<string, APIResource>();
  for (const r of listable) if (!byGR.has(gk(r.group, r.resource))) byGR.set(gk(r.group, r.resource), r);

  const used = new Set<string>();
  const sections: CatalogSection[] = [];
  for (const s of SECTIONS) {
    const entries: CatalogEntry[] = [];
    for (const item of s.items) {
      const r = byGR.get(gk(item.group, item.resource));
      if (!r) continue;
      used.add(gk(r.group, r.resource));
      entries.push(entryOf(r));
    }
    if (entries.length > 0) sections.push({ id: s.id, title: s.title, entries });
  }

  const other = new Map<string, CatalogEntry[]>();
  const custom = new Map<string, CatalogEntry[]>();
  for (const r of byGR.values()) {
    if (used.has(gk(r.group, r.resource))) continue;
    // The same events under events.k8s.io: the core ones are listed already.
    if (r.group === 'events.k8s.io' && r.resource === 'events' && used.has(gk('', 'events'))) continue;
    const target = isBuiltinGroup(r.group) ? other : custom;
    const key = r.group || 'core';
    let list = target.get(key);
    if (!list) target.set(key, (list = []));
    list.push(entryOf(r));
  }
  const grouped = (m: Map<string, CatalogEntry[]>) =>
    [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, entries]) => ({ group, entries: entries.sort((a, b) => a.label.localeCompare(b.label)) }));
  if (other.size > 0) sections.push({ id: 'other', title: 'More built-in', entries: [], groups: grouped(other) });
  if (custom.size > 0) sections.push({ id: 'custom', title: 'Custom resources', entries: [], groups: grouped(custom) });
  return sections;
}

/** Finds a catalog entry by group and resource (any version). */
export function findEntry(sections: readonly CatalogSection[], gvr: GVR): CatalogEntry | undefined {
  for (const s of sections) {
    for (const e of s.entries) if (e.gvr.group === gvr.group && e.gvr.resource === gvr.resource) return e;
    for (const g of s.groups ?? []) {
      for (const e of g.entries) if (e.gvr.group === gvr.group && e.gvr.resource === gvr.resource) return e;
    }
  }
  return undefined;
}

/** A fallback entry for a route the catalog does not know (yet). */
export function guessEntry(gvr: GVR): CatalogEntry {
  const label = gvr.resource.charAt(0).toUpperCase() + gvr.resource.slice(1);
  const singular = gvr.resource.endsWith('ies')
    ? `${gvr.resource.slice(0, -3)}y`
    : gvr.resource.endsWith('ses')
      ? gvr.resource.slice(0, -2)
      : gvr.resource.replace(/s$/, '');
  return { gvr, kind: label, label, singular, plural: gvr.resource, namespaced: true, shortNames: [] };
}
