import { describe, expect, it } from 'vitest';
import { initialForm } from './ShareDialog';
import { addableRows, buildRules, customKey, DEFAULT_DURATION, DURATIONS, durationParts, formProblem, kubeconfigFileName, parseRoleRef, requestKey, shareRequest, type ShareForm } from './shareForm';

const form = (over: Partial<ShareForm> = {}): ShareForm => ({ ...initialForm('team-a'), recipient: 'alice@example.com', ...over });

describe('custom rules', () => {
  it('builds one rule per API group and verb set, with the right groups', () => {
    const checked = new Set([customKey('get', 'pods'), customKey('list', 'pods'), customKey('get', 'configmaps'), customKey('list', 'configmaps'), customKey('get', 'deployments'), customKey('create', 'pods/exec'), customKey('list', 'ingresses')]);
    expect(buildRules(checked)).toEqual([
      { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['get', 'list'] },
      { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['list'] },
    ]);
  });

  it('keeps the verbs in the grid’s order and ignores boxes a resource does not have', () => {
    expect(buildRules(new Set([customKey('delete', 'jobs'), customKey('get', 'jobs'), customKey('delete', 'pods/log'), customKey('get', 'nonsense')]))).toEqual([
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'delete'] },
    ]);
    expect(buildRules(new Set())).toEqual([]);
  });
});

describe('resources added from discovery', () => {
  const widgets = { group: 'demo.kubedeck.io', version: 'v1', kind: 'Widget', resource: 'widgets', namespaced: true, verbs: ['get', 'list', 'watch', 'create', 'delete'] };
  const nodes = { group: '', version: 'v1', kind: 'Node', resource: 'nodes', namespaced: false, verbs: ['get', 'list'] };
  const pods = { group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, verbs: ['get'] };
  const bindings = { group: '', version: 'v1', kind: 'Binding', resource: 'bindings', namespaced: true, verbs: ['deletecollection'] };

  it('offers what the grid lacks: namespaced ones unless cluster-wide, not rows it has, not ones without a grid verb', () => {
    expect(addableRows([nodes, widgets, pods, bindings], [], false).map((r) => r.label)).toEqual(['widgets.demo.kubedeck.io']);
    expect(addableRows([nodes, widgets, pods, bindings], [], true).map((r) => r.label)).toEqual(['nodes', 'widgets.demo.kubedeck.io']);
    const [w] = addableRows([widgets], [], false);
    expect(w?.verbs).toEqual(['get', 'list', 'watch', 'create', 'delete']);
    expect(addableRows([widgets], w ? [w] : [], false)).toEqual([]);
  });

  it('builds rules for added rows with their own API group', () => {
    const extra = addableRows([widgets], [], false);
    const rules = buildRules(new Set([customKey('get', 'widgets.demo.kubedeck.io'), customKey('list', 'widgets.demo.kubedeck.io'), customKey('get', 'pods')]), extra);
    expect(rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      { apiGroups: ['demo.kubedeck.io'], resources: ['widgets'], verbs: ['get', 'list'] },
    ]);
    expect(shareRequest(form({ role: { type: 'custom' }, custom: new Set([customKey('get', 'widgets.demo.kubedeck.io')]), extra })).rules).toEqual([
      { apiGroups: ['demo.kubedeck.io'], resources: ['widgets'], verbs: ['get'] },
    ]);
  });
});

describe('the request', () => {
  it('grants a built-in ClusterRole by default, for 8 hours, in the namespace', () => {
    expect(shareRequest(form({ recipient: '  alice@example.com ' }))).toEqual({
      recipient: 'alice@example.com',
      namespace: 'team-a',
      clusterWide: false,
      roleKind: 'ClusterRole',
      roleName: 'view',
      rules: [],
      durationSeconds: 8 * 3600,
    });
  });

  it('names an existing role by kind and name, or sends the custom rules without one', () => {
    expect(shareRequest(form({ role: { type: 'existing', ref: 'Role/deployer' } }))).toMatchObject({ roleKind: 'Role', roleName: 'deployer', rules: [] });
    expect(parseRoleRef('ClusterRole/a/b')).toEqual({ kind: 'ClusterRole', name: 'a/b' });
    const custom = shareRequest(form({ role: { type: 'custom' }, custom: new Set([customKey('get', 'secrets')]), clusterWide: true }));
    expect(custom).toMatchObject({ roleKind: '', roleName: '', clusterWide: true, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] });
  });

  it('says what is missing before it can be sent', () => {
    expect(formProblem(form())).toBeNull();
    expect(formProblem(form({ recipient: ' ' }))).toBe('recipient');
    expect(formProblem(form({ namespace: '' }))).toBe('namespace');
    expect(formProblem(form({ role: { type: 'existing', ref: '' } }))).toBe('role');
    expect(formProblem(form({ role: { type: 'custom' } }))).toBe('rules');
  });

  it('has a key that changes with any value (a preview is good for exactly what it showed)', () => {
    const k = requestKey(shareRequest(form()));
    expect(requestKey(shareRequest(form()))).toBe(k);
    expect(requestKey(shareRequest(form({ durationSeconds: 3600 })))).not.toBe(k);
    expect(requestKey(shareRequest(form({ clusterWide: true })))).not.toBe(k);
    expect(requestKey(shareRequest(form({ role: { type: 'builtin', name: 'edit' } })))).not.toBe(k);
  });
});

describe('durations', () => {
  it('offers 10 minutes to 7 days, 8 hours by default', () => {
    expect(DURATIONS).toEqual([600, 3600, 28800, 86400, 604800]);
    expect(DEFAULT_DURATION).toBe(28800);
    expect(DURATIONS.map(durationParts)).toEqual([
      { count: 10, unit: 'minute' },
      { count: 1, unit: 'hour' },
      { count: 8, unit: 'hour' },
      { count: 24, unit: 'hour' },
      { count: 7, unit: 'day' },
    ]);
  });
});

it('names the kubeconfig file after the recipient and namespace', () => {
  expect(kubeconfigFileName('Alice Smith <alice@example.com>', 'team-a')).toBe('kubeconfig-alice-smith-alice-example-com-team-a.yaml');
  expect(kubeconfigFileName('', '')).toBe('kubeconfig-share.yaml');
});
