import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PluginInfo } from './backend';
import { toPluginList } from './backend';
import { objectsUrl, toWatchEvent } from './clusterClient';
import { reconcile } from './host';
import { loadPlugin, pluginSettings, type Importer } from './loader';
import { PluginRegistry, running } from './registry';
import { shownState } from './stateText';
import type { KubedeckPluginAPI } from './types';
import { cellOf, objectKey, pluginDisplayColumns } from './usePluginColumns';

const info = (id: string, url = `/api/plugins/${id}/main.js?h=1`): PluginInfo => ({
  id,
  name: id,
  version: '1.0.0',
  description: '',
  main: 'main.js',
  apiVersion: 1,
  path: `/p/${id}`,
  hash: 'abc',
  dev: false,
  state: 'enabled',
  url,
});

const moduleOf = (activate: (kd: KubedeckPluginAPI) => unknown): Importer => () => Promise.resolve({ default: activate });
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('loadPlugin', () => {
  it('runs activate with the API and keeps its contributions once running', async () => {
    const reg = new PluginRegistry();
    let seen: KubedeckPluginAPI | null = null;
    await loadPlugin(
      info('cols'),
      reg,
      moduleOf((kd) => {
        seen = kd;
        kd.registerListColumn({ kind: { group: '', resource: 'pods' }, header: 'X', value: () => 1 });
        kd.registerSidebarEntry({ label: 'Page', path: 'page' });
      }),
    );
    const p = reg.snapshot().loaded.get('cols');
    expect(p?.runtime).toEqual({ status: 'running' });
    expect(running(reg.snapshot(), 'columns').map((c) => [c.pluginId, c.header])).toEqual([['cols', 'X']]);
    expect(running(reg.snapshot(), 'sidebar')).toEqual([{ label: 'Page', path: 'page', pluginId: 'cols' }]);
    expect(seen!.apiVersion).toBe(1);
    expect(typeof seen!.React.createElement).toBe('function');
    expect(Object.isFrozen(seen)).toBe(true);
  });

  it.each([
    ['a module that does not parse', (() => Promise.reject(new SyntaxError("Unexpected token '}'"))) as Importer, /does not load: Unexpected token/],
    ['a module that throws while loading', moduleOf(() => {
      throw new Error('boom at load');
    }), /boom at load/],
    ['a module without activate', (() => Promise.resolve({ other: 1 })) as Importer, /exports no activate function/],
    ['an activate that never finishes', moduleOf(() => new Promise(() => {})), /did not finish within/],
    ['a bad registration', moduleOf((kd) => kd.registerRoute({ path: '../x', title: 'X', component: () => null })), /registerRoute path/],
  ])('marks %s failed with its error', async (_what, importer, message) => {
    const reg = new PluginRegistry();
    await loadPlugin(info('bad'), reg, importer, 30);
    const p = reg.snapshot().loaded.get('bad');
    expect(p?.runtime.status).toBe('failed');
    expect(p?.runtime.status === 'failed' ? p.runtime.error : '').toMatch(message);
    expect(running(reg.snapshot(), 'routes')).toEqual([]);
  });

  it('a render failure removes the plugin’s contributions and runs its cleanup', async () => {
    const reg = new PluginRegistry();
    const cleanup = vi.fn();
    await loadPlugin(
      info('p'),
      reg,
      moduleOf((kd) => {
        kd.registerAppBarAction({ label: 'Go', run: () => {} });
        return cleanup;
      }),
    );
    expect(running(reg.snapshot(), 'actions')).toHaveLength(1);
    reg.fail('p', 'Rendering threw');
    expect(running(reg.snapshot(), 'actions')).toHaveLength(0);
    expect(cleanup).toHaveBeenCalledOnce();
    expect(shownState(info('p'), reg.snapshot().loaded.get('p')?.runtime)).toBe('failed');
  });
});

describe('reconcile', () => {
  it('loads enabled plugins, reloads a changed one and unloads disabled ones', async () => {
    const reg = new PluginRegistry();
    const imported: string[] = [];
    const importer: Importer = (url) => {
      imported.push(url);
      return Promise.resolve({ default: () => {} });
    };
    reconcile([info('a'), { ...info('b'), state: 'waiting-approval' }], reg, importer);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(imported).toEqual(['/api/plugins/a/main.js?h=1']);
    expect(reg.snapshot().list?.map((p) => p.id)).toEqual(['a', 'b']);
    reconcile([info('a')], reg, importer);
    expect(imported).toHaveLength(1); // unchanged: not loaded again
    reconcile([info('a', '/api/plugins/a/main.js?h=2')], reg, importer);
    await new Promise((r) => setTimeout(r, 0));
    expect(imported).toEqual(['/api/plugins/a/main.js?h=1', '/api/plugins/a/main.js?h=2']);
    reconcile([{ ...info('a'), state: 'disabled' }], reg, importer);
    expect(reg.snapshot().loaded.has('a')).toBe(false);
  });

  it('a stale load (reloaded meanwhile) cannot register anything', async () => {
    const reg = new PluginRegistry();
    let release: () => void = () => {};
    const slow: Importer = () => new Promise((r) => (release = () => r({ default: (kd: KubedeckPluginAPI) => kd.registerSidebarEntry({ label: 'Old', path: 'old' }) })));
    const first = loadPlugin(info('a'), reg, slow);
    await loadPlugin(info('a', '/v2'), reg, moduleOf((kd) => kd.registerSidebarEntry({ label: 'New', path: 'new' })));
    release();
    await first;
    expect(running(reg.snapshot(), 'sidebar').map((e) => e.label)).toEqual(['New']);
  });
});

