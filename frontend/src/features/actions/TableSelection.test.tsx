// Row selection in the resource table, as the list's bulk actions use it.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Column, Row } from '../../api/types';
import { ResourceTable, type RowSelection } from '../resources/ResourceTable';
import { displayColumns } from '../resources/listView';
import { podColumns, podRow } from '../../test/fakeStream';

const columns = displayColumns(podColumns.columns as Column[], { wide: false, namespaceColumn: true });
const rows: Row[] = [podRow('team-a', 'web-1'), podRow('team-a', 'web-2'), podRow('team-b', 'api-1')];

function Table({ checkboxes, onActivate }: { checkboxes: boolean; onActivate?: (r: Row) => void }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection: RowSelection = {
    selected,
    checkboxes: checkboxes || selected.size > 0,
    onToggle: (k) =>
      setSelected((p) => {
        const n = new Set(p);
        if (!n.delete(k)) n.add(k);
        return n;
      }),
    onToggleAll: (on) => setSelected(on ? new Set(rows.map((r) => r.key)) : new Set()),
  };
  return (
    <>
      <output aria-label="selected">{[...selected].sort().join(',')}</output>
      <ResourceTable label="Pods" columns={columns} rows={rows} sort={null} onSort={() => undefined} selection={selection} {...(onActivate ? { onActivate } : {})} />
    </>
  );
}

const selectedText = () => screen.getByLabelText('selected').textContent;

describe('ResourceTable selection', () => {
  it('shows no checkboxes until selecting, and the cells stay as they were', () => {
    render(<Table checkboxes={false} />);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    const first = screen.getAllByRole('row')[1]!;
    expect(within(first).getAllByRole('gridcell').map((c) => c.textContent)[0]).toBe('team-a');
  });

  it('ticking a box selects without opening the object', () => {
    const onActivate = vi.fn();
    render(<Table checkboxes onActivate={onActivate} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select team-a/web-2' }));
    expect(selectedText()).toBe('team-a/web-2');
    expect(onActivate).not.toHaveBeenCalled();
    // The checkbox cell is a grid cell too (a presentation cell would break the grid's column count).
    expect(within(screen.getAllByRole('row')[1]!).getAllByRole('gridcell')).toHaveLength(columns.length + 1);
    expect(screen.getByRole('grid').getAttribute('aria-colcount')).toBe(String(columns.length + 1));
  });

  it('"Select all shown" selects every row, and clears them', () => {
    render(<Table checkboxes />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    expect(selectedText()).toBe('team-a/web-1,team-a/web-2,team-b/api-1');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    expect(selectedText()).toBe('');
  });

  it('Space selects the highlighted row (the checkboxes then show)', () => {
    render(<Table checkboxes={false} />);
    const table = screen.getByRole('grid', { name: 'Pods' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: ' ' });
    expect(selectedText()).toBe('team-a/web-2');
    expect((screen.getByRole('checkbox', { name: 'Select team-a/web-2' }) as HTMLInputElement).checked).toBe(true);
  });
});
