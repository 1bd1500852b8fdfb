import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubedeckPluginAPI } from '../features/plugins/types';
import { fakeHost, initMessage, modules, theme, type FakeHost } from './fakeHost';
import { browserImport } from './load';

let host: FakeHost | null = null;
afterEach(() => {
  host?.close();
  host = null;
});

function start(activate: (kd: KubedeckPluginAPI) => unknown, timeoutMs = 2000): FakeHost {
  host = fakeHost({ importer: modules({ 'plugin/main.js': { default: activate } }), timeoutMs });
  return host;
}

describe('frame runtime: loading', () => {
  it('says ready, answers pings before and after init, and reports what activate registered', async () => {
    const h = start((kd) => {
      kd.registerTranslations({ en: { nav: { hello: 'Hello' } }, de: { nav: { hello: 'Hallo' } } });
      kd.registerSidebarEntry({ label: 'nav.hello', path: 'hello' });
      kd.registerRoute({ path: 'hello', title: 'nav.hello', component: () => null });
      kd.registerDetailsSection({ kind: { group: 'apps', resource: 'deployments' }, title: 'Images', component: () => null });
      kd.registerListColumn({ kind: { group: '', resource: 'pods' }, header: 'Restarts', description: 'All containers', value: () => 1 });
      kd.registerAppBarAction({ label: 'Say hi', run: () => undefined });
      kd.registerSettingsPage({ component: () => null });
    });
    await h.next('ready');
    h.post({ type: 'ping', seq: 1 });
    expect((await h.next('pong')).seq).toBe(1);
    h.post(initMessage({ language: 'de' }));
    const { registered } = await h.next('registered');
    expect(registered).toEqual({
      sidebar: [{ label: 'nav.hello', path: 'hello' }],
      routes: [{ path: 'hello', title: 'nav.hello' }],
      sections: [{ kind: { group: 'apps', resource: 'deployments' }, title: 'Images' }],
      columns: [{ kind: { group: '', resource: 'pods' }, header: 'Restarts', description: 'All containers' }],
      actions: [{ label: 'Say hi' }],
      settings: true,
      translations: { en: { nav: { hello: 'Hello' } }, de: { nav: { hello: 'Hallo' } } },
    });
    h.post({ type: 'ping', seq: 2 });
    expect((await h.next('pong')).seq).toBe(2);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.style.getPropertyValue('--kd-bg')).toBe(theme.vars['--kd-bg']);
    expect(document.documentElement.lang).toBe('de');
  });

  it('gives activate the API object v1', async () => {
    let kd: KubedeckPluginAPI | null = null;
    const h = start((api) => {
      kd = api;
    });
    h.post(initMessage());
    await h.next('registered');
    const api = kd as unknown as KubedeckPluginAPI;
    expect(api.apiVersion).toBe(1);
    expect(api.plugin).toEqual({ id: 'demo', name: 'Demo', version: '1.0.0' });
    expect(typeof api.React.createElement).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(api.language()).toBe('en');
  });

  it('loads a real ES module (a data: URL) with the browser import', async () => {
    const src = "export function activate(kd) { kd.registerSidebarEntry({ label: 'From data', path: 'data' }); }";
    host = fakeHost({ importer: browserImport });
    host.post(initMessage({ moduleUrl: `data:text/javascript,${encodeURIComponent(src)}` }));
    expect((await host.next('registered')).registered.sidebar).toEqual([{ label: 'From data', path: 'data' }]);
  });

  it('imports the module URL relative to the frame document', async () => {
    const importer = vi.fn(modules({ 'plugin/main.js': { default: () => undefined } }));
    host = fakeHost({ importer });
    host.post(initMessage({ moduleUrl: 'plugin/main.js' }));
    await host.next('registered');
    expect(importer).toHaveBeenCalledWith(new URL('plugin/main.js', document.baseURI).href);
  });

  it.each([
    ['the module does not load', modules({}), /could not be loaded: Failed to fetch/],
    ['it exports no activate function', modules({ 'plugin/main.js': { other: 1 } }), /exports no activate function/],
    ['activate throws', modules({ 'plugin/main.js': { default: () => { throw new Error('boom'); } } }), /^boom$/],
    ['a registration is malformed', modules({ 'plugin/main.js': { default: (kd: KubedeckPluginAPI) => kd.registerSidebarEntry({ label: 'x', path: 'a b' }) } }), /path "a b" must be letters/],
    ['a translation is malformed', modules({ 'plugin/main.js': { default: (kd: KubedeckPluginAPI) => kd.registerTranslations({ english: {} }) } }), /"english" is not a language tag/],
    ['activate never finishes', modules({ 'plugin/main.js': { default: () => new Promise(() => undefined) } }), /activate\(\) did not finish within 0.05 seconds/],
  ])('fails when %s', async (_what, importer, message) => {
    host = fakeHost({ importer, timeoutMs: 50 });
    host.post(initMessage());
    expect((await host.next('failed')).message).toMatch(message);
    expect(host.received.some((m) => m.type === 'registered')).toBe(false);
  });

  it('drops messages that do not match the guards, and a second init', async () => {
    const importer = vi.fn(modules({ 'plugin/main.js': { default: () => undefined } }));
    host = fakeHost({ importer });
    await host.next('ready');
    host.post({ type: 'init', role: 'admin', plugin: {}, moduleUrl: 'x', language: 'en', theme, settings: {} });
    host.post({ type: 'columns', request: 'one', column: 0, objects: [] });
    host.post({ type: 'eval', code: 'alert(1)' });
    host.post({ type: 'ping', seq: 7 });
    await host.next('pong');
    expect(host.received.map((m) => m.type)).toEqual(['ready', 'pong']);
    expect(importer).not.toHaveBeenCalled();
    host.post(initMessage());
    await host.next('registered');
    host.post(initMessage({ moduleUrl: 'plugin/other.js' }));
    host.post({ type: 'ping', seq: 8 });
    await host.next('pong');
    expect(importer).toHaveBeenCalledTimes(1);
  });
});

