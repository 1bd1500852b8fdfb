import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../api/contract.gen';
import { canRead, checkCall, manifestKinds, resourceOf } from './capabilities';
import type { Call } from './protocol';

const pods = { group: '', version: 'v1', resource: 'pods' };
const secrets = { group: '', version: 'v1', resource: 'secrets' };
const deployments = { group: 'apps', version: 'v1', resource: 'deployments' };
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const twoDocs = `${configMap}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n`;

const grant: Capabilities = { read: ['pods', 'apps/deployments'], write: { configmaps: ['apply'], pods: ['delete'] } };

describe('checkCall', () => {
  it.each<[string, Call, Capabilities | undefined, boolean, string | null]>([
    ['list a granted kind', { method: 'list', kind: pods }, grant, false, null],
    ['watch a granted group kind', { method: 'watch', kind: deployments }, grant, false, null],
    ['get an undeclared kind', { method: 'get', kind: { group: '', version: 'v1', resource: 'nodes' }, name: 'n' }, grant, false, 'read nodes not-granted'],
    ['no grant at all', { method: 'list', kind: pods }, undefined, false, 'read pods not-granted'],
    ['"*" reads every kind', { method: 'list', kind: deployments }, { read: ['*'] }, false, null],
    ['"*" does not cover secrets', { method: 'list', kind: secrets }, { read: ['*'] }, false, 'read secrets not-granted'],
    ['secrets named on their own', { method: 'get', kind: secrets, name: 's' }, { read: ['secrets'] }, false, null],
    ['apply a granted kind', { method: 'apply', yaml: configMap }, grant, false, null],
    ['apply on a read-only context', { method: 'apply', yaml: configMap }, grant, true, 'apply configmaps read-only'],
    ['a dry run on a read-only context', { method: 'apply', yaml: configMap, dryRun: true }, grant, true, null],
    ['apply a document of an undeclared kind', { method: 'apply', yaml: twoDocs }, grant, false, 'apply apps/deployments not-granted'],
    ['apply with only delete granted', { method: 'apply', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n' }, grant, false, 'apply pods not-granted'],
    ['apply what cannot be read', { method: 'apply', yaml: 'metadata:\n  name: x\n' }, grant, false, 'apply manifest unreadable'],
    ['delete a granted kind', { method: 'delete', kind: pods, name: 'p' }, grant, false, null],
    ['delete on a read-only context', { method: 'delete', kind: pods, name: 'p' }, grant, true, 'delete pods read-only'],
    ['delete with only apply granted', { method: 'delete', kind: { group: '', version: 'v1', resource: 'configmaps' }, name: 'c' }, grant, false, 'delete configmaps not-granted'],
    ['unwatch', { method: 'unwatch', watch: 3 }, undefined, true, null],
  ])('%s', (_, call, granted, readOnly, want) => {
    const r = checkCall(call, { granted, readOnly });
    expect(r && `${r.action} ${r.target} ${r.reason}`).toBe(want);
  });
});

describe('manifest kinds', () => {
  it.each<[string, string, string[] | null]>([
    ['one YAML document', configMap, ['configmaps']],
    ['several, comments and empty documents', `# c\n---\n${twoDocs}---\n`, ['configmaps', 'apps/deployments']],
    ['quoted values', 'apiVersion: "networking.k8s.io/v1"\nkind: \'Ingress\'\n', ['networking.k8s.io/ingresses']],
    ['JSON', JSON.stringify({ apiVersion: 'v1', kind: 'Service' }), ['services']],
    ['a JSON List', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret' }] }), ['secrets']],
    ['a YAML List (not readable here)', 'apiVersion: v1\nkind: List\nitems: []\n', null],
    ['a nested kind only', 'spec:\n  kind: Pod\napiVersion: v1\n', null],
    ['nothing', '', null],
  ])('%s', (_, text, want) => expect(manifestKinds(text)).toEqual(want));

  it('names resources as Kubernetes does', () => {
    expect(['ConfigMap', 'Ingress', 'NetworkPolicy', 'Endpoints', 'Gateway', 'StorageClass'].map(resourceOf)).toEqual(['configmaps', 'ingresses', 'networkpolicies', 'endpoints', 'gateways', 'storageclasses']);
  });

  it('canRead of a grant', () => {
    expect(canRead({ read: ['apps/deployments'] }, { group: 'apps', resource: 'deployments' })).toBe(true);
    expect(canRead({ read: ['deployments'] }, { group: 'apps', resource: 'deployments' })).toBe(false);
  });
});
