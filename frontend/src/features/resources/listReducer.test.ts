import { describe, expect, it } from 'vitest';
import type { ListMessage, Row } from '../../api/types';
import { applyListMessages, initialListState, listReducer, type ListState } from './listReducer';

const row = (ns: string, name: string, status = 'Running'): Row => ({
  key: `${ns}/${name}`,
  uid: `uid-${name}`,
  namespace: ns,
  name,
  created: '2026-11-28T10:00:00Z',
  cells: [name, status],
});

const columns: ListMessage = {
  type: 'columns',
  columns: [
    { name: 'Name', type: 'string', format: 'name', priority: 0, description: '' },
    { name: 'Status', type: 'string', format: '', priority: 0, description: '' },
  ],
};

function run(state: ListState, ...batches: ListMessage[][]): ListState {
  return batches.reduce((s, b) => listReducer(s, { type: 'messages', messages: b }), state);
}

const keys = (s: ListState) => [...s.rows.keys()];

describe('listReducer', () => {
  it('collects columns and pages of rows until synced', () => {
    let s = run(initialListState(), [columns, { type: 'rows', rows: [row('a', 'p1')] }]);
    expect(s.columns.map((c) => c.name)).toEqual(['Name', 'Status']);
    expect(keys(s)).toEqual(['a/p1']);
    expect(s.synced).toBe(false);
    expect(s.loaded).toBe(1);
    s = run(s, [{ type: 'rows', rows: [row('a', 'p2'), row('b', 'p3')] }, { type: 'synced', resourceVersion: '5' }]);
    expect(keys(s)).toEqual(['a/p1', 'a/p2', 'b/p3']);
    expect(s.synced).toBe(true);
    expect(s.loaded).toBe(3);
    expect(s.connection).toBe('live');
  });

  it('applies events: upserts replace by key, deletes remove', () => {
    let s = run(initialListState(), [columns, { type: 'rows', rows: [row('a', 'p1'), row('a', 'p2')] }, { type: 'synced', resourceVersion: '1' }]);
    const before = s.rows;
    s = run(s, [
      { type: 'events', upserts: [row('a', 'p1', 'Failed'), row('a', 'p9')], deletes: ['a/p2'] },
      { type: 'events', upserts: [], deletes: ['a/missing'] },
    ]);
    expect(keys(s)).toEqual(['a/p1', 'a/p9']);
    expect(s.rows.get('a/p1')?.cells[1]).toBe('Failed');
    // A new Map (React sees the change); the old one is untouched.
    expect(s.rows).not.toBe(before);
    expect([...before.keys()]).toEqual(['a/p1', 'a/p2']);
  });

  it('copies the rows once per batch, not per message', () => {
    const s0 = run(initialListState(), [columns, { type: 'synced', resourceVersion: '1' }]);
    const batch: ListMessage[] = Array.from({ length: 200 }, (_, i) => ({
      type: 'events',
      upserts: [row('a', `p${i}`)],
      deletes: [],
    }));
    const s = applyListMessages(s0, batch);
    expect(s.rows.size).toBe(200);
  });

  it('reset: keeps showing the old rows until the relist is synced, then replaces them', () => {
    let s = run(initialListState(), [columns, { type: 'rows', rows: [row('a', 'old1'), row('a', 'old2')] }, { type: 'synced', resourceVersion: '1' }]);
    s = run(s, [{ type: 'reset' }, { type: 'rows', rows: [row('a', 'new1')] }]);
    expect(keys(s)).toEqual(['a/old1', 'a/old2']);
    expect(s.loaded).toBe(1);
    s = run(s, [{ type: 'synced', resourceVersion: '2' }]);
    expect(keys(s)).toEqual(['a/new1']);
  });

  it('reset before the first sync drops the rows at once', () => {
    const s = run(initialListState(), [columns, { type: 'rows', rows: [row('a', 'x')] }, { type: 'reset' }]);
    expect(s.rows.size).toBe(0);
  });

  it('records errors: transient ones mean reconnecting, a later sync clears them', () => {
    let s = run(initialListState(), [columns, { type: 'synced', resourceVersion: '1' }]);
    s = run(s, [{ type: 'error', message: 'watch broke', status: 500, retrying: true }]);
    expect(s.error).toEqual({ message: 'watch broke', status: 500, retrying: true });
    expect(s.connection).toBe('reconnecting');
    s = run(s, [{ type: 'synced', resourceVersion: '2' }]);
    expect(s.error).toBeNull();
    expect(s.connection).toBe('live');
  });

  it('a terminal error then the end of the stream fails the list', () => {
    let s = run(initialListState(), [{ type: 'error', message: 'pods is forbidden', status: 403 }]);
    expect(s.connection).toBe('connecting');
    s = listReducer(s, { type: 'ended', problem: null, retry: false });
    expect(s.connection).toBe('failed');
    expect(s.error?.status).toBe(403);
  });

  it('a reconnection replaces the rows once the new list is synced', () => {
    let s = run(initialListState(), [columns, { type: 'rows', rows: [row('a', 'p1'), row('a', 'gone')] }, { type: 'synced', resourceVersion: '1' }]);
    s = listReducer(s, { type: 'ended', problem: { message: 'lost', retrying: true }, retry: true });
    expect(s.connection).toBe('reconnecting');
    s = listReducer(s, { type: 'connect', replace: true });
    s = run(s, [columns, { type: 'rows', rows: [row('a', 'p1')] }]);
    expect(keys(s)).toEqual(['a/p1', 'a/gone']);
    s = run(s, [{ type: 'synced', resourceVersion: '7' }]);
    expect(keys(s)).toEqual(['a/p1']);
    expect(s.connection).toBe('live');
    expect(s.error).toBeNull();
  });

  it('a fresh connection starts from nothing', () => {
    let s = run(initialListState(), [columns, { type: 'rows', rows: [row('a', 'p1')] }, { type: 'synced', resourceVersion: '1' }]);
    s = listReducer(s, { type: 'connect', replace: false });
    expect(s.rows.size).toBe(0);
    expect(s.columns).toEqual([]);
    expect(s.synced).toBe(false);
  });
});