describe('plugin columns', () => {
  const def = { pluginId: 'r', kind: { group: '', resource: 'pods' }, header: 'Restarts+', value: (o: { status?: { n?: number } }) => o.status?.n ?? null };
  it('come after the server columns and key objects as list rows do', () => {
    expect(pluginDisplayColumns([def as never], 9).map((c) => [c.index, c.label, c.kind])).toEqual([[9, 'Restarts+', 'cell']]);
    expect(objectKey({ metadata: { name: 'a', namespace: 'ns' } })).toBe('ns/a');
    expect(objectKey({ metadata: { name: 'node1' } })).toBe('node1');
  });
  it('a throwing value function fails its plugin', async () => {
    const { registry } = await import('./registry');
    await loadPlugin(info('thrower'), registry, moduleOf(() => {}));
    const bad = { ...def, pluginId: 'thrower', value: () => { throw new Error('nope'); } };
    expect(cellOf(bad as never, { status: {} })).toBeNull();
    const p = registry.snapshot().loaded.get('thrower');
    expect(p?.runtime.status === 'failed' && p.runtime.error).toMatch(/Restarts\+ threw: nope/);
  });
});

describe('wire formats', () => {
  it('decodes the plugin list and the objects stream', () => {
    expect(toPluginList([{ id: 'x', state: 'enabled', url: '/u', hash: 'h' }, { nope: 1 }])).toMatchObject([{ id: 'x', name: 'x', state: 'enabled', url: '/u' }]);
    expect(toWatchEvent({ type: 'objects' })).toEqual({ type: 'objects', objects: [] });
    expect(toWatchEvent({ type: 'event', event: 'deleted', object: { a: 1 } })).toEqual({ type: 'deleted', object: { a: 1 } });
    expect(toWatchEvent({ type: 'error', message: 'forbidden', status: 403 })).toEqual({ type: 'error', message: 'forbidden', status: 403 });
    expect(toWatchEvent({ type: 'heartbeat' })).toBeNull();
    expect(objectsUrl('kind-a b', { group: '', version: 'v1', resource: 'pods' }, 'ns', 'app=x', true)).toBe(
      '/api/stream/objects?context=kind-a%20b&group=&version=v1&resource=pods&namespace=ns&labelSelector=app%3Dx&watch=1',
    );
  });
  it('plugin settings are scoped by plugin', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
    pluginSettings('a', storage).set('x', '1');
    expect(pluginSettings('a', storage).get('x')).toBe('1');
    expect(pluginSettings('b', storage).get('x')).toBeNull();
  });
});

describe('cluster client', () => {
  it('several namespaces on screen: lists cover all and keep those; watch drops the others', async () => {
    const { clusterClient } = await import('./clusterClient');
    const lines = [
      { type: 'objects', items: [{ metadata: { name: 'a', namespace: 'x' } }, { metadata: { name: 'b', namespace: 'z' } }] },
      { type: 'event', event: 'added', object: { metadata: { name: 'c', namespace: 'z' } } },
      { type: 'event', event: 'added', object: { metadata: { name: 'd', namespace: 'y' } } },
    ];
    const urls: string[] = [];
    const headers: string[] = [];
    const cancels: string[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      // A stream ended by the client is also cancelled on the backend (the
      // desktop never cancels an aborted request).
      if (url.startsWith('/api/stream/cancel')) {
        cancels.push(url);
        return Promise.resolve(new Response('{"cancelled":true}'));
      }
      urls.push(url);
      headers.push(new Headers(init.headers).get('X-Kubedeck-Plugin') ?? '');
      return Promise.resolve(new Response(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    });
    try {
      const client = clusterClient('me', 'ctx', 'x, y');
      const pods = { group: '', version: 'v1', resource: 'pods' };
      expect((await client.list(pods)).map((o) => o.metadata?.name)).toEqual(['a']);
      expect(urls[0]).toContain('namespace=&');
      const seen: string[] = [];
      await new Promise<void>((done) => {
        client.watch(pods, {}, (e) => {
          if (e.type === 'objects') seen.push(...e.objects.map((o) => `list:${o.metadata?.name}`));
          else if (e.type !== 'error') seen.push(`${e.type}:${e.object.metadata?.name}`);
          if (seen.includes('added:d')) done();
        });
      });
      expect(seen).toEqual(['list:a', 'added:d']);
      expect(headers.every((h) => h === 'me')).toBe(true);
      expect(cancels.length).toBeGreaterThan(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
