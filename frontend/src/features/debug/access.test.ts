import { describe, expect, it } from 'vitest';
import type { AccessCheck, AccessDecision } from '../../api/operations';
import { debugGates, debugState, nodeShellChecks, podDebugChecks } from './access';

const answer = (checks: readonly AccessCheck[], denied: (c: AccessCheck) => boolean): AccessDecision[] => checks.map((c) => ({ ...c, allowed: !denied(c) }));
const all = (c: ReturnType<typeof podDebugChecks>) => [...c.ephemeral, ...c.copy, ...c.deleteCopy, ...c.attach, ...c.files];

describe('debug permissions', () => {
  it('asks what kubectl debug, attach and cp need, on the pod', () => {
    const c = podDebugChecks('team-a', 'web-1');
    const text = (list: AccessCheck[]) => list.map((x) => `${x.verb} ${x.resource}${x.subresource ? `/${x.subresource}` : ''}${x.name ? ` ${x.name}` : ''} in ${x.namespace ?? ''}`);
    expect(text(c.ephemeral)).toEqual(['patch pods/ephemeralcontainers web-1 in team-a', 'create pods/attach web-1 in team-a']);
    expect(text(c.copy)).toEqual(['create pods in team-a', 'create pods/attach in team-a']);
    expect(text(c.deleteCopy)).toEqual(['delete pods in team-a']);
    expect(text(c.attach)).toEqual(['create pods/attach web-1 in team-a']);
    expect(text(c.files)).toEqual(['create pods/exec web-1 in team-a']);
    expect(text(nodeShellChecks('kube-system'))).toEqual(['create pods in kube-system', 'create pods/exec in kube-system', 'delete pods in kube-system']);
  });

  it('offers Debug when either way is allowed, and names both permissions when neither is', () => {
    const c = podDebugChecks('team-a', 'web-1');
    const noEphemeral = debugGates(c, answer(all(c), (x) => x.subresource === 'ephemeralcontainers'), false);
    expect(noEphemeral.ephemeral).toEqual({ enabled: false, reason: 'needs: patch pods/ephemeralcontainers in team-a' });
    expect(noEphemeral.copy).toEqual({ enabled: true });
    expect(debugState(noEphemeral)).toEqual({ enabled: true });
    const viewer = debugGates(c, answer(all(c), (x) => x.verb !== 'get'), false);
    expect(debugState(viewer)).toEqual({ enabled: false, reason: 'debug container: needs: patch pods/ephemeralcontainers in team-a; debug a copy: needs: create pods in team-a' });
    expect(viewer.deleteCopy.reason).toBe('needs: delete pods in team-a');
  });

  it('is off on a read-only context, with that one reason', () => {
    const c = podDebugChecks('team-a', 'web-1');
    expect(debugState(debugGates(c, undefined, true))).toEqual({ enabled: false, reason: 'Read-only context' });
    expect(debugState(debugGates(c, undefined, false))).toEqual({ enabled: true });
  });
});
