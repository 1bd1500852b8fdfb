import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../api/types';
import { defaultSortColumn, displayColumns, filterRows, sortRows } from './listView';

const cols: Column[] = [
  { name: 'Name', type: 'string', format: 'name', priority: 0, description: '' },
  { name: 'Ready', type: 'string', format: '', priority: 0, description: '' },
  { name: 'Restarts', type: 'integer', format: '', priority: 0, description: '' },
  { name: 'Age', type: 'string', format: '', priority: 0, description: '' },
  { name: 'IP', type: 'string', format: '', priority: 1, description: '' },
];

const r = (ns: string, name: string, restarts: number | string, created: string): Row => ({
  key: `${ns}/${name}`,
  uid: name,
  namespace: ns,
  name,
  created,
  cells: [name, '1/1', restarts, '?', '10.0.0.1'],
});

const rows = [
  r('team-b', 'web-10', 3, '2026-11-28T10:00:00Z'),
  r('team-a', 'web-2', '12 (5m ago)', '2026-11-28T11:00:00Z'),
  r('team-a', 'db-0', 0, '2026-11-27T10:00:00Z'),
  r('kube-system', 'coredns-1', 1, '2026-11-01T10:00:00Z'),
];

describe('displayColumns', () => {
  it('hides wide columns unless asked, and adds Namespace first for all namespaces', () => {
    expect(displayColumns(cols, { wide: false, namespaceColumn: false }).map((c) => c.label)).toEqual([
      'Name',
      'Ready',
      'Restarts',
      'Age',
    ]);
    const all = displayColumns(cols, { wide: true, namespaceColumn: true });
    expect(all.map((c) => c.label)).toEqual(['Namespace', 'Name', 'Ready', 'Restarts', 'Age', 'IP']);
    expect(all.find((c) => c.label === 'Age')?.kind).toBe('age');
    expect(all.find((c) => c.label === 'IP')?.index).toBe(4);
    expect(defaultSortColumn(all)).toBe('namespace');
    expect(defaultSortColumn(displayColumns(cols, { wide: false, namespaceColumn: false }))).toBe('col:Name');
  });
});

describe('filterRows', () => {
  it('matches name and namespace, case-insensitively, every word', () => {
    expect(filterRows(rows, 'WEB').map((x) => x.name)).toEqual(['web-10', 'web-2']);
    expect(filterRows(rows, 'team-a').map((x) => x.name)).toEqual(['web-2', 'db-0']);
    expect(filterRows(rows, 'team-a web').map((x) => x.name)).toEqual(['web-2']);
    expect(filterRows(rows, 'team-a/db').map((x) => x.name)).toEqual(['db-0']);
    expect(filterRows(rows, '  ')).toHaveLength(4);
    expect(filterRows(rows, 'nothing')).toEqual([]);
  });
});

describe('sortRows', () => {
  const dc = displayColumns(cols, { wide: false, namespaceColumn: true });
  const names = (rs: Row[]) => rs.map((x) => x.name);

  it('sorts names naturally (web-2 before web-10)', () => {
    expect(names(sortRows(rows, dc, { column: 'col:Name', dir: 'asc' }))).toEqual(['coredns-1', 'db-0', 'web-2', 'web-10']);
    expect(names(sortRows(rows, dc, { column: 'col:Name', dir: 'desc' }))).toEqual(['web-10', 'web-2', 'db-0', 'coredns-1']);
  });

  it('sorts by namespace, then name', () => {
    expect(names(sortRows(rows, dc, { column: 'namespace', dir: 'asc' }))).toEqual(['coredns-1', 'db-0', 'web-2', 'web-10']);
  });

  it('sorts numbers as numbers, reading "12 (5m ago)" as 12', () => {
    expect(names(sortRows(rows, dc, { column: 'col:Restarts', dir: 'desc' }))).toEqual(['web-2', 'web-10', 'coredns-1', 'db-0']);
  });

  it('sorts Age by creation time: ascending = youngest first', () => {
    expect(names(sortRows(rows, dc, { column: 'col:Age', dir: 'asc' }))).toEqual(['web-2', 'web-10', 'db-0', 'coredns-1']);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, dc, { column: 'col:Name', dir: 'asc' });
    expect(rows).toEqual(copy);
  });
});

describe('sorting durations', () => {
  it('sorts "Last Seen" by time, not text', () => {
    const evCols = displayColumns([{ name: 'Last Seen', type: 'string', format: '', priority: 0, description: '' }], {
      wide: false,
      namespaceColumn: false,
    });
    const ev = (name: string, seen: string): Row => ({ key: name, uid: name, name, cells: [seen] });
    const got = sortRows([ev('a', '2m'), ev('b', '38s'), ev('c', '<unknown>'), ev('d', '4d2h'), ev('e', '90s')], evCols, {
      column: 'col:Last Seen',
      dir: 'asc',
    });
    expect(got.map((r) => r.cells[0])).toEqual(['38s', '90s', '2m', '4d2h', '<unknown>']);
  });
});
