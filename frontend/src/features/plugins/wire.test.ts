import { describe, expect, it, vi } from 'vitest';
import { toPluginList } from './backend';
import { objectsUrl, toWatchEvent } from './clusterClient';
import { readSettings, writeSetting, onSettings, MAX_SETTING_BYTES } from './sandbox/settingsStore';

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
  it('plugin settings are scoped by plugin, bounded, and heard by the plugin’s frames', () => {
    const m = new Map<string, string>();
    const storage = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
      key: (i: number) => [...m.keys()][i] ?? null,
      get length() {
        return m.size;
      },
    };
    const heard: Record<string, string>[] = [];
    const off = onSettings('a', (s) => heard.push(s));
    expect(writeSetting('a', 'x', '1', storage)).toBe(true);
    expect(writeSetting('b', 'x', '2', storage)).toBe(true);
    expect(readSettings('a', storage)).toEqual({ x: '1' });
    expect(m.get('kubedeck.plugin.a.x')).toBe('1');
    expect(writeSetting('a', 'big', 'v'.repeat(MAX_SETTING_BYTES + 1), storage)).toBe(false);
    expect(writeSetting('a', 'x', null, storage)).toBe(true);
    expect(readSettings('a', storage)).toEqual({});
    expect(heard).toEqual([{ x: '1' }, {}]);
    off();
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
