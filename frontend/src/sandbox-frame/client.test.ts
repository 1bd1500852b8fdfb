import { describe, expect, it } from 'vitest';
import type { FrameMessage, HostMessage } from '../features/plugins/sandbox/protocol';
import type { ResourceKind, WatchEvent } from '../features/plugins/types';
import { frameClient } from './client';
import { CallFailed, Rpc } from './rpc';

const pods: ResourceKind = { group: '', version: 'v1', resource: 'pods' };

function setup(namespace = 'default') {
  const sent: Extract<FrameMessage, { type: 'call' }>[] = [];
  const rpc = new Rpc((m) => {
    if (m.type === 'call') sent.push(m);
  });
  const client = frameClient(rpc, 'kind-dev', namespace);
  const last = () => {
    const m = sent[sent.length - 1];
    if (!m) throw new Error('no call sent');
    return m;
  };
  const reply = (m: HostMessage) => expect(rpc.handle(m)).toBe(true);
  return { rpc, client, sent, last, reply };
}

describe('frame client', () => {
  it('sends each method as a call with a fresh id; the namespace defaults to the bound one', async () => {
    const { client, sent, reply } = setup('web');
    const list = client.list(pods, { labelSelector: 'app=x' });
    const get = client.get(pods, 'p1', { namespace: 'other' });
    const apply = client.apply('kind: ConfigMap', { dryRun: true });
    const del = client.delete({ group: '', version: 'v1', resource: 'configmaps' }, 'old');
    expect(sent.map((m) => m.call)).toEqual([
      { method: 'list', kind: pods, namespace: 'web', labelSelector: 'app=x' },
      { method: 'get', kind: pods, name: 'p1', namespace: 'other' },
      { method: 'apply', yaml: 'kind: ConfigMap', namespace: 'web', dryRun: true },
      { method: 'delete', kind: { group: '', version: 'v1', resource: 'configmaps' }, name: 'old', namespace: 'web' },
    ]);
    const ids = sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(4);
    reply({ type: 'reply', id: ids[3]!, ok: true, value: [{ kind: 'ConfigMap', name: 'old', action: 'deleted', extra: 1 }] });
    reply({ type: 'reply', id: ids[0]!, ok: true, value: [{ metadata: { name: 'a' } }, 'junk'] });
    reply({ type: 'reply', id: ids[1]!, ok: true, value: { metadata: { name: 'p1' } } });
    reply({ type: 'reply', id: ids[2]!, ok: true, value: [{ kind: 'ConfigMap', name: 'x', action: 'configured' }] });
    expect(await list).toEqual([{ metadata: { name: 'a' } }]);
    expect(await get).toEqual({ metadata: { name: 'p1' } });
    expect(await apply).toEqual([{ kind: 'ConfigMap', name: 'x', action: 'configured' }]);
    expect(await del).toEqual([{ kind: 'ConfigMap', name: 'old', action: 'deleted' }]);
  });

  it('rejects with the error; a refused call says so', async () => {
    const { client, last, reply } = setup();
    const a = client.get(pods, 'gone');
    reply({ type: 'reply', id: last().id, ok: false, error: { message: 'pods "gone" not found', status: 404 } });
    const err = await a.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallFailed);
    expect((err as CallFailed).message).toBe('pods "gone" not found');
    expect((err as CallFailed).status).toBe(404);
    expect((err as CallFailed).refused).toBe(false);
    const b = client.list({ group: '', version: 'v1', resource: 'secrets' });
    reply({ type: 'reply', id: last().id, ok: false, error: { message: 'read secrets (not granted)', refused: true } });
    await expect(b).rejects.toThrow('Refused: read secrets (not granted)');
  });

  it('rejects a malformed argument without sending anything', async () => {
    const { client, sent } = setup();
    await expect(client.list({ group: '', resource: 'pods' } as ResourceKind)).rejects.toThrow(TypeError);
    await expect(client.get(pods, 42 as unknown as string)).rejects.toThrow(/name must be a string/);
    expect(() => client.watch(pods, {}, 'cb' as unknown as () => void)).toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });

  it('aborts: an aborted signal rejects "Cancelled" and the late reply is dropped', async () => {
    const { client, sent, last, reply } = setup();
    const ctl = new AbortController();
    const p = client.list(pods, { signal: ctl.signal });
    const { id } = last();
    ctl.abort();
    await expect(p).rejects.toThrow('Cancelled');
    reply({ type: 'reply', id, ok: true, value: [] });
    await expect(client.get(pods, 'x', { signal: AbortSignal.abort() })).rejects.toThrow('Cancelled');
    expect(sent).toHaveLength(1);
  });

  it('watches: events arrive by the call id until unsubscribed, which sends unwatch once', () => {
    const { client, sent, last, reply } = setup();
    const events: WatchEvent[] = [];
    const stop = client.watch(pods, { labelSelector: 'app=x' }, (e) => events.push(e));
    const watch = last();
    expect(watch.call).toEqual({ method: 'watch', kind: pods, namespace: 'default', labelSelector: 'app=x' });
    reply({ type: 'reply', id: watch.id, ok: true, value: null });
    reply({ type: 'watch-event', id: watch.id, event: { type: 'objects', objects: [{ metadata: { name: 'a' } }] } });
    reply({ type: 'watch-event', id: watch.id, event: { type: 'added', object: { metadata: { name: 'b' } } } });
    reply({ type: 'watch-event', id: watch.id + 100, event: { type: 'added', object: { metadata: { name: 'other' } } } });
    reply({ type: 'watch-event', id: watch.id, event: { type: 'bogus' } as unknown as WatchEvent });
    stop();
    stop();
    reply({ type: 'watch-event', id: watch.id, event: { type: 'deleted', object: { metadata: { name: 'a' } } } });
    expect(events).toEqual([
      { type: 'objects', objects: [{ metadata: { name: 'a' } }] },
      { type: 'added', object: { metadata: { name: 'b' } } },
    ]);
    expect(sent.map((m) => m.call)).toEqual([watch.call, { method: 'unwatch', watch: watch.id }]);
  });

  it('a refused watch is an error event; an aborted signal stops the watch', () => {
    const { client, sent, last, reply } = setup();
    const events: WatchEvent[] = [];
    client.watch({ group: '', version: 'v1', resource: 'secrets' }, {}, (e) => events.push(e));
    reply({ type: 'reply', id: last().id, ok: false, error: { message: 'read secrets (not granted)', refused: true, status: 403 } });
    expect(events).toEqual([{ type: 'error', message: 'Refused: read secrets (not granted)', status: 403 }]);
    const ctl = new AbortController();
    client.watch(pods, { signal: ctl.signal }, (e) => events.push(e));
    const { id } = last();
    ctl.abort();
    expect(last().call).toEqual({ method: 'unwatch', watch: id });
    expect(sent).toHaveLength(3);
  });

  it('leaves other messages to the runtime', () => {
    const { rpc } = setup();
    expect(rpc.handle({ type: 'ping', seq: 1 })).toBe(false);
  });
});
