// The Share form as data: its values, the request they make, the custom
// rules the checkbox grid builds and the durations offered.
import type { APIResource, ShareRequest, ShareRule } from '../../api/types';

export const BUILTIN_ROLES = ['view', 'edit', 'admin'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

/** The role choice: a built-in ClusterRole, an existing role ("ClusterRole/x", "Role/y"), or custom rules. */
export type RoleChoice = { type: 'builtin'; name: BuiltinRole } | { type: 'existing'; ref: string } | { type: 'custom' };

export interface ShareForm {
  recipient: string;
  namespace: string;
  clusterWide: boolean;
  role: RoleChoice;
  /** Checked boxes of the custom grid, as "<verb> <resource>". */
  custom: ReadonlySet<string>;
  /** Rows the user added to the custom grid from discovery (CRDs among them). */
  extra: readonly CustomResource[];
  durationSeconds: number;
}

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** The durations offered (the API server refuses less than 10 minutes; 7 days is the app's maximum). */
export const DURATIONS: readonly number[] = [10 * MINUTE, HOUR, 8 * HOUR, 24 * HOUR, 7 * DAY];
export const DEFAULT_DURATION = 8 * HOUR;

/** A duration option's parts, for its label: "10 minutes", "8 hours", "7 days". */
export function durationParts(seconds: number): { count: number; unit: 'minute' | 'hour' | 'day' } {
  if (seconds % DAY === 0 && seconds >= 2 * DAY) return { count: seconds / DAY, unit: 'day' };
  if (seconds % HOUR === 0) return { count: seconds / HOUR, unit: 'hour' };
  return { count: Math.round(seconds / MINUTE), unit: 'minute' };
}

/** The resources of the custom grid, their API group and the verbs that make sense for them. */
export interface CustomResource {
  resource: string;
  group: string;
  verbs: readonly string[];
  /** The row's name in the grid when not the resource's: "widgets.demo.kubedeck.io". */
  label?: string;
}

/** A row's name in the grid, and in its checkboxes' names. */
export const rowLabel = (r: CustomResource): string => r.label ?? r.resource;

/** The grid's rows: the common resources, then those the user added. */
export function customRows(extra: readonly CustomResource[]): CustomResource[] {
  return [...CUSTOM_RESOURCES, ...extra];
}

/** A discovered resource as a grid row, with the grid's verbs it serves ("widgets.demo.kubedeck.io"). */
export function discoveredRow(r: APIResource): CustomResource {
  return { resource: r.resource, group: r.group, verbs: CUSTOM_VERBS.filter((v) => r.verbs.includes(v)), label: r.group ? `${r.resource}.${r.group}` : r.resource };
}

/**
 * The discovered resources that may still be added to the grid: served
 * with a grid verb, not already a row, namespaced ones only unless the
 * share is cluster-wide; sorted by name.
 */
export function addableRows(resources: readonly APIResource[], extra: readonly CustomResource[], clusterWide: boolean): CustomResource[] {
  const present = new Set(customRows(extra).map((r) => `${r.group}/${r.resource}`));
  return resources
    .filter((r) => (clusterWide || r.namespaced) && !present.has(`${r.group}/${r.resource}`))
    .map(discoveredRow)
    .filter((r) => r.verbs.length > 0)
    .sort((a, b) => rowLabel(a).localeCompare(rowLabel(b)));
}

export const CUSTOM_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;
const ALL = CUSTOM_VERBS;

export const CUSTOM_RESOURCES: readonly CustomResource[] = [
  { resource: 'pods', group: '', verbs: ALL },
  { resource: 'pods/log', group: '', verbs: ['get'] },
  { resource: 'pods/exec', group: '', verbs: ['create'] },
  { resource: 'pods/portforward', group: '', verbs: ['create'] },
  { resource: 'deployments', group: 'apps', verbs: ALL },
  { resource: 'statefulsets', group: 'apps', verbs: ALL },
  { resource: 'daemonsets', group: 'apps', verbs: ALL },
  { resource: 'replicasets', group: 'apps', verbs: ALL },
  { resource: 'jobs', group: 'batch', verbs: ALL },
  { resource: 'cronjobs', group: 'batch', verbs: ALL },
  { resource: 'services', group: '', verbs: ALL },
  { resource: 'ingresses', group: 'networking.k8s.io', verbs: ALL },
  { resource: 'configmaps', group: '', verbs: ALL },
  { resource: 'secrets', group: '', verbs: ALL },
  { resource: 'persistentvolumeclaims', group: '', verbs: ALL },
  { resource: 'events', group: '', verbs: ['get', 'list', 'watch'] },
];

/** A checkbox's id in the grid, which is also its accessible name: "get pods". */
export const customKey = (verb: string, resource: string): string => `${verb} ${resource}`;

/**
 * The rules the checked boxes make: one per API group and set of verbs,
 * naming every resource of that group with exactly those verbs. Verbs in
 * the grid's order, resources in the list's.
 */
export function buildRules(checked: ReadonlySet<string>, extra: readonly CustomResource[] = []): ShareRule[] {
  const rules = new Map<string, ShareRule>();
  for (const r of customRows(extra)) {
    const verbs = CUSTOM_VERBS.filter((v) => r.verbs.includes(v) && checked.has(customKey(v, rowLabel(r))));
    if (verbs.length === 0) continue;
    const key = `${r.group}|${verbs.join(',')}`;
    const rule = rules.get(key);
    if (rule) rule.resources.push(r.resource);
    else rules.set(key, { apiGroups: [r.group], resources: [r.resource], verbs: [...verbs] });
  }
  return [...rules.values()];
}

/** "ClusterRole/edit" → its kind and name. */
export function parseRoleRef(ref: string): { kind: string; name: string } {
  const i = ref.indexOf('/');
  return i === -1 ? { kind: 'ClusterRole', name: ref } : { kind: ref.slice(0, i), name: ref.slice(i + 1) };
}

/** The request the form makes. */
export function shareRequest(f: ShareForm): ShareRequest {
  const base = { recipient: f.recipient.trim(), namespace: f.namespace, clusterWide: f.clusterWide, durationSeconds: f.durationSeconds };
  switch (f.role.type) {
    case 'builtin':
      return { ...base, roleKind: 'ClusterRole', roleName: f.role.name, rules: [] };
    case 'existing': {
      const { kind, name } = parseRoleRef(f.role.ref);
      return { ...base, roleKind: kind, roleName: name, rules: [] };
    }
    case 'custom':
      return { ...base, roleKind: '', roleName: '', rules: buildRules(f.custom, f.extra) };
  }
}

/** Why the form cannot be sent yet (a key of access.share.invalid), or null. */
export function formProblem(f: ShareForm): 'recipient' | 'namespace' | 'role' | 'rules' | null {
  if (!f.recipient.trim()) return 'recipient';
  if (!f.namespace) return 'namespace';
  if (f.role.type === 'existing' && !f.role.ref) return 'role';
  if (f.role.type === 'custom' && buildRules(f.custom, f.extra).length === 0) return 'rules';
  return null;
}

/** The identity of a request: a preview is good for exactly the values it was made of. */
export function requestKey(r: ShareRequest): string {
  return JSON.stringify(r);
}

/** A file name for the recipient's kubeconfig: "kubeconfig-alice-team-a.yaml". */
export function kubeconfigFileName(recipient: string, namespace: string): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `kubeconfig-${[slug(recipient), slug(namespace)].filter(Boolean).join('-') || 'share'}.yaml`;
}
