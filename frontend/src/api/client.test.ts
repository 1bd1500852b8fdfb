import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, call, transport } from './client';
import { ApiError, isSessionExpired, resetSessionExpired } from './errors';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.go;
  resetSessionExpired();
});

describe('call over HTTP (browser shell)', () => {
  it('posts the arguments as a JSON array', async () => {
    const fetchMock = vi.fn(async () => Response.json({ namespaces: ['a'], restricted: false }));
    vi.stubGlobal('fetch', fetchMock);
    expect(transport()).toBe('http');
    await expect(api.Namespaces('arn:aws:eks:eu-west-1:123:cluster/prod')).resolves.toEqual({
      namespaces: ['a'],
      restricted: false,
    });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/call/Namespaces',
      expect.objectContaining({
        method: 'POST',
        body: '["arn:aws:eks:eu-west-1:123:cluster/prod"]',
        credentials: 'same-origin',
      }),
    );
  });

  it('turns {"error"} answers into ApiError with the status', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'cluster unreachable' }, { status: 502 }));
    const err = await call('ClusterInfo', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'cluster unreachable', status: 502 });
  });

  it('falls back to the status text when the body is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 500, statusText: 'Internal Server Error' }));
    await expect(call('Version')).rejects.toMatchObject({ message: '500 Internal Server Error' });
  });

  it('signals an expired session on 401', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'no session' }, { status: 401 }));
    await expect(call('Contexts')).rejects.toMatchObject({ status: 401 });
    expect(isSessionExpired()).toBe(true);
  });
});

describe('call through the Wails gate (desktop shell)', () => {
  it('calls every command through the one gate, with the app key, and wraps its error strings', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const calls: { key: string; method: string; args: readonly unknown[] }[] = [];
    window.go = {
      commands: {
        Gate: {
          Call: async (key, method, args) => {
            calls.push({ key, method, args });
            // Wails rejects with a plain string.
            if (method === 'ClusterInfo') return Promise.reject(`cannot reach ${String(args[0])}`);
            return method === 'Version' ? { version: '1.2.3' } : null;
          },
        },
      },
    };
    expect(transport()).toBe('desktop');
    await expect(api.Version()).resolves.toEqual({ version: '1.2.3' });
    await expect(api.ClusterInfo('prod')).rejects.toMatchObject({ name: 'ApiError', message: 'cannot reach prod' });
    await api.RevealSecret('prod', 'ns', 'db', 'password');
    expect(calls).toEqual([
      { key: '', method: 'Version', args: [] },
      { key: '', method: 'ClusterInfo', args: ['prod'] },
      { key: '', method: 'RevealSecret', args: ['prod', 'ns', 'db', 'password'] },
    ]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('is not the desktop without a callable gate', () => {
    window.go = { commands: { Commands: { Version: () => Promise.resolve({ version: 'old' }) } } };
    expect(transport()).toBe('http');
  });
});

describe('the app key (desktop)', () => {
  afterEach(() => {
    document.head.querySelectorAll('meta').forEach((m) => m.remove());
    vi.resetModules();
  });

  it('takes the key out of the page: its value, and every <meta> of it removed', async () => {
    const { takeAppKey } = await import('./client');
    document.head.insertAdjacentHTML('beforeend', '<meta name="kubedeck-key" content="k1"><meta name="kubedeck-key" content="k2">');
    expect(takeAppKey(document)).toBe('k1');
    expect(document.querySelector('meta[name="kubedeck-key"]')).toBeNull();
    expect(takeAppKey(document)).toBe('');
  });

  it('reads the key once at start and sends it on every /api/ request and gate call', async () => {
    document.head.insertAdjacentHTML('beforeend', '<meta name="kubedeck-key" content="launch-key">');
    vi.resetModules();
    const client = await import('./client');
    const { openStream, setStreamMux } = await import('./openStream');
    setStreamMux(null); // a fresh module: one fetch per stream, as in the other unit tests
    expect(document.querySelector('meta[name="kubedeck-key"]')).toBeNull();
    expect(client.apiHeaders()).toEqual({ [client.APP_KEY_HEADER]: 'launch-key' });

    const fetchMock = vi.fn(async (url: string) => (url.startsWith('/api/call/') ? Response.json({ version: '1' }) : new Response('')));
    vi.stubGlobal('fetch', fetchMock);
    // Calls with headers go over HTTP, in the desktop too: the key goes along.
    await client.callCommand('Version', [], { headers: { 'X-Kubedeck-Plugin': 'p' } });
    const ctl = new AbortController();
    await openStream('/api/stream/contexts', {}, ctl.signal);
    ctl.abort(); // also posts /api/stream/cancel
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    for (const [url, init] of fetchMock.mock.calls as unknown as [string, RequestInit][]) {
      expect(new Headers(init.headers).get('X-Kubedeck-Key'), url).toBe('launch-key');
    }
    // A plugin's header cannot replace the key.
    await client.callCommand('Version', [], { headers: { 'X-Kubedeck-Key': 'forged' } });
    const last = fetchMock.mock.calls.at(-1) as unknown as [string, RequestInit];
    expect(new Headers(last[1].headers).get('X-Kubedeck-Key')).toBe('launch-key');

    const keys: string[] = [];
    window.go = { commands: { Gate: { Call: async (key) => { keys.push(key); return null; } } } };
    await client.call('Contexts');
    expect(keys).toEqual(['launch-key']);
  });

  it('sends no key header in the browser shell (no meta)', async () => {
    vi.resetModules();
    const client = await import('./client');
    expect(client.apiHeaders()).toEqual({});
  });
});
