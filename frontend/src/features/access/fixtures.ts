// Test data for the Access views: a small matrix like the devcluster's team-a.
import type { AccessColumn, AccessMatrix, AccessRow } from '../../api/types';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const col = (resource: string, group = '', subresource?: string, verbs = ALL): AccessColumn =>
  subresource ? { group, resource, subresource, namespaced: true, verbs } : { group, resource, namespaced: true, verbs };

export const COLUMNS: AccessColumn[] = [
  col('pods'),
  col('pods', '', 'exec', ['create', 'get']),
  col('pods', '', 'log', ['get']),
  col('configmaps'),
  col('secrets'),
  col('deployments', 'apps'),
  col('events'),
  col('events', 'events.k8s.io'),
  col('leases', 'coordination.k8s.io'),
];

const EDIT = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const verbs = (vs: string[], grant = 0) => Object.fromEntries(vs.map((v) => [v, [grant]]));

export const developer: AccessRow = {
  subject: { kind: 'User', name: 'developer' },
  system: false,
  grants: [
    { bindingKind: 'RoleBinding', bindingName: 'dev-edit', bindingNamespace: 'team-a', role: { kind: 'ClusterRole', name: 'edit' } },
    { bindingKind: 'ClusterRoleBinding', bindingName: 'everyone-views', role: { kind: 'ClusterRole', name: 'view' }, via: { kind: 'Group', name: 'system:authenticated' } },
  ],
  cells: [
    { verbs: { ...verbs(EDIT), get: [0, 1], list: [0, 1], watch: [0, 1] } },
    { verbs: { create: [0] } },
    { verbs: { get: [0] } },
    { verbs: { get: [0], list: [0] }, named: { update: ['app-config'] } },
    null,
    { verbs: verbs(ALL) },
    null,
    null,
    null,
  ],
  dangers: [],
};

export const viewer: AccessRow = {
  subject: { kind: 'User', name: 'viewer' },
  system: false,
  grants: [{ bindingKind: 'RoleBinding', bindingName: 'viewers', bindingNamespace: 'team-a', role: { kind: 'ClusterRole', name: 'view' } }],
  cells: [{ verbs: verbs(['get', 'list', 'watch']) }, null, { verbs: { get: [0] } }, { verbs: verbs(['get', 'list', 'watch']) }, null, null, null, null, null],
  dangers: [],
};

export const ci: AccessRow = {
  subject: { kind: 'ServiceAccount', name: 'ci', namespace: 'team-a' },
  system: false,
  grants: [{ bindingKind: 'ClusterRoleBinding', bindingName: 'ci-admin', role: { kind: 'ClusterRole', name: 'cluster-admin' } }],
  cells: COLUMNS.map(() => ({ verbs: { '*': [0] } })),
  dangers: [
    { kind: 'wildcard-verbs', grant: 0 },
    { kind: 'cluster-admin', grant: 0 },
    { kind: 'wildcard-verbs', grant: 0 },
  ],
};

export const controller: AccessRow = {
  subject: { kind: 'User', name: 'system:kube-controller-manager' },
  system: true,
  grants: [{ bindingKind: 'ClusterRoleBinding', bindingName: 'system:kcm', role: { kind: 'ClusterRole', name: 'system:kcm' } }],
  cells: [{ verbs: verbs(['get', 'list']) }, null, null, null, { verbs: verbs(['get']) }, null, null, null, { verbs: verbs(['get', 'update']) }],
  dangers: [],
};

export function matrix(over: Partial<AccessMatrix> = {}): AccessMatrix {
  return { namespace: 'team-a', columns: COLUMNS, rows: [developer, viewer, ci, controller], missing: [], ...over };
}
