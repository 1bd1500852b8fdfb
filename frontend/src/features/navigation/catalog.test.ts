import { describe, expect, it } from 'vitest';
import type { APIResource } from '../../api/types';
import { buildCatalog, findEntry, pluralLabel } from './catalog';

const res = (group: string, version: string, kind: string, resource: string, namespaced = true, verbs = ['list', 'watch', 'get']): APIResource => ({
  group,
  version,
  kind,
  resource,
  namespaced,
  verbs,
});

const resources: APIResource[] = [
  res('', 'v1', 'Pod', 'pods'),
  res('', 'v1', 'Node', 'nodes', false),
  res('', 'v1', 'Namespace', 'namespaces', false),
  res('', 'v1', 'Event', 'events'),
  res('events.k8s.io', 'v1', 'Event', 'events'),
  res('', 'v1', 'Endpoints', 'endpoints'),
  res('', 'v1', 'Binding', 'bindings', true, ['create']),
  res('apps', 'v1', 'Deployment', 'deployments'),
  res('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies'),
  res('networking.k8s.io', 'v1', 'Ingress', 'ingresses'),
  res('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false),
  res('coordination.k8s.io', 'v1', 'Lease', 'leases'),
  res('cert-manager.io', 'v1', 'Certificate', 'certificates'),
  res('cert-manager.io', 'v1', 'ClusterIssuer', 'clusterissuers', false),
  res('argoproj.io', 'v1alpha1', 'Application', 'applications'),
  res('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, ['create']),
];

describe('pluralLabel', () => {
  it.each([
    ['Pod', 'pods', 'Pods'],
    ['NetworkPolicy', 'networkpolicies', 'NetworkPolicies'],
    ['Ingress', 'ingresses', 'Ingresses'],
    ['Endpoints', 'endpoints', 'Endpoints'],
    ['StorageClass', 'storageclasses', 'StorageClasses'],
    ['HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'HorizontalPodAutoscalers'],
    ['Foo', 'bars', 'bars'],
  ])('%s + %s → %s', (kind, resource, want) => expect(pluralLabel(kind, resource)).toBe(want));
});

describe('buildCatalog', () => {
  const sections = buildCatalog(resources);

  it('groups the built-in kinds as people expect, in order, listable only', () => {
    expect(sections.map((s) => s.title)).toEqual(['Cluster', 'Workloads', 'Network', 'Storage', 'More built-in', 'Custom resources']);
    expect(sections[0]?.entries.map((e) => e.label)).toEqual(['Nodes', 'Namespaces', 'Events']);
    expect(sections[2]?.entries.map((e) => e.label)).toEqual(['Endpoints', 'Ingresses', 'NetworkPolicies']);
    const all = JSON.stringify(sections);
    expect(all).not.toContain('bindings');
    expect(all).not.toContain('selfsubjectaccessreviews');
  });

  it('puts other built-ins and custom resources under their API group', () => {
    const other = sections.find((s) => s.id === 'other');
    expect(other?.groups?.map((g) => g.group)).toEqual(['coordination.k8s.io']);
    const custom = sections.find((s) => s.id === 'custom');
    expect(custom?.groups?.map((g) => [g.group, g.entries.map((e) => e.label)])).toEqual([
      ['argoproj.io', ['Applications']],
      ['cert-manager.io', ['Certificates', 'ClusterIssuers']],
    ]);
    // events.k8s.io events duplicate the core ones.
    expect(JSON.stringify(sections)).not.toContain('events.k8s.io');
  });

  it('finds entries by group and resource', () => {
    expect(findEntry(sections, { group: 'cert-manager.io', version: 'v1', resource: 'certificates' })?.kind).toBe('Certificate');
    expect(findEntry(sections, { group: '', version: 'v1', resource: 'pods' })?.singular).toBe('pod');
    expect(findEntry(sections, { group: 'x', version: 'v1', resource: 'pods' })).toBeUndefined();
  });
});
