import { describe, expect, it } from 'vitest';
import { gateState } from '../actions/access';
import { revokeChecks, shareChecks } from './permissions';

describe('share permissions', () => {
  it('needs the ServiceAccount, a RoleBinding (a ClusterRoleBinding cluster-wide) and a token', () => {
    expect(shareChecks('team-a', false)).toEqual([
      { verb: 'create', group: '', resource: 'serviceaccounts', namespace: 'team-a' },
      { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'rolebindings', namespace: 'team-a' },
      { verb: 'create', group: '', resource: 'serviceaccounts', subresource: 'token', namespace: 'team-a' },
    ]);
    expect(shareChecks('team-a', true)[1]).toEqual({ verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' });
    expect(revokeChecks('team-b', false).map((c) => `${c.verb} ${c.resource} ${c.namespace ?? ''}`)).toEqual(['delete rolebindings team-b', 'delete serviceaccounts team-b']);
  });

  it('is disabled with the permission named when the server denies one', () => {
    const checks = shareChecks('team-a', false);
    const allowed = checks.map((c) => ({ ...c, allowed: true }));
    expect(gateState(checks, allowed, false)).toEqual({ enabled: true });
    const denied = allowed.map((d, i) => (i === 0 ? { ...d, allowed: false } : d));
    expect(gateState(checks, denied, false)).toEqual({ enabled: false, reason: 'needs: create serviceaccounts in team-a' });
    const withReason = allowed.map((d, i) => (i === 2 ? { ...d, allowed: false, reason: 'needs: create serviceaccounts/token in team-a' } : d));
    expect(gateState(checks, withReason, false).reason).toBe('needs: create serviceaccounts/token in team-a');
  });

  it('is disabled on a read-only context, and enabled while the answers are not in (the server decides)', () => {
    expect(gateState(shareChecks('team-a', false), undefined, true)).toEqual({ enabled: false, reason: 'Read-only context' });
    expect(gateState(shareChecks('team-a', false), undefined, false)).toEqual({ enabled: true });
  });
});
