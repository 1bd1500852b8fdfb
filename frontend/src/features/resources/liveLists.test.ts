import { describe, expect, it } from 'vitest';
import type { Row } from '../../api/types';
import { listShown, listSnapshot } from './liveLists';
import { applyListMessage, initialListState } from './listReducer';

const row = (key: string): Row => ({ key, uid: key, name: key, cells: [key] });

describe('a live list (the list reducer and its snapshot)', () => {
  it('keeps a live list from rows, events, reset and errors', () => {
    let l = initialListState();
    l = applyListMessage(l, { type: 'rows', rows: [row('a'), row('b')] });
    expect(listShown(l)).toBe(false);
    l = applyListMessage(l, { type: 'synced', resourceVersion: '1' });
    expect(l.synced).toBe(true);
    expect(listShown(l)).toBe(true);
    l = applyListMessage(l, { type: 'events', upserts: [row('c')], deletes: ['a'] });
    expect(listSnapshot(l).rows.map((r) => r.key)).toEqual(['b', 'c']);
    l = applyListMessage(l, { type: 'error', message: 'flaky', retrying: true });
    expect(listSnapshot(l).error).toBeUndefined();
    l = applyListMessage(l, { type: 'error', message: 'forbidden', status: 403 });
    expect(listSnapshot(l).error).toBe('forbidden');
    // A relist: the rows on screen stay until the new list is synced, then are replaced.
    l = applyListMessage(l, { type: 'reset' });
    expect(listSnapshot(l).rows.map((r) => r.key)).toEqual(['b', 'c']);
    l = applyListMessage(l, { type: 'rows', rows: [row('d')] });
    l = applyListMessage(l, { type: 'synced', resourceVersion: '2' });
    expect(listSnapshot(l).rows.map((r) => r.key)).toEqual(['d']);
    expect(listSnapshot(l).error).toBeUndefined();
  });

  it('a failure before the first sync shows as the list', () => {
    const l = applyListMessage(initialListState(), { type: 'error', message: 'the server could not find the requested resource', status: 404 });
    expect(listShown(l)).toBe(true);
    expect(listSnapshot(l, 5)).toEqual({ columns: [], rows: [], at: 5, error: 'the server could not find the requested resource' });
  });
});
