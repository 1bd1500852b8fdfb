// A virtualized, sortable table of stream rows, as a WAI-ARIA grid: focus
// stays on the grid and aria-activedescendant names the highlighted row (so a
// screen reader announces it), rows carry aria-rowindex out of aria-rowcount
// (only the rows in view are in the DOM, so 10,000 rows scroll smoothly), and
// selection is aria-selected. Its keys are keymap bindings within the grid.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../api/types';
import { cellText } from '../../lib/format';
import { isStatusColumn } from '../../lib/status';
import { useNow } from '../../lib/useNow';
import type { DisplayColumn, SortSpec } from './listView';
import { Age } from '../../components/Age';
import { SortIcon } from '../../components/Glyphs';
import { StatusCell } from './StatusCell';
import { columnWidths } from './tableLayout';
import { usePaneActive } from '../clusters/clusterHealth';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeyBindings } from '../keyboard/useKeyBindings';

export const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;

export interface ResourceTableProps {
  /** Accessible name: "Pods". */
  label: string;
  columns: readonly DisplayColumn[];
  rows: readonly Row[];
  sort: SortSpec | null;
  onSort: (columnId: string) => void;
  /** Enter or double-click on a row. */
  onActivate?: (row: Row) => void;
  /** Dims the rows (stale data while reconnecting). */
  stale?: boolean;
  /** Row selection (checkboxes, Space toggles the highlighted row): keys of the selected rows. */
  selection?: RowSelection;
  /** The highlighted row's key, when the caller keeps it (row shortcuts act on it). */
  highlightKey?: string | null;
  onHighlight?: (key: string | null) => void;
}

export interface RowSelection {
  selected: ReadonlySet<string>;
  /** Show the checkbox column (Space selects the highlighted row either way). */
  checkboxes: boolean;
  onToggle: (key: string) => void;
  /** The header checkbox: select every row shown, or none. */
  onToggleAll: (on: boolean) => void;
}

function Cell({ col, row, now }: { col: DisplayColumn; row: Row; now: number }) {
  switch (col.kind) {
    case 'namespace':
      return (
        <td role="gridcell" title={row.namespace}>
          {row.namespace ?? ''}
        </td>
      );
    case 'age':
      return (
        <td role="gridcell" className="num">
          {row.created ? <Age created={row.created} now={now} /> : cellText(row.cells[col.index])}
        </td>
      );
    case 'cell': {
      const text = cellText(row.cells[col.index]);
      const cls = col.format === 'name' ? 'name' : col.type === 'integer' || col.type === 'number' ? 'num' : undefined;
      return (
        <td role="gridcell" className={cls} title={text.length > 12 ? text : undefined}>
          {isStatusColumn(col.label) ? <StatusCell value={text} column={col.label} /> : text}
        </td>
      );
    }
  }
}

interface RowProps {
  id: string;
  row: Row;
  index: number;
  columns: readonly DisplayColumn[];
  highlighted: boolean;
  now: number;
  onPick: (key: string) => void;
  onActivate?: ((row: Row) => void) | undefined;
  /** Undefined: no selection column. */
  selected?: boolean | undefined;
  onToggle?: ((key: string) => void) | undefined;
}

const TableRow = memo(function TableRow({ id, row, index, columns, highlighted, now, onPick, onActivate, selected, onToggle }: RowProps) {
  const { t } = useTranslation();
  // Clicks only: the grid takes the keys (focus stays on it, aria-activedescendant points here).
  return (
    <tr
      id={id}
      aria-rowindex={index + 2}
      aria-current={highlighted ? 'true' : undefined}
      aria-selected={selected === undefined ? undefined : selected}
      className={`${highlighted ? 'highlighted' : ''}${row.deleting ? ' deleting' : ''}`}
      data-key={row.key}
      onClick={() => {
        onPick(row.key);
        onActivate?.(row);
      }}
    >
      {selected !== undefined && (
        <td role="gridcell" className="select-cell">
          <input
            onClick={(e) => e.stopPropagation()}
            type="checkbox"
            tabIndex={-1}
            checked={selected}
            aria-label={t('resources.table.selectRow', { name: row.namespace ? `${row.namespace}/${row.name}` : row.name })}
            onChange={() => {
              onPick(row.key);
              onToggle?.(row.key);
            }}
          />
        </td>
      )}
      {columns.map((c) => (
        <Cell key={c.id} col={c} row={row} now={now} />
      ))}
    </tr>
  );
});

