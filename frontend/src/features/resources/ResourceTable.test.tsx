// The resource table's keyboard model, as a WAI-ARIA grid: focus stays on the
// grid, aria-activedescendant names the highlighted row, rows carry their
// index out of aria-rowcount, and the keys come from the keymap.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Column, Row } from '../../api/types';
import { ResourceTable } from './ResourceTable';
import { displayColumns } from './listView';
import { podColumns, podRow } from '../../test/fakeStream';
import { keymap } from '../keyboard/keymap';

const columns = displayColumns(podColumns.columns as Column[], { wide: false, namespaceColumn: true });
const rows: Row[] = [podRow('team-a', 'web-1'), podRow('team-a', 'web-2'), podRow('team-b', 'api-1')];

const activeRow = (grid: HTMLElement) => {
  const id = grid.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
const nameOf = (row: HTMLElement | null) => (row ? within(row).getAllByRole('gridcell')[1]?.textContent : null);

describe('ResourceTable as a grid', () => {
  it('has grid semantics: columnheaders, rows with aria-rowindex of aria-rowcount, gridcells', () => {
    render(<ResourceTable label="Pods" columns={columns} rows={rows} sort={null} onSort={() => undefined} />);
    const grid = screen.getByRole('grid', { name: 'Pods' });
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    expect(grid.getAttribute('aria-colcount')).toBe(String(columns.length));
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(columns.length);
    const [header, ...body] = within(grid).getAllByRole('row');
    expect(header?.getAttribute('aria-rowindex')).toBe('1');
    expect(body.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4']);
    for (const r of body) expect(within(r).getAllByRole('gridcell')).toHaveLength(columns.length);
  });

  it('arrows, Home, End move the active descendant; Enter opens it; Esc clears it', () => {
    const onActivate = vi.fn();
    render(<ResourceTable label="Pods" columns={columns} rows={rows} sort={null} onSort={() => undefined} onActivate={onActivate} />);
    const grid = screen.getByRole('grid', { name: 'Pods' });
    grid.focus();
    expect(grid.getAttribute('aria-activedescendant')).toBeNull();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(nameOf(activeRow(grid))).toBe('web-1');
    expect(activeRow(grid)?.tagName).toBe('TR');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(nameOf(activeRow(grid))).toBe('web-2');
    fireEvent.keyDown(grid, { key: 'End' });
    expect(nameOf(activeRow(grid))).toBe('api-1');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(nameOf(activeRow(grid))).toBe('api-1');
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(nameOf(activeRow(grid))).toBe('web-1');
    expect(document.activeElement).toBe(grid);
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledWith(rows[0]);
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(grid.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('its keys act only while focus is in the grid, and are listed in the keymap', () => {
    const onActivate = vi.fn();
    render(
      <>
        <input aria-label="elsewhere" />
        <ResourceTable label="Pods" columns={columns} rows={rows} sort={null} onSort={() => undefined} onActivate={onActivate} />
      </>,
    );
    const grid = screen.getByRole('grid', { name: 'Pods' });
    fireEvent.keyDown(screen.getByLabelText('elsewhere'), { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    expect(grid.getAttribute('aria-activedescendant')).toBeNull();
    expect(keymap.bindings().filter((b) => b.group === 'Table').map((b) => b.keys[0])).toEqual(
      expect.arrayContaining(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Escape', 'Enter']),
    );
  });

  it('follows a highlight the caller keeps', () => {
    const onHighlight = vi.fn();
    const { rerender } = render(
      <ResourceTable label="Pods" columns={columns} rows={rows} sort={null} onSort={() => undefined} highlightKey={null} onHighlight={onHighlight} />,
    );
    const grid = screen.getByRole('grid', { name: 'Pods' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(onHighlight).toHaveBeenCalledWith(rows[0]!.key);
    rerender(<ResourceTable label="Pods" columns={columns} rows={rows} sort={null} onSort={() => undefined} highlightKey={rows[2]!.key} onHighlight={onHighlight} />);
    expect(nameOf(activeRow(grid))).toBe('api-1');
  });
});
