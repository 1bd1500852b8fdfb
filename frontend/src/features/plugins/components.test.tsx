import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Capabilities } from '../../api/contract.gen';
import { parseHash } from '../../router';
import type { PluginInfo } from './backend';
import { PluginFrame } from './PluginFrame';
import { PluginSections } from './PluginSections';
import { PluginSidebarLinks } from './PluginSidebarLinks';
import { RefusalNotice } from './RefusalNotice';
import { emptyContributions, registry, type Contributions } from './registry';
import { pluginPageHash, pluginsHash } from './routes';
import { fakeConnect, until, type FakeFrame } from './sandbox/fakeFrame';
import type { HostMessage } from './sandbox/protocol';
import { hostEnv } from './sandbox/session';

const info = (id: string, granted: Capabilities = { read: ['pods'] }): PluginInfo => ({
  id, name: id, version: '1', description: '', main: 'main.js', apiVersion: 1, path: `/p/${id}`, hash: 'h', dev: false, state: 'enabled',
  requested: granted, granted, frameUrl: `/plugin-frame/tok-${id}/`,
});

/** Puts a running plugin with these contributions into the registry (as its background frame would). */
function run(p: PluginInfo, c: Partial<Contributions>) {
  const gen = registry.begin(p.id, p.frameUrl ?? '');
  registry.registered(p.id, gen, { ...emptyContributions(), ...c });
}

const realConnect = hostEnv.connect;
const fakes: FakeFrame[] = [];
let script: (f: FakeFrame, m: HostMessage) => void = () => {};
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  hostEnv.connect = fakeConnect((f, m) => script(f, m), fakes);
});
afterEach(() => {
  cleanup();
  hostEnv.connect = realConnect;
  fakes.length = 0;
  registry.dismissNotice();
  for (const id of registry.snapshot().loaded.keys()) registry.unload(id);
  registry.setList([]);
});

describe('plugin routes', () => {
  it('round-trip through the router, odd context names included', () => {
    expect(parseHash(pluginsHash('arn:aws:eks/x y'))).toEqual({ name: 'plugins', context: 'arn:aws:eks/x y' });
    expect(parseHash(pluginPageHash('a/b', 'node-taints', 'nodes'))).toEqual({ name: 'plugin', context: 'a/b', plugin: 'node-taints', path: 'nodes' });
  });
});

describe('details sections', () => {
  const object = { kind: 'Pod', metadata: { name: 'p', namespace: 'ns' } };
  const gvr = { group: '', version: 'v1', resource: 'pods' };
  const section = (title: string, resource = 'pods') => ({ sections: [{ kind: { group: '', resource }, title, index: 0 }] });

  it('show in a sandboxed frame for their kind, only for plugins granted reading it', async () => {
    const reader = info('reader');
    const blind = info('blind', { read: ['configmaps'] });
    registry.setList([reader, blind]);
    run(reader, section('Taints'));
    run(blind, section('Peek'));
    run(info('deploys'), section('Only deployments', 'deployments'));
    render(<PluginSections context="c" namespace="ns" gvr={gvr} object={object} />);
    const region = screen.getByRole('region', { name: /^Taints/ });
    const frame = region.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame?.getAttribute('title')).toBe('reader: Taints');
    expect(screen.queryByRole('region', { name: /Peek/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /Only deployments/ })).toBeNull();
  });
});

describe('PluginFrame', () => {
  it('inits the view with its props, sizes to the frame, sends new props and moves focus out', async () => {
    const p = info('v');
    registry.setList([p]);
    run(p, { routes: [{ path: 'x', title: 'X' }] });
    script = (f, m) => {
      if (m.type === 'init') {
        f.send({ type: 'registered', registered: {} });
        f.send({ type: 'size', height: 321.4 });
      }
    };
    const { rerender } = render(
      <>
        <PluginFrame info={p} view={{ kind: 'route', path: 'x' }} props={{ context: 'c', namespace: 'a' }} title="v: X" />
        <button type="button">after</button>
      </>,
    );
    await until(() => fakes[0]?.iframe.style.height === '321px');
    expect(fakes[0]!.received[0]).toMatchObject({ type: 'init', role: 'view', view: { kind: 'route', path: 'x' }, props: { context: 'c', namespace: 'a' } });
    rerender(
      <>
        <PluginFrame info={p} view={{ kind: 'route', path: 'x' }} props={{ context: 'c', namespace: 'b' }} title="v: X" />
        <button type="button">after</button>
      </>,
    );
    await until(() => fakes[0]!.received.some((m) => m.type === 'props'));
    expect(fakes[0]!.received.find((m) => m.type === 'props')).toEqual({ type: 'props', props: { context: 'c', namespace: 'b' } });
    fakes[0]!.send({ type: 'focus-out', direction: 'forward' });
    await until(() => document.activeElement === screen.getByRole('button', { name: 'after' }));
    fireEvent.focus(fakes[0]!.iframe, { relatedTarget: screen.getByRole('button', { name: 'after' }) });
    await until(() => fakes[0]!.received.some((m) => m.type === 'focus'));
    expect(fakes[0]!.received.find((m) => m.type === 'focus')).toEqual({ type: 'focus', edge: 'last' });
  });

  it('a view that fails shows the error and fails its plugin', async () => {
    const p = info('f');
    registry.setList([p]);
    run(p, { routes: [{ path: 'x', title: 'X' }] });
    script = (f, m) => m.type === 'init' && f.send({ type: 'failed', message: 'render boom' });
    render(<PluginFrame info={p} view={{ kind: 'route', path: 'x' }} props={{ context: 'c', namespace: '' }} title="f: X" />);
    expect((await screen.findByRole('alert')).textContent).toContain('render boom');
    const rt = registry.snapshot().loaded.get('f')?.runtime;
    expect(rt?.status === 'failed' && rt.error).toBe('render boom');
  });
});

describe('sidebar and refusals', () => {
  it('the sidebar lists running plugins’ entries and counts plugins waiting for approval', () => {
    registry.setList([info('nav'), { ...info('new'), state: 'waiting-approval' }]);
    run(info('nav'), { sidebar: [{ label: 'My page', path: 'mine' }] });
    render(<PluginSidebarLinks context="ctx" current={{ plugin: 'nav', path: 'mine' }} pluginsPageActive={false} />);
    const link = screen.getByRole('link', { name: 'My page' });
    expect(link.getAttribute('href')).toBe('#/c/ctx/p/nav/mine');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: /Manage plugins/ }).textContent).toContain('1');
    act(() => registry.fail('nav', 'gone'));
    expect(screen.queryByRole('link', { name: 'My page' })).toBeNull();
  });

  it('a refused request shows as an alert naming the plugin, repeats counted', () => {
    registry.setList([{ ...info('tip'), name: 'Tip of the day' }]);
    render(<RefusalNotice context="c" />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => registry.refuse('tip', { action: 'apply', target: 'configmaps', reason: 'not-granted' }));
    expect(screen.getByRole('alert').textContent).toContain('Tip of the day: Refused: write configmaps (not granted)');
    act(() => registry.refuse('tip', { action: 'apply', target: 'configmaps', reason: 'not-granted' }));
    expect(screen.getByRole('alert').textContent).toContain('(2 times)');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