export function ResourceTable(props: ResourceTableProps) {
  const { label, columns, rows, sort, onSort, onActivate, stale, selection } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [ownHighlight, setOwnHighlight] = useState<string | null>(null);
  const highlightKey = props.onHighlight ? (props.highlightKey ?? null) : ownHighlight;
  const setHighlightKey = props.onHighlight ?? setOwnHighlight;
  const rowIdBase = useId();
  const active = usePaneActive();
  const now = useNow(1000);

  // Widths follow the columns, and the rows only while the list is small and
  // still growing (so they do not jump as updates stream in).
  // Recomputed per size bucket, not per update: the rows are read, not depended on.
  const sizeBucket = rows.length === 0 ? 0 : Math.min(4, Math.floor(Math.log10(rows.length)) + 1);
  const [measured, setMeasured] = useState({ sizeBucket, columns, rows });
  if (measured.sizeBucket !== sizeBucket || measured.columns !== columns) setMeasured({ sizeBucket, columns, rows });
  const widths = useMemo(() => columnWidths(measured.columns, measured.rows), [measured]);
  const totalCh = widths.reduce((a, b) => a + b, 0);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Scroll updates render in the same frame anyway; flushSync inside effects only warns.
    useFlushSync: false,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  const indexOfKey = useMemo(() => {
    const m = new Map<string, number>();
    rows.forEach((r, i) => m.set(r.key, i));
    return m;
  }, [rows]);
  const highlightIndex = highlightKey === null ? -1 : (indexOfKey.get(highlightKey) ?? -1);

  const moveTo = (i: number) => {
    if (rows.length === 0) return;
    const idx = Math.max(0, Math.min(rows.length - 1, i));
    const r = rows[idx];
    if (!r) return;
    setHighlightKey(r.key);
    virtualizer.scrollToIndex(idx, { align: 'auto' });
  };

  const pageRows = () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const from = highlightIndex;
  const within = () => tableRef.current;
  const gridKey = (id: string, keys: string[], label: string, run: () => void): KeyBinding => ({ id: `grid.${id}`, keys, label, group: 'Table', within, run });
  const bindings: KeyBinding[] = [
    gridKey('down', ['ArrowDown'], t('keyboard.grid.down'), () => moveTo(from < 0 ? 0 : from + 1)),
    gridKey('up', ['ArrowUp'], t('keyboard.grid.up'), () => moveTo(from < 0 ? 0 : from - 1)),
    gridKey('pagedown', ['PageDown'], t('keyboard.grid.pagedown'), () => moveTo(from + pageRows())),
    gridKey('pageup', ['PageUp'], t('keyboard.grid.pageup'), () => moveTo(from - pageRows())),
    gridKey('home', ['Home'], t('keyboard.grid.home'), () => moveTo(0)),
    gridKey('end', ['End'], t('keyboard.grid.end'), () => moveTo(rows.length - 1)),
    gridKey('clear', ['Escape'], t('keyboard.grid.clear'), () => setHighlightKey(null)),
  ];
  if (onActivate) {
    bindings.push(
      gridKey('open', ['Enter'], t('keyboard.grid.open'), () => {
        const r = rows[from];
        if (r) onActivate(r);
      }),
    );
  }
  if (selection) {
    bindings.push(
      gridKey('select', ['Space'], t('keyboard.grid.select'), () => {
        const r = rows[from];
        if (r) selection.onToggle(r.key);
      }),
    );
  }
  useKeyBindings(bindings, active);

  // Keep the highlighted row in view when sorting moves it (only then: the latest values are read).
  const keepInView = useRef(() => {});
  keepInView.current = () => {
    if (highlightIndex >= 0 && document.activeElement === tableRef.current) {
      virtualizer.scrollToIndex(highlightIndex, { align: 'auto' });
    }
  };
  useEffect(() => keepInView.current(), [sort]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const rowId = (i: number) => `${rowIdBase}-row-${i}`;
  // Only a row in the DOM can be the active descendant.
  const activeRendered = highlightIndex >= 0 && !!first && !!last && highlightIndex >= first.index && highlightIndex <= last.index;

  return (
    <div className={`table-scroll${stale ? ' stale' : ''}`} ref={scrollRef}>
      <table
        ref={tableRef}
        className="rtable"
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + (selection?.checkboxes ? 1 : 0)}
        aria-multiselectable={selection?.checkboxes ? true : undefined}
        aria-activedescendant={activeRendered ? rowId(highlightIndex) : undefined}
        aria-readonly="true"
        tabIndex={0}
        style={{ width: `max(100%, ${totalCh}ch)` }}
      >
        <colgroup>
          {selection?.checkboxes && <col style={{ width: '4ch' }} />}
          {widths.map((w, i) => (
            <col key={columns[i]?.id ?? i} style={i === widths.length - 1 ? undefined : { width: `${w}ch` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {selection?.checkboxes && (
              <th className="select-cell" scope="col">
                <input
                  type="checkbox"
                  aria-label={t('resources.table.selectAll')}
                  checked={rows.length > 0 && rows.every((r) => selection.selected.has(r.key))}
                  onChange={(e) => selection.onToggleAll(e.target.checked)}
                />
              </th>
            )}
            {columns.map((c) => {
              const dir = sort?.column === c.id ? sort.dir : null;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  className={c.wide ? 'wide' : undefined}
                >
                  <button type="button" onClick={() => onSort(c.id)} title={c.description || undefined}>
                    <span>{c.label}</span>
                    <SortIcon dir={dir} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length + (selection?.checkboxes ? 1 : 0)} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <TableRow
                key={row.key}
                id={rowId(v.index)}
                row={row}
                index={v.index}
                columns={columns}
                highlighted={v.index === highlightIndex}
                now={now}
                onPick={setHighlightKey}
                onActivate={onActivate}
                selected={selection?.checkboxes ? selection.selected.has(row.key) : undefined}
                onToggle={selection?.onToggle}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length + (selection?.checkboxes ? 1 : 0)} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
