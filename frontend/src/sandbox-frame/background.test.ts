import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject, KubedeckPluginAPI, ViewProps } from '../features/plugins/types';
import { nextTask, type Slicing } from './columns';
import { fakeHost, initMessage, modules, type FakeHost } from './fakeHost';

let host: FakeHost | null = null;
afterEach(() => {
  host?.close();
  host = null;
});

const restarts = (o: KubeObject) => {
  const s = o.status as { restarts?: unknown } | undefined;
  if (s?.restarts === 'boom') throw new Error('bad status');
  return (s?.restarts as number | string | undefined) ?? null;
};

async function started(activate: (kd: KubedeckPluginAPI) => void, slicing?: Slicing): Promise<FakeHost> {
  host = fakeHost({ importer: modules({ 'plugin/main.js': { default: activate } }), ...(slicing ? { slicing } : {}) });
  host.post(initMessage());
  await host.next('registered');
  return host;
}

const pod = (name: string, restartsValue: unknown) => ({ key: `default/${name}`, object: { metadata: { name, namespace: 'default' }, status: { restarts: restartsValue } } });

describe('frame runtime: list columns', () => {
  const column = (kd: KubedeckPluginAPI) => kd.registerListColumn({ kind: { group: '', resource: 'pods' }, header: 'Restarts', value: restarts });

  it('answers column-values keyed by the given keys; values that are not strings or numbers are empty', async () => {
    const h = await started(column);
    h.post({ type: 'columns', request: 4, column: 0, objects: [pod('a', 3), pod('b', 'many'), pod('c', { n: 1 }), pod('d', undefined)] });
    expect(await h.next('column-values')).toEqual({ type: 'column-values', request: 4, values: { 'default/a': 3, 'default/b': 'many', 'default/c': null, 'default/d': null } });
  });

  it('fails the column when value throws: the error names the header, the values so far are kept', async () => {
    const h = await started(column);
    h.post({ type: 'columns', request: 1, column: 0, objects: [pod('a', 1), pod('b', 'boom'), pod('c', 2)] });
    const reply = await h.next('column-values');
    expect(reply.error).toBe('Restarts: bad status');
    expect(reply.values).toEqual({ 'default/a': 1 });
  });

  it('takes the objects as JSON text (objectsJson) when the host sends them so', async () => {
    const h = await started(column);
    h.post({ type: 'columns', request: 5, column: 0, objects: [], objectsJson: JSON.stringify([pod('a', 2), pod('b', 'x')]) });
    expect(await h.next('column-values')).toEqual({ type: 'column-values', request: 5, values: { 'default/a': 2, 'default/b': 'x' } });
    h.post({ type: 'columns', request: 6, column: 0, objects: [], objectsJson: '[{"key":' });
    expect((await h.next('column-values')).error).toMatch(/objectsJson does not parse/);
    h.post({ type: 'columns', request: 7, column: 0, objects: [], objectsJson: '{}' });
    expect((await h.next('column-values')).error).toBe('objectsJson is not an array');
  });

  it('answers a column it does not have with an error', async () => {
    const h = await started(column);
    h.post({ type: 'columns', request: 2, column: 5, objects: [pod('a', 1)] });
    expect((await h.next('column-values')).error).toMatch(/no column 5/);
  });

  it('computes in slices: 1,000 objects yield between slices and a ping is answered before the values', async () => {
    const yieldTask = vi.fn(nextTask);
    const h = await started(column, { sliceMs: 0, checkEvery: 100, now: () => performance.now(), yieldTask });
    const objects = Array.from({ length: 1000 }, (_, i) => pod(`p${i}`, i));
    h.post({ type: 'columns', request: 9, column: 0, objects });
    h.post({ type: 'ping', seq: 1 });
    const reply = await h.next('column-values');
    expect(Object.keys(reply.values)).toHaveLength(1000);
    expect(reply.values['default/p999']).toBe(999);
    expect(yieldTask).toHaveBeenCalledTimes(9);
    const types = h.received.map((m) => m.type);
    expect(types.indexOf('pong')).toBeGreaterThan(-1);
    expect(types.indexOf('pong')).toBeLessThan(types.indexOf('column-values'));
  });

  it('computes 10,000 objects of a cheap column quickly with the default slicing', async () => {
    const h = await started(column);
    const objects = Array.from({ length: 10_000 }, (_, i) => pod(`p${i}`, i));
    const t0 = performance.now();
    h.post({ type: 'columns', request: 3, column: 0, objects });
    const reply = await h.next('column-values', 5000);
    expect(Object.keys(reply.values)).toHaveLength(10_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('frame runtime: app-bar actions', () => {
  it('runs the action with a client bound to the props and reports action-done', async () => {
    const seen: ViewProps[] = [];
    const h = await started((kd) =>
      kd.registerAppBarAction({
        label: 'Count pods',
        run: async (props) => {
          seen.push(props);
          const pods = await props.client.list({ group: '', version: 'v1', resource: 'pods' });
          if (pods.length !== 2) throw new Error(`expected 2 pods, got ${pods.length}`);
        },
      }),
    );
    h.post({ type: 'action', request: 7, index: 0, props: { context: 'kind-dev', namespace: 'web' } });
    const call = await h.next('call');
    expect(call.call).toEqual({ method: 'list', kind: { group: '', version: 'v1', resource: 'pods' }, namespace: 'web' });
    h.post({ type: 'reply', id: call.id, ok: true, value: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] });
    expect(await h.next('action-done')).toEqual({ type: 'action-done', request: 7 });
    expect(seen[0]?.context).toBe('kind-dev');
    expect(seen[0]?.namespace).toBe('web');
    expect(seen[0]?.client.context).toBe('kind-dev');
  });

  it('reports a rejected action with its message, and a refused call as refused', async () => {
    const h = await started((kd) => {
      kd.registerAppBarAction({ label: 'Fail', run: () => Promise.reject(new Error('nope')) });
      kd.registerAppBarAction({ label: 'Write', run: async ({ client }) => void (await client.apply('kind: ConfigMap')) });
    });
    h.post({ type: 'action', request: 1, index: 0, props: { context: 'c', namespace: '' } });
    expect((await h.next('action-done')).error).toBe('nope');
    h.post({ type: 'action', request: 2, index: 1, props: { context: 'c', namespace: '' } });
    const call = await h.next('call');
    h.post({ type: 'reply', id: call.id, ok: false, error: { message: 'write configmaps (not granted)', refused: true } });
    expect((await h.next('action-done')).error).toBe('Refused: write configmaps (not granted)');
  });
});
