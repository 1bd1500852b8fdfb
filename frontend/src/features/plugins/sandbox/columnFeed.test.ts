import { describe, expect, it, vi } from 'vitest';
import { CHUNK, ColumnFeed, objectKey, type Ask } from './columnFeed';
import type { WireObject } from './protocol';

const pod = (i: number, restarts = i): WireObject => ({ metadata: { name: `p${i}`, namespace: 'ns' }, restarts });

function setup() {
  const asked: { pluginId: string; column: number; keys: string[] }[] = [];
  const ask: Ask = (pluginId, column, objects) => {
    asked.push({ pluginId, column, keys: objects.map((o) => o.key) });
    return Promise.resolve(Object.fromEntries(objects.map((o) => [o.key, o.object.restarts as number])));
  };
  const onChange = vi.fn();
  const onError = vi.fn();
  const feed = new ColumnFeed([{ id: 'c1', pluginId: 'a', index: 0 }, { id: 'c2', pluginId: 'b', index: 2 }], ask, onChange, onError);
  return { feed, asked, onChange, onError, settle: () => new Promise((r) => setTimeout(r, 0)) };
}

describe('ColumnFeed', () => {
  it('sends the list in chunks to every column, rows on screen first, and keeps the values', async () => {
    const s = setup();
    const pods = Array.from({ length: 1200 }, (_, i) => pod(i));
    s.feed.all(pods, new Set(['ns/p1199']));
    await s.settle();
    const a = s.asked.filter((x) => x.pluginId === 'a');
    expect(a.map((x) => x.keys.length)).toEqual([CHUNK, CHUNK, 200]);
    expect(a[0]?.keys[0]).toBe('ns/p1199');
    expect(s.asked.filter((x) => x.pluginId === 'b').every((x) => x.column === 2)).toBe(true);
    expect(s.feed.values.get('c1')?.get('ns/p7')).toBe(7);
    expect(s.feed.values.get('c2')?.size).toBe(1200);
    expect(s.onChange).toHaveBeenCalledTimes(6);
  });

  it('after the list only changes go out; a deleted row loses its cells', async () => {
    const s = setup();
    s.feed.all([pod(1), pod(2)]);
    await s.settle();
    s.asked.length = 0;
    s.feed.changed(pod(2, 9));
    await s.settle();
    expect(s.asked.map((x) => x.keys)).toEqual([['ns/p2'], ['ns/p2']]);
    expect(s.feed.values.get('c1')?.get('ns/p2')).toBe(9);
    s.feed.deleted(pod(1));
    expect(s.feed.values.get('c1')?.has('ns/p1')).toBe(false);
    s.feed.all([pod(2)]);
    expect(s.feed.values.get('c2')?.has('ns/p1')).toBe(false);
  });

  it('reports a failed column and ignores answers after stop', async () => {
    const onError = vi.fn();
    const feed = new ColumnFeed([{ id: 'c', pluginId: 'a', index: 0 }], () => Promise.reject(new Error('value threw')), () => {}, onError);
    feed.all([pod(1)]);
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledWith({ id: 'c', pluginId: 'a', index: 0 }, new Error('value threw'));
    const onChange = vi.fn();
    const late = new ColumnFeed([{ id: 'c', pluginId: 'a', index: 0 }], () => Promise.resolve({ 'ns/p1': 1 }), onChange, () => {});
    late.all([pod(1)]);
    late.stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keys objects as list rows are keyed', () => {
    expect(objectKey({ metadata: { name: 'n', namespace: 'ns' } })).toBe('ns/n');
    expect(objectKey({ metadata: { name: 'node1' } })).toBe('node1');
  });
});
