import { describe, expect, it } from 'vitest';
import type { APIResource } from '../../api/types';
import { buildCatalog } from '../navigation/catalog';
import { DEFAULT_GVR, listRoute, type Route } from '../../router';
import { catalogEntries, completions, findResource, parseCommand, type CommandData } from './commands';
import { commandTarget } from './runCommand';

const r = (group: string, resource: string, kind: string, shortNames: string[] = [], namespaced = true, version = 'v1'): APIResource => ({
  group,
  version,
  resource,
  kind,
  namespaced,
  verbs: ['list', 'watch', 'get'],
  shortNames,
});

const resources: APIResource[] = [
  r('', 'pods', 'Pod', ['po']),
  r('', 'podtemplates', 'PodTemplate'),
  r('', 'services', 'Service', ['svc']),
  r('', 'nodes', 'Node', ['no'], false),
  r('', 'events', 'Event', ['ev']),
  r('events.k8s.io', 'events', 'Event', ['ev']),
  r('apps', 'deployments', 'Deployment', ['deploy']),
  r('cert-manager.io', 'certificates', 'Certificate', ['cert', 'certs']),
  r('example.com', 'widgets', 'Widget', ['wd'], true, 'v1alpha1'),
];

const data: CommandData = {
  entries: catalogEntries(buildCatalog(resources)),
  contexts: ['kind-a', 'kind-a-admin', 'prod'],
  namespaces: ['default', 'team-a', 'team-b'],
};

describe('parseCommand', () => {
  it('finds a kind by short name, plural, singular, kind or plural.group; CRDs too', () => {
    for (const w of ['po', 'pods', 'pod', 'Pod', ':po', '  po  ']) {
      const c = parseCommand(w, data);
      expect(c.type === 'resource' && c.entry.gvr, w).toEqual({ group: '', version: 'v1', resource: 'pods' });
    }
    const deploy = parseCommand('deploy', data);
    expect(deploy.type === 'resource' && deploy.entry.gvr.resource).toBe('deployments');
    const svc = parseCommand('svc', data);
    expect(svc.type === 'resource' && svc.entry.gvr.resource).toBe('services');
    const wd = parseCommand('wd', data);
    expect(wd.type === 'resource' && wd.entry.gvr).toEqual({ group: 'example.com', version: 'v1alpha1', resource: 'widgets' });
    const cert = parseCommand('certificates.cert-manager.io', data);
    expect(cert.type === 'resource' && cert.entry.kind).toBe('Certificate');
  });

  it('prefers the core kind when two groups share a name', () => {
    expect(findResource(data.entries, 'ev')?.gvr.group).toBe('');
  });

  it('takes a namespace after a kind; cluster-scoped kinds take none', () => {
    expect(parseCommand('po team-a', data)).toMatchObject({ type: 'resource', namespace: 'team-a' });
    expect(parseCommand('po all', data)).toMatchObject({ type: 'resource', namespace: '' });
    expect(parseCommand('no team-a', data).type).toBe('error');
  });

  it('ctx NAME needs a known context; ns NAME any valid name, ns all means all', () => {
    expect(parseCommand('ctx prod', data)).toEqual({ type: 'context', name: 'prod' });
    expect(parseCommand('ctx PROD', data)).toEqual({ type: 'context', name: 'prod' });
    expect(parseCommand('ctx nope', data)).toEqual({ type: 'error', message: 'No context “nope”' });
    expect(parseCommand('ctx', data).type).toBe('error');
    expect(parseCommand('ns team-b', data)).toEqual({ type: 'namespace', namespace: 'team-b' });
    expect(parseCommand('ns unlisted', data)).toEqual({ type: 'namespace', namespace: 'unlisted' });
    expect(parseCommand('ns all', data)).toEqual({ type: 'namespace', namespace: '' });
    expect(parseCommand('ns Bad_Name', data).type).toBe('error');
    expect(parseCommand('', data)).toEqual({ type: 'none' });
    expect(parseCommand('nosuch', data)).toEqual({ type: 'error', message: 'No resource “nosuch” in this cluster' });
  });
});

describe('completions', () => {
  it('puts the kind a short name names first (po → pods, not podtemplates)', () => {
    const c = completions('po', data);
    expect(c[0]?.command).toBe('pods');
    expect(c.map((x) => x.label)).toContain('podtemplates');
    expect(completions('deploy', data)[0]?.command).toBe('deployments.apps');
    expect(completions('cert', data)[0]?.command).toBe('certificates.cert-manager.io');
  });

  it('completes every command that parses back to its kind', () => {
    for (const c of completions('', data, 500).filter((x) => !x.command.endsWith(' '))) {
      expect(parseCommand(c.command, data).type, c.command).toBe('resource');
    }
  });

  it('completes contexts after ctx (the exact name first) and namespaces after ns (all first)', () => {
    expect(completions('ctx kind-a', data).map((c) => c.command)).toEqual(['ctx kind-a', 'ctx kind-a-admin']);
    expect(completions('ctx pr', data).map((c) => c.command)).toEqual(['ctx prod']);
    expect(completions('ns ', data).map((c) => c.command)).toEqual(['ns all', 'ns default', 'ns team-a', 'ns team-b']);
    expect(completions('ns team', data).map((c) => c.command)).toEqual(['ns team-a', 'ns team-b', 'ns team']);
    expect(completions('ns newone', data).map((c) => c.command)).toEqual(['ns newone']);
    expect(completions('po te', data).map((c) => c.command)).toEqual(['pods team-a', 'pods team-b', 'pods te']);
  });

  it('offers ctx and ns themselves, completing to "ctx " and "ns "', () => {
    expect(completions('ct', data)[0]?.command).toBe('ctx ');
    expect(completions('', data).slice(0, 2).map((c) => c.command)).toEqual(['ctx ', 'ns ']);
  });
});

describe('commandTarget', () => {
  const list: Route = listRoute('kind-a', { group: 'apps', version: 'v1', resource: 'deployments' }, 'team-a');
  it('a kind keeps the namespace on screen; a namespace keeps the kind; a context is switched to', () => {
    const pods = parseCommand('po', data);
    expect(commandTarget(pods, 'kind-a', list, 'default')).toEqual({ go: listRoute('kind-a', DEFAULT_GVR, 'team-a') });
    expect(commandTarget(parseCommand('po team-b', data), 'kind-a', list, '')).toEqual({ go: listRoute('kind-a', DEFAULT_GVR, 'team-b') });
    expect(commandTarget(parseCommand('ns all', data), 'kind-a', list, '')).toEqual({
      go: listRoute('kind-a', { group: 'apps', version: 'v1', resource: 'deployments' }, ''),
    });
    expect(commandTarget(parseCommand('ns team-b', data), 'kind-a', { name: 'overview', context: 'kind-a' }, '')).toEqual({
      go: listRoute('kind-a', DEFAULT_GVR, 'team-b'),
    });
    expect(commandTarget(pods, 'kind-a', { name: 'overview', context: 'kind-a' }, 'remembered')).toEqual({ go: listRoute('kind-a', DEFAULT_GVR, 'remembered') });
    expect(commandTarget(parseCommand('ctx prod', data), 'kind-a', list, '')).toEqual({ context: 'prod' });
  });
});
