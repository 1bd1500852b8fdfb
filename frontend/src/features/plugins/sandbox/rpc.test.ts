import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/errors';
import type { ClusterClient, WatchEvent } from '../types';
import type { Refusal } from './capabilities';
import type { HostMessage } from './protocol';
import { TokenBucket } from './rateLimit';
import { RpcServer } from './rpc';

const pods = { group: '', version: 'v1', resource: 'pods' };

function setup(opts: { readOnly?: boolean; bucket?: TokenBucket } = {}) {
  const posted: HostMessage[] = [];
  const refused: Refusal[] = [];
  let onEvent: ((e: WatchEvent) => void) | null = null;
  const stop = vi.fn();
  const client: ClusterClient = {
    context: 'c',
    namespace: 'ns',
    list: vi.fn(() => Promise.resolve([{ metadata: { name: 'p' } }])),
    get: vi.fn(() => Promise.reject(new ApiError('pods "x" not found', 404))),
    watch: vi.fn((_k, _o, cb: (e: WatchEvent) => void) => {
      onEvent = cb;
      return stop;
    }),
    apply: vi.fn(() => Promise.resolve([])),
    delete: vi.fn(() => Promise.resolve([])),
  };
  const factory = vi.fn(() => client);
  const rpc = new RpcServer({
    pluginId: 'p1',
    granted: () => ({ read: ['pods'], write: { configmaps: ['apply'] } }),
    scope: () => ({ context: 'c', namespace: 'ns' }),
    readOnly: () => opts.readOnly ?? false,
    bucket: opts.bucket ?? new TokenBucket(),
    refuse: (r) => refused.push(r),
    post: (m) => posted.push(m),
    client: factory,
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { rpc, posted, refused, client, factory, stop, settle, event: (e: WatchEvent) => onEvent?.(e) };
}

describe('RpcServer', () => {
  it('makes a granted call with the plugin’s client and replies with the value', async () => {
    const s = setup();
    s.rpc.handle(1, { method: 'list', kind: pods });
    await s.settle();
    expect(s.factory).toHaveBeenCalledWith('p1', 'c', 'ns');
    expect(s.posted).toEqual([{ type: 'reply', id: 1, ok: true, value: [{ metadata: { name: 'p' } }] }]);
  });

  it('replies with the cluster’s error and its status', async () => {
    const s = setup();
    s.rpc.handle(2, { method: 'get', kind: pods, name: 'x' });
    await s.settle();
    expect(s.posted).toEqual([{ type: 'reply', id: 2, ok: false, error: { message: 'pods "x" not found', status: 404 } }]);
  });

  it('refuses what was not granted without asking the cluster, and reports it', async () => {
    const s = setup();
    s.rpc.handle(3, { method: 'list', kind: { group: '', version: 'v1', resource: 'secrets' } });
    s.rpc.handle(4, { method: 'delete', kind: pods, name: 'p' });
    await s.settle();
    expect(s.client.list).not.toHaveBeenCalled();
    expect(s.client.delete).not.toHaveBeenCalled();
    expect(s.refused).toEqual([
      { action: 'read', target: 'secrets', reason: 'not-granted' },
      { action: 'delete', target: 'pods', reason: 'not-granted' },
    ]);
    expect(s.posted.map((m) => m.type === 'reply' && !m.ok && m.error.refused)).toEqual([true, true]);
    expect(s.posted[0]).toMatchObject({ error: { message: 'Refused: read secrets (not granted)' } });
  });

  it('refuses writes on a read-only context', async () => {
    const s = setup({ readOnly: true });
    s.rpc.handle(5, { method: 'apply', yaml: 'apiVersion: v1\nkind: ConfigMap\n' });
    await s.settle();
    expect(s.client.apply).not.toHaveBeenCalled();
    expect(s.refused).toEqual([{ action: 'apply', target: 'configmaps', reason: 'read-only' }]);
  });

  it('rate-limits: beyond the burst calls are refused as flooding and counted', async () => {
    let now = 0;
    const bucket = new TokenBucket(20, 5, () => now);
    const s = setup({ bucket });
    for (let i = 0; i < 8; i++) s.rpc.handle(i, { method: 'list', kind: pods });
    await s.settle();
    expect(s.client.list).toHaveBeenCalledTimes(5);
    expect(bucket.refused).toBe(3);
    expect(s.refused.every((r) => r.reason === 'flooding')).toBe(true);
    now = 100; // 100 ms at 20/s: two more tokens
    s.rpc.handle(9, { method: 'list', kind: pods });
    s.rpc.handle(10, { method: 'list', kind: pods });
    s.rpc.handle(11, { method: 'list', kind: pods });
    expect(s.client.list).toHaveBeenCalledTimes(7);
  });

  it('forwards watch events under the call’s id until unwatched or closed', () => {
    const s = setup();
    s.rpc.handle(7, { method: 'watch', kind: pods });
    s.event({ type: 'objects', objects: [] });
    s.rpc.handle(8, { method: 'unwatch', watch: 7 });
    s.event({ type: 'added', object: {} });
    expect(s.stop).toHaveBeenCalledTimes(1);
    expect(s.posted).toEqual([
      { type: 'watch-event', id: 7, event: { type: 'objects', objects: [] } },
      { type: 'reply', id: 8, ok: true, value: null },
    ]);
    s.rpc.handle(9, { method: 'watch', kind: pods });
    s.rpc.close();
    expect(s.stop).toHaveBeenCalledTimes(2);
  });
});
