import { describe, expect, it } from 'vitest';
import { severalNamespacesMerger, splitNamespaces } from './stream';
import type { ListMessage } from './types';

describe('several namespaces', () => {
  it('splits comma lists', () => {
    expect(splitNamespaces('team-a, team-b,')).toEqual(['team-a', 'team-b']);
    expect(splitNamespaces('')).toEqual([]);
  });

  it('merges per-namespace lists into one list', () => {
    const out: ListMessage[] = [];
    const merge = severalNamespacesMerger(2, (m) => out.push(m));
    const cols: ListMessage = { type: 'columns', columns: [{ name: 'Name', type: 'string', format: 'name', priority: 0, description: '' }] };
    merge(0, cols);
    merge(1, cols);
    merge(0, { type: 'rows', rows: [{ key: 'a/x', uid: '1', name: 'x', cells: [] }] });
    merge(0, { type: 'synced', resourceVersion: '1' });
    expect(out.map((m) => m.type)).toEqual(['columns', 'rows']);
    merge(1, { type: 'reset' });
    merge(1, { type: 'synced', resourceVersion: '2' });
    merge(1, { type: 'synced', resourceVersion: '3' });
    expect(out.map((m) => m.type)).toEqual(['columns', 'rows', 'synced']);
    merge(1, { type: 'error', message: 'forbidden', status: 403 });
    expect(out.at(-1)).toEqual({ type: 'error', message: 'forbidden', status: 403 });
  });
});
