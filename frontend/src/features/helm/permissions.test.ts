import { describe, expect, it } from 'vitest';
import { gateState } from '../actions/access';
import { helmChecks, storageResource } from './permissions';

describe('what the Helm actions need', () => {
  it('asks about the records of the release’s driver in its namespace', () => {
    expect(storageResource('secret')).toBe('secrets');
    expect(storageResource('')).toBe('secrets');
    expect(storageResource('configmap')).toBe('configmaps');
    expect(helmChecks('rollback', 'team-a', 'secret')).toEqual([
      { verb: 'update', group: '', resource: 'secrets', namespace: 'team-a' },
      { verb: 'create', group: '', resource: 'secrets', namespace: 'team-a' },
    ]);
    expect(helmChecks('upgrade', 'team-a', 'configmap').map((c) => `${c.verb} ${c.resource}`)).toEqual(['update configmaps', 'create configmaps']);
    expect(helmChecks('uninstall', 'platform', 'secret')).toEqual([{ verb: 'delete', group: '', resource: 'secrets', namespace: 'platform' }]);
    expect(helmChecks('install', 'team-b', 'secret')).toEqual([{ verb: 'create', group: '', resource: 'secrets', namespace: 'team-b' }]);
  });

  it('names the permission a refusal lacks, and read-only first', () => {
    const checks = helmChecks('rollback', 'team-a', 'secret');
    const denied = checks.map((c) => ({ ...c, allowed: false }));
    expect(gateState(checks, denied, false)).toEqual({ enabled: false, reason: 'needs: update secrets in team-a' });
    expect(gateState(checks, denied, true)).toEqual({ enabled: false, reason: 'Read-only context' });
    expect(gateState(checks, undefined, false)).toEqual({ enabled: true });
  });
});
