import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PluginInfo } from '../backend';
import { pluginText } from '../pluginI18n';
import { PluginRegistry, running } from '../registry';
import { fakeConnect, until, type FakeFrame } from './fakeFrame';
import { BackgroundFrames } from './frames';
import type { HostMessage, Registered } from './protocol';
import { TokenBucket } from './rateLimit';
import { hostEnv, type FrameEnv } from './session';

const info = (id: string, frameUrl = `/plugin-frame/tok-${id}/`, extra: Partial<PluginInfo> = {}): PluginInfo => ({
  id, name: id, version: '1.0.0', description: '', main: 'main.js', apiVersion: 1, path: `/p/${id}`, hash: 'h', dev: false,
  state: 'enabled', requested: {}, granted: { read: ['pods'] }, frameUrl, ...extra,
});

const report = (over: Partial<Registered> = {}): Registered => ({
  sidebar: [{ label: 'sidebar.images', path: 'images' }],
  routes: [{ path: 'images', title: 'Images' }],
  sections: [],
  columns: [{ kind: { group: '', resource: 'pods' }, header: 'Restarts' }],
  actions: [{ label: 'Hello' }],
  settings: false,
  translations: { en: { sidebar: { images: 'Images' } }, de: { sidebar: { images: 'Abbilder' } } },
  ...over,
});

/** A well-behaved background frame: registers at init, answers pings, columns and actions. */
const good = (over: Partial<Registered> = {}) => (f: FakeFrame, m: HostMessage) => {
  if (m.type === 'init') {
    f.send({ type: 'ready' });
    f.send({ type: 'registered', registered: report(over) });
  } else if (m.type === 'ping') f.send({ type: 'pong', seq: m.seq });
  else if (m.type === 'columns') f.send({ type: 'column-values', request: m.request, values: Object.fromEntries(m.objects.map((o) => [o.key, o.key.length])) });
  else if (m.type === 'action') f.send({ type: 'action-done', request: m.request, ...(m.index === 0 ? {} : { error: 'no such action' }) });
};

function setup(script: (f: FakeFrame, m: HostMessage) => void, timing = { ready: 3000, ping: 20, pong: 300 }) {
  const reg = new PluginRegistry();
  const fakes: FakeFrame[] = [];
  const env: FrameEnv = { ...hostEnv, connect: fakeConnect(script, fakes), info: (id) => reg.info(id), refuse: (id, r) => reg.refuse(id, r), bucket: () => new TokenBucket(), theme: () => ({ name: 'dark', vars: { '--kd-bg': '#000' } }), language: () => 'en', timing };
  const frames = new BackgroundFrames(reg, env);
  managers.push(frames);
  return { reg, fakes, frames };
}
const managers: BackgroundFrames[] = [];
afterEach(() => {
  for (const m of managers.splice(0)) m.stopAll();
});

