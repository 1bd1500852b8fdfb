import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListQuery, Row } from '../../api/types';
import type { PluginInfo } from './backend';
import { frames } from './host';
import { registry } from './registry';
import { fakeConnect, until } from './sandbox/fakeFrame';
import { hostEnv } from './sandbox/session';
import { usePluginColumns } from './usePluginColumns';

const info = (id: string, read: string[]): PluginInfo => ({
  id, name: id, version: '1', description: '', main: 'main.js', apiVersion: 1, path: `/p/${id}`, hash: 'h', dev: false, state: 'enabled',
  requested: { read }, granted: { read }, frameUrl: `/plugin-frame/tok-${id}/`,
});
const query: ListQuery = { context: 'c', group: '', version: 'v1', resource: 'pods', namespace: 'ns' };
const row = (name: string): Row => ({ key: `ns/${name}`, uid: name, namespace: 'ns', name, cells: [name] });
const objects = [
  { metadata: { name: 'a', namespace: 'ns' }, n: 1 },
  { metadata: { name: 'b', namespace: 'ns' }, n: 2 },
];

function List({ ready = true }: { ready?: boolean }) {
  const pc = usePluginColumns(query, 1, ready);
  return (
    <ul aria-label={pc.columns.map((c) => c.label).join(',')}>
      {pc.extend([row('a'), row('b')]).map((r) => (
        <li key={r.key}>{r.cells.map((c) => String(c)).join('|')}</li>
      ))}
    </ul>
  );
}

const realConnect = hostEnv.connect;
const asked: number[] = [];
beforeEach(() => {
  hostEnv.connect = fakeConnect((f, m) => {
    if (m.type === 'init') f.send({ type: 'registered', registered: { sidebar: [], routes: [], sections: [], columns: [{ kind: { group: '', resource: 'pods' }, header: 'N' }], actions: [], settings: false, translations: {} } });
    if (m.type === 'columns') {
      asked.push(m.objects.length);
      f.send({ type: 'column-values', request: m.request, values: Object.fromEntries(m.objects.map((o) => [o.key, (o.object.n as number) * 10])) });
    }
  });
  vi.stubGlobal('fetch', (url: string) => {
    if (url.startsWith('/api/stream/cancel')) return Promise.resolve(new Response('{"cancelled":true}'));
    const lines = [{ type: 'objects', items: objects }];
    // The stream stays open (a watch): the body never ends.
    const body = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n') + '\n')) });
    return Promise.resolve(new Response(body));
  });
});
afterEach(() => {
  cleanup();
  frames.stopAll();
  hostEnv.connect = realConnect;
  vi.unstubAllGlobals();
  asked.length = 0;
});

describe('usePluginColumns', () => {
  it('renders at once with empty cells, then fills them from the background frame', async () => {
    frames.reconcile([info('cols', ['pods'])]);
    await until(() => registry.snapshot().loaded.get('cols')?.runtime.status === 'running');
    render(<List />);
    expect(screen.getByRole('list', { name: 'N' }).textContent).toBe('ab'); // the rows as they are until values come
    await until(() => screen.getByRole('list').textContent === 'a|10b|20');
    expect(asked).toEqual([2]);
  });

  it('follows the objects only once the list is ready, so the rows never wait for the column', async () => {
    frames.reconcile([info('cols', ['pods'])]);
    await until(() => registry.snapshot().loaded.get('cols')?.runtime.status === 'running');
    const { rerender } = render(<List ready={false} />);
    await new Promise((r) => setTimeout(r, 100));
    expect(asked).toEqual([]);
    expect(screen.getByRole('list', { name: 'N' }).textContent).toBe('ab'); // the rows as they are until values come
    rerender(<List ready />);
    await until(() => screen.getByRole('list').textContent === 'a|10b|20');
    // A relist (not ready again) keeps the column going: no second start, no empty cells.
    rerender(<List ready={false} />);
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.getByRole('list').textContent).toBe('a|10b|20');
    expect(asked).toEqual([2]);
  });

  it('adds no column for a plugin not granted reading the kind', async () => {
    frames.reconcile([info('cols', ['configmaps'])]);
    await until(() => registry.snapshot().loaded.get('cols')?.runtime.status === 'running');
    render(<List />);
    expect(screen.getByRole('list', { name: '' }).textContent).toBe('ab');
    await new Promise((r) => setTimeout(r, 100));
    expect(asked).toEqual([]);
  });
});
