import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHash } from '../../router';
import type { PluginInfo } from './backend';
import { loadPlugin } from './loader';
import { PluginSections } from './PluginSections';
import { PluginSidebarLinks } from './PluginSidebarLinks';
import { registry } from './registry';
import { pluginPageHash, pluginsHash } from './routes';
import type { KubedeckPluginAPI } from './types';

const info = (id: string): PluginInfo => ({
  id, name: id, version: '1', description: '', main: 'main.js', apiVersion: 1, path: `/p/${id}`, hash: 'h', dev: false, state: 'enabled', url: `/api/plugins/${id}/main.js`,
});
const load = (id: string, activate: (kd: KubedeckPluginAPI) => void) => loadPlugin(info(id), registry, () => Promise.resolve({ default: activate }));

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  for (const id of registry.snapshot().loaded.keys()) registry.unload(id);
});

describe('plugin routes', () => {
  it('round-trip through the router, odd context names included', () => {
    expect(parseHash(pluginsHash('arn:aws:eks/x y'))).toEqual({ name: 'plugins', context: 'arn:aws:eks/x y' });
    expect(parseHash(pluginPageHash('a/b', 'node-taints', 'nodes'))).toEqual({ name: 'plugin', context: 'a/b', plugin: 'node-taints', path: 'nodes' });
  });
});

describe('contributions', () => {
  const object = { kind: 'Pod', metadata: { name: 'p', namespace: 'ns' } };
  const gvr = { group: '', version: 'v1', resource: 'pods' };

  it('a section that throws while rendering fails its plugin; the other plugin’s section stays', async () => {
    await load('good', (kd) =>
      kd.registerDetailsSection({ kind: { group: '', resource: 'pods' }, title: 'Good', component: ({ object: o }) => kd.React.createElement('p', null, `name ${String(o.metadata?.name)}`) }),
    );
    await load('bad', (kd) =>
      kd.registerDetailsSection({ kind: { group: '', resource: 'pods' }, title: 'Bad', component: () => { throw new Error('render boom'); } }),
    );
    await act(async () => {
      render(<PluginSections context="c" namespace="ns" gvr={gvr} object={object} />);
    });
    expect(screen.getByRole('region', { name: /^Good/ }).textContent).toContain('name p');
    expect(screen.queryByRole('region', { name: /^Bad/ })).toBeNull();
    const bad = registry.snapshot().loaded.get('bad');
    expect(bad?.runtime.status === 'failed' && bad.runtime.error).toMatch(/Rendering the section Bad threw: render boom/);
  });

  it('sections only show for their kind', async () => {
    await load('deploys', (kd) => kd.registerDetailsSection({ kind: { group: 'apps', resource: 'deployments' }, title: 'Only deployments', component: () => null }));
    await act(async () => {
      render(<PluginSections context="c" namespace="ns" gvr={gvr} object={object} />);
    });
    expect(screen.queryByRole('region', { name: /Only deployments/ })).toBeNull();
  });

  it('the sidebar lists running plugins’ entries and counts plugins waiting for approval', async () => {
    registry.setList([info('nav'), { ...info('new'), state: 'waiting-approval' }]);
    await load('nav', (kd) => kd.registerSidebarEntry({ label: 'My page', path: 'mine' }));
    await act(async () => {
      render(<PluginSidebarLinks context="ctx" current={{ plugin: 'nav', path: 'mine' }} pluginsPageActive={false} />);
    });
    const link = screen.getByRole('link', { name: 'My page' });
    expect(link.getAttribute('href')).toBe('#/c/ctx/p/nav/mine');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: /Manage plugins/ }).textContent).toContain('1');
    act(() => registry.fail('nav', 'gone'));
    expect(screen.queryByRole('link', { name: 'My page' })).toBeNull();
  });
});
