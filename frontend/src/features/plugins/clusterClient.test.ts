import { afterEach, describe, expect, it, vi } from 'vitest';
import { clusterClient } from './clusterClient';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.go;
});

describe('the plugins’ cluster client', () => {
  it('writes over HTTP with the plugin’s header, in the desktop too (never through the app’s bindings)', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Response.json([{ kind: 'Pod', name: 'p', namespace: 'x', action: 'deleted', extra: 1 }]);
    }));
    const binding = vi.fn();
    window.go = { commands: { Commands: { Version: binding } } };
    Object.assign(window.go.commands?.Commands ?? {}, { Delete: binding, Apply: binding });
    const client = clusterClient('me', 'ctx', 'x');
    await expect(client.delete({ group: '', version: 'v1', resource: 'pods' }, 'p')).resolves.toEqual([
      { kind: 'Pod', name: 'p', namespace: 'x', action: 'deleted' },
    ]);
    await client.apply('kind: Pod', { dryRun: true });
    expect(binding).not.toHaveBeenCalled();
    expect(calls.map((c) => c.url)).toEqual(['/api/call/Delete', '/api/call/Apply']);
    for (const c of calls) expect(new Headers(c.init.headers).get('X-Kubedeck-Plugin')).toBe('me');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(['ctx', [{ group: '', version: 'v1', resource: 'pods', namespace: 'x', name: 'p' }], 'background']);
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual(['ctx', 'kind: Pod', 'x', true]);
  });

  it('rejects with the backend’s error', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'forbidden: pods "p"' }, { status: 403 }));
    await expect(clusterClient('me', 'ctx', 'x').delete({ group: '', version: 'v1', resource: 'pods' }, 'p')).rejects.toMatchObject({
      name: 'ApiError',
      status: 403,
      message: 'forbidden: pods "p"',
    });
  });
});
