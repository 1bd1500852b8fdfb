import { describe, expect, it } from 'vitest';
import { actionsFor, actionStates, allChecks, checksFor, readOnlyReason, type ActionTarget } from './access';

const web: ActionTarget = { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'team-a', name: 'web' };

describe('access-state mapping', () => {
  it('offers kind-specific actions', () => {
    expect(actionsFor('Deployment')).toEqual(['edit', 'scale', 'restart', 'rollback', 'delete']);
    expect(actionsFor('CronJob')).toContain('run');
    expect(actionsFor('Node')).toContain('drain');
    expect(actionsFor('ConfigMap')).toEqual(['edit', 'delete']);
  });
  it('asks for the scale subresource and dedupes checks', () => {
    expect(checksFor('scale', web)).toEqual([
      { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'team-a', name: 'web' },
    ]);
    const checks = allChecks(actionsFor('Deployment'), web);
    expect(checks.filter((c) => c.verb === 'patch' && !c.subresource)).toHaveLength(1);
  });
  it('disables forbidden actions with the server reason', () => {
    const decisions = allChecks(actionsFor('Deployment'), web).map((c) => ({
      ...c,
      allowed: c.verb !== 'delete',
      reason: c.verb === 'delete' ? 'needs: delete deployments.apps in team-a' : undefined,
    }));
    const s = actionStates(actionsFor('Deployment'), web, decisions, false);
    expect(s.delete).toEqual({ enabled: false, reason: 'needs: delete deployments.apps in team-a' });
    expect(s.scale).toEqual({ enabled: true });
  });
  it('makes up a reason when the server gives none, and leaves unknown checks enabled', () => {
    const s = actionStates(['edit'], web, [{ ...checksFor('edit', web)[0]!, allowed: false }], false);
    expect(s.edit!.reason).toBe('needs: update deployments.apps in team-a');
    expect(actionStates(['edit'], web, undefined, false).edit).toEqual({ enabled: true });
  });
  it('disables writes on read-only contexts but not reads', () => {
    const s = actionStates(['edit', 'delete', 'forward'], web, [], true);
    expect(s.edit).toEqual({ enabled: false, reason: readOnlyReason() });
    expect(s.delete!.enabled).toBe(false);
    expect(s.forward!.enabled).toBe(true);
  });
});