describe('background frames', () => {
  it('start a sandboxed hidden frame per enabled plugin and send init over the channel', async () => {
    const { reg, fakes, frames } = setup(good());
    frames.reconcile([info('a'), info('off', undefined, { state: 'disabled' }), info('nourl', '')]);
    await until(() => reg.snapshot().loaded.get('a')?.runtime.status === 'running');
    expect(fakes).toHaveLength(1);
    const iframe = fakes[0]!.iframe;
    expect(iframe.getAttribute('sandbox')).toBe('allow-scripts');
    expect(iframe.getAttribute('src')).toBe('/plugin-frame/tok-a/');
    expect(iframe.isConnected).toBe(true);
    expect(fakes[0]!.received[0]).toMatchObject({
      type: 'init', role: 'background', plugin: { id: 'a', name: 'a', version: '1.0.0' },
      moduleUrl: new URL('/plugin-frame/tok-a/plugin/main.js', location.href).href, language: 'en', theme: { name: 'dark' }, settings: {},
    });
    expect(reg.snapshot().loaded.has('off')).toBe(false);
  });

  it('turn what the frame registered into contributions, with its translations', async () => {
    const { reg, frames } = setup(good());
    frames.reconcile([info('a')]);
    await until(() => reg.snapshot().loaded.get('a')?.runtime.status === 'running');
    const snap = reg.snapshot();
    expect(running(snap, 'sidebar')).toEqual([{ label: 'sidebar.images', path: 'images', pluginId: 'a' }]);
    expect(running(snap, 'columns')).toEqual([{ kind: { group: '', resource: 'pods' }, header: 'Restarts', index: 0, pluginId: 'a' }]);
    expect(pluginText('a', 'sidebar.images')).toBe('Images');
  });

  it.each([
    ['reports failed', (f: FakeFrame, m: HostMessage) => m.type === 'init' && f.send({ type: 'failed', message: 'activate threw: boom' }), /activate threw: boom/],
    ['registers a bad path', (f: FakeFrame, m: HostMessage) => m.type === 'init' && f.send({ type: 'registered', registered: report({ routes: [{ path: '../x', title: 'X' }] }) }), /route path "..\/x"/],
    ['never registers', () => {}, /did not finish within 1 s/],
  ])('a frame that %s fails its plugin alone', async (_, script, want) => {
    const bad = setup((f, m) => (f.iframe.src.includes('bad') ? script(f, m) : good()(f, m)), { ready: 1000, ping: 20, pong: 80 });
    bad.frames.reconcile([info('bad'), info('ok')]);
    await until(() => bad.reg.snapshot().loaded.get('bad')?.runtime.status === 'failed', 5000);
    const failed = bad.reg.snapshot().loaded.get('bad')?.runtime;
    expect(failed?.status === 'failed' && failed.error).toMatch(want);
    await until(() => bad.reg.snapshot().loaded.get('ok')?.runtime.status === 'running');
    expect(bad.fakes.find((f) => f.iframe.src.includes('bad'))?.iframe.isConnected).toBe(false);
  });

  it('mark a frame that stops answering the heartbeat as not responding, and again responding', async () => {
    let answer = true;
    const { reg, frames } = setup((f, m) => (m.type === 'ping' && !answer ? undefined : good()(f, m)));
    frames.reconcile([info('a')]);
    await until(() => reg.snapshot().loaded.get('a')?.runtime.status === 'running');
    answer = false;
    await until(() => reg.snapshot().loaded.get('a')?.responding === false);
    answer = true;
    await until(() => reg.snapshot().loaded.get('a')?.responding === true);
  });

  it('reload a plugin whose frame URL changed and stop a disabled one', async () => {
    const { reg, fakes, frames } = setup(good());
    frames.reconcile([info('a')]);
    await until(() => reg.snapshot().loaded.get('a')?.runtime.status === 'running');
    frames.reconcile([info('a', '/plugin-frame/tok-a2/')]);
    expect(fakes[0]!.closed).toBe(true);
    await until(() => reg.snapshot().loaded.get('a')?.runtime.status === 'running');
    expect(reg.snapshot().loaded.get('a')?.frameUrl).toBe('/plugin-frame/tok-a2/');
    frames.reconcile([info('a', '/plugin-frame/tok-a2/', { state: 'disabled' })]);
    expect(fakes[1]!.closed).toBe(true);
    expect(fakes[1]!.iframe.isConnected).toBe(false);
    expect(reg.snapshot().loaded.has('a')).toBe(false);
    expect(pluginText('a', 'sidebar.images')).toBe('sidebar.images');
  });

  it('ask for column values and run actions', async () => {
    const { reg, frames } = setup(good());
    frames.reconcile([info('a')]);
    await until(() => reg.snapshot().loaded.get('a')?.runtime.status === 'running');
    await expect(frames.columns('a', 0, [{ key: 'ns/pod', object: {} }])).resolves.toEqual({ 'ns/pod': 6 });
    await expect(frames.action('a', 0, { context: 'c', namespace: '' })).resolves.toBeUndefined();
    await expect(frames.action('a', 1, { context: 'c', namespace: '' })).rejects.toThrow('no such action');
    await expect(frames.columns('nope', 0, [])).rejects.toThrow(/not running/);
  });

  it('refuse calls outside the grant and list the browser’s refusals', async () => {
    const { reg, fakes, frames } = setup((f, m) => {
      good()(f, m);
      if (m.type === 'init') {
        f.send({ type: 'call', id: 1, call: { method: 'list', kind: { group: '', version: 'v1', resource: 'secrets' } } });
        f.send({ type: 'refused', what: 'connect-src https://evil.example' });
        f.send({ type: 'settings-set', key: 'k', value: 'v' });
        f.send({ type: 'bogus' });
      }
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    frames.reconcile([info('a')]);
    await until(() => (reg.snapshot().refusals.get('a')?.length ?? 0) === 3);
    expect(reg.snapshot().refusals.get('a')?.map((r) => `${r.action} ${r.target} ${r.reason}`)).toEqual([
      'settings k not-granted',
      'browser connect-src https://evil.example csp',
      'read secrets not-granted',
    ]);
    await until(() => fakes[0]!.received.some((m) => m.type === 'reply'));
    expect(fakes[0]!.received.find((m) => m.type === 'reply')).toMatchObject({ id: 1, ok: false, error: { refused: true } });
  });
});
