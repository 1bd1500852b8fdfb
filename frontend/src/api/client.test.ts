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

describe('call through Wails (desktop shell)', () => {
  it('uses the injected bindings and wraps their error strings', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    window.go = {
      commands: {
        Commands: {
          Version: async () => ({ version: '1.2.3' }),
          // Wails rejects with a plain string.
          ClusterInfo: (ctx: string) => Promise.reject(`cannot reach ${ctx}`),
        },
      },
    };
    expect(transport()).toBe('desktop');
    await expect(api.Version()).resolves.toEqual({ version: '1.2.3' });
    await expect(api.ClusterInfo('prod')).rejects.toMatchObject({ name: 'ApiError', message: 'cannot reach prod' });
    await expect(api.Contexts()).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
