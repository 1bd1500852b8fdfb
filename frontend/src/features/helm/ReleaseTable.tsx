// The releases as a virtualized, sortable WAI-ARIA grid, built like the
// resource lists' ResourceTable: focus stays on the grid, the highlighted row
// is its aria-activedescendant, only the rows in view are in the DOM (with
// aria-rowindex of aria-rowcount), Enter opens the highlighted release. Each
// name is also a link to the release's page.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HelmRelease } from '../../api/types';
import { Age } from '../../components/Age';
import { SortIcon } from '../../components/Glyphs';
import { useNow } from '../../lib/useNow';
import { helmReleaseRoute, routeHash } from '../../router';
import { usePaneActive } from '../clusters/clusterHealth';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeyBindings } from '../keyboard/useKeyBindings';
import { chartLabel, HELM_COLUMNS, releaseKey, timeOf, type HelmColumn, type HelmSort } from './helmList';
import { StatusBadge } from './StatusBadge';

export const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;

/** Column widths in ch; the name takes what is left. */
const WIDTHS: Record<HelmColumn, number | null> = { name: null, namespace: 18, revision: 13, status: 20, chart: 26, appVersion: 17, updated: 13 };

export function columnLabel(t: TFunction, c: HelmColumn): string {
  switch (c) {
    case 'name': return t('helm.column.name');
    case 'namespace': return t('helm.column.namespace');
    case 'revision': return t('helm.column.revision');
    case 'status': return t('helm.column.status');
    case 'chart': return t('helm.column.chart');
    case 'appVersion': return t('helm.column.appVersion');
    case 'updated': return t('helm.column.updated');
  }
}

interface RowProps {
  id: string;
  context: string;
  release: HelmRelease;
  index: number;
  highlighted: boolean;
  now: number;
  onPick: (key: string) => void;
  onOpen: (r: HelmRelease) => void;
}

const Row = memo(function Row({ id, context, release: r, index, highlighted, now, onPick, onOpen }: RowProps) {
  const updated = timeOf(r.updated);
  return (
    <tr
      id={id}
      aria-rowindex={index + 2}
      aria-current={highlighted ? 'true' : undefined}
      className={highlighted ? 'highlighted' : undefined}
      data-key={releaseKey(r)}
      onClick={() => {
        onPick(releaseKey(r));
        onOpen(r);
      }}
    >
      <td role="gridcell" className="name" title={r.description || r.name}>
        {/* The grid keeps focus (Enter opens); the link is for the mouse, new tabs and screen readers' link lists. */}
        <a href={routeHash(helmReleaseRoute(context, r.namespace, r.name, r.driver))} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
          {r.name}
        </a>
      </td>
      <td role="gridcell" title={r.namespace}>
        {r.namespace}
      </td>
      <td role="gridcell" className="num">
        {r.revision}
      </td>
      <td role="gridcell">
        <StatusBadge status={r.status} />
      </td>
      <td role="gridcell" title={chartLabel(r)}>
        {chartLabel(r)}
      </td>
      <td role="gridcell" title={r.appVersion}>
        {r.appVersion}
      </td>
      <td role="gridcell" className="num">
        <Age created={Number.isNaN(updated) ? undefined : r.updated} now={now} />
      </td>
    </tr>
  );
});

export interface ReleaseTableProps {
  context: string;
  /** Accessible name: "Helm releases in team-a". */
  label: string;
  releases: readonly HelmRelease[];
  sort: HelmSort;
  onSort: (c: HelmColumn) => void;
  onOpen: (r: HelmRelease) => void;
  /** Dims the rows (stale while reconnecting). */
  stale?: boolean;
}

export function ReleaseTable({ context, label, releases, sort, onSort, onOpen, stale }: ReleaseTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [highlightKey, setHighlightKey] = useState<string | null>(null);
  const rowIdBase = useId();
  const active = usePaneActive();
  const now = useNow(1000);

  const virtualizer = useVirtualizer({
    count: releases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => {
      const r = releases[i];
      return r ? releaseKey(r) : i;
    },
  });

  const indexOfKey = useMemo(() => new Map(releases.map((r, i) => [releaseKey(r), i])), [releases]);
  const highlightIndex = highlightKey === null ? -1 : (indexOfKey.get(highlightKey) ?? -1);
  const moveTo = (i: number) => {
    if (releases.length === 0) return;
    const idx = Math.max(0, Math.min(releases.length - 1, i));
    const r = releases[idx];
    if (!r) return;
    setHighlightKey(releaseKey(r));
    virtualizer.scrollToIndex(idx, { align: 'auto' });
  };
  const pageRows = () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const from = highlightIndex;
  const within = () => tableRef.current;
  const key = (id: string, keys: string[], text: string, run: () => void): KeyBinding => ({ id: `grid.${id}`, keys, label: text, group: 'Table', within, run });
  useKeyBindings(
    [
      key('down', ['ArrowDown'], t('keyboard.grid.down'), () => moveTo(from < 0 ? 0 : from + 1)),
      key('up', ['ArrowUp'], t('keyboard.grid.up'), () => moveTo(from < 0 ? 0 : from - 1)),
      key('pagedown', ['PageDown'], t('keyboard.grid.pagedown'), () => moveTo(from + pageRows())),
      key('pageup', ['PageUp'], t('keyboard.grid.pageup'), () => moveTo(from - pageRows())),
      key('home', ['Home'], t('keyboard.grid.home'), () => moveTo(0)),
      key('end', ['End'], t('keyboard.grid.end'), () => moveTo(releases.length - 1)),
      key('clear', ['Escape'], t('keyboard.grid.clear'), () => setHighlightKey(null)),
      key('open', ['Enter'], t('keyboard.grid.open'), () => {
        const r = releases[from];
        if (r) onOpen(r);
      }),
    ],
    active,
  );

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const rowId = (i: number) => `${rowIdBase}-row-${i}`;
  const activeRendered = highlightIndex >= 0 && !!first && !!last && highlightIndex >= first.index && highlightIndex <= last.index;
  const columns = HELM_COLUMNS.length;

  return (
    <div className={`table-scroll${stale ? ' stale' : ''}`} ref={scrollRef}>
      <table
        ref={tableRef}
        className="rtable helm-table"
        role="grid"
        aria-label={label}
        aria-rowcount={releases.length + 1}
        aria-colcount={columns}
        aria-activedescendant={activeRendered ? rowId(highlightIndex) : undefined}
        aria-readonly="true"
        tabIndex={0}
      >
        <colgroup>
          {HELM_COLUMNS.map((c) => {
            const w = WIDTHS[c];
            return <col key={c} style={w === null ? undefined : { width: `${w}ch` }} />;
          })}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {HELM_COLUMNS.map((c) => {
              const dir = sort.column === c ? sort.dir : null;
              return (
                <th key={c} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                  <button type="button" onClick={() => onSort(c)}>
                    <span>{columnLabel(t, c)}</span>
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
              <td colSpan={columns} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((v) => {
            const r = releases[v.index];
            if (!r) return null;
            return (
              <Row
                key={releaseKey(r)}
                id={rowId(v.index)}
                context={context}
                release={r}
                index={v.index}
                highlighted={v.index === highlightIndex}
                now={now}
                onPick={setHighlightKey}
                onOpen={onOpen}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
