// What sharing and revoking need: the permissions each asks the server
// about (actions/access.ts gateState turns the answers into a button's state).
import type { AccessCheck } from '../../api/operations';

const RBAC = 'rbac.authorization.k8s.io';

/** What creating a share needs: the ServiceAccount, its binding (cluster-wide: a ClusterRoleBinding) and a token for it. */
export function shareChecks(namespace: string, clusterWide: boolean): AccessCheck[] {
  const binding: AccessCheck = clusterWide
    ? { verb: 'create', group: RBAC, resource: 'clusterrolebindings' }
    : { verb: 'create', group: RBAC, resource: 'rolebindings', namespace };
  return [
    { verb: 'create', group: '', resource: 'serviceaccounts', namespace },
    binding,
    { verb: 'create', group: '', resource: 'serviceaccounts', subresource: 'token', namespace },
  ];
}

/** What revoking a share needs: deleting its binding and its ServiceAccount. */
export function revokeChecks(namespace: string, clusterWide: boolean): AccessCheck[] {
  const binding: AccessCheck = clusterWide
    ? { verb: 'delete', group: RBAC, resource: 'clusterrolebindings' }
    : { verb: 'delete', group: RBAC, resource: 'rolebindings', namespace };
  return [binding, { verb: 'delete', group: '', resource: 'serviceaccounts', namespace }];
}
