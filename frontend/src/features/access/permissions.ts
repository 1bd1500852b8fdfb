// Whether sharing or revoking is possible: the permissions each needs, and
// the state (enabled, or disabled with the permission named) from the
// server's answers, the way every action of the app is gated.
import type { AccessCheck, AccessDecision } from '../../api/operations';
import { checkKey, needsReason, readOnlyReason, type ActionState } from '../actions/access';

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

/**
 * Enabled unless the context is read-only or the server denied one of the
 * checks (its reason, else "needs: …"). Checks not answered (yet, or the
 * question failed) leave it enabled: the server still decides.
 */
export function gateState(checks: readonly AccessCheck[], decisions: readonly AccessDecision[] | undefined, readOnly: boolean): ActionState {
  if (readOnly) return { enabled: false, reason: readOnlyReason() };
  const byKey = new Map((decisions ?? []).map((d) => [checkKey(d), d]));
  for (const c of checks) {
    const d = byKey.get(checkKey(c));
    if (d && !d.allowed) return { enabled: false, reason: d.reason || needsReason(c) };
  }
  return { enabled: true };
}