describe('frame runtime: roles and cleanup', () => {
  it('answers column and action requests only in a running background frame', async () => {
    const h = start(() => new Promise(() => undefined));
    h.post(initMessage());
    h.post({ type: 'columns', request: 1, column: 0, objects: [] });
    h.post({ type: 'action', request: 2, index: 0, props: { context: 'c', namespace: '' } });
    expect((await h.next('column-values')).error).toMatch(/not running/);
    expect((await h.next('action-done')).error).toMatch(/not running/);
  });

  it('runs the cleanup activate returned when the runtime stops', async () => {
    const cleanup = vi.fn();
    const h = start(() => cleanup);
    h.post(initMessage());
    await h.next('registered');
    expect(cleanup).not.toHaveBeenCalled();
    h.close();
    host = null;
    expect(cleanup).toHaveBeenCalledTimes(1);
  });
});

describe('frame runtime: settings', () => {
  it('reads the init cache synchronously, posts settings-set, refreshes on settings', async () => {
    let kd: KubedeckPluginAPI | null = null;
    const h = start((api) => {
      kd = api;
    });
    h.post(initMessage({ settings: { greeting: 'hi', n: '2' } }));
    await h.next('registered');
    const settings = (kd as unknown as KubedeckPluginAPI).settings;
    expect(settings.get('greeting')).toBe('hi');
    expect(settings.get('missing')).toBeNull();
    settings.set('greeting', 'hello');
    expect(settings.get('greeting')).toBe('hello');
    expect(await h.next('settings-set')).toEqual({ type: 'settings-set', key: 'greeting', value: 'hello' });
    settings.set('n', null);
    expect(await h.next('settings-set')).toEqual({ type: 'settings-set', key: 'n', value: null });
    expect(() => settings.set('x', 3 as unknown as string)).toThrow(TypeError);
    h.post({ type: 'settings', settings: { greeting: 'servus' } });
    h.post({ type: 'ping', seq: 1 });
    await h.next('pong');
    expect(settings.get('greeting')).toBe('servus');
  });
});
