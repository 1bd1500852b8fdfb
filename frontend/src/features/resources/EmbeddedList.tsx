// A live list inside another view (a deployment's pods, an object's events),
// fed by the list stream with server-side selectors.
import { useCallback, useMemo, useState } from 'react';
import type { GVR, ListQuery, Row } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { defaultSortColumn, displayColumns, sortRows, type SortSpec } from './listView';
import { useResourceList } from './useResourceList';
import { LiveIndicator } from '../../components/LiveIndicator';
import { ResourceTable } from './ResourceTable';

export interface EmbeddedListProps {
  context: string;
  gvr: GVR;
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** The table's accessible name. */
  label: string;
  singular: string;
  plural: string;
  /** Initial sort: a column label and direction. */
  sortBy?: { column: string; dir: 'asc' | 'desc' };
  onOpen?: (row: Row) => void;
  /** At most this many rows are shown. */
  limit?: number;
}

export function EmbeddedList(p: EmbeddedListProps) {
  const query = useMemo<ListQuery>(() => {
    const q: ListQuery = { context: p.context, ...p.gvr, namespace: p.namespace };
    if (p.labelSelector) q.labelSelector = p.labelSelector;
    if (p.fieldSelector) q.fieldSelector = p.fieldSelector;
    return q;
  }, [p.context, p.gvr, p.namespace, p.labelSelector, p.fieldSelector]);
  const list = useResourceList(query);
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortSpec | null>(null);
  const namespaceColumn = p.namespace === '' && [...list.rows.values()].some((r) => r.namespace);
  const columns = useMemo(() => displayColumns(list.columns, { wide: false, namespaceColumn }), [list.columns, namespaceColumn]);
  const initial = useMemo<SortSpec | null>(() => {
    if (p.sortBy) {
      const col = columns.find((c) => c.label.toLowerCase() === p.sortBy?.column.toLowerCase());
      if (col) return { column: col.id, dir: p.sortBy.dir };
    }
    const d = defaultSortColumn(columns);
    return d ? { column: d, dir: 'asc' } : null;
  }, [columns, p.sortBy]);
  const effective = sort ?? initial;
  const rows = useMemo(() => {
    const all = sortRows([...list.rows.values()], columns, effective);
    return p.limit ? all.slice(0, p.limit) : all;
  }, [list.rows, columns, effective, p.limit]);
  const onSort = useCallback(
    (column: string) =>
      setSort((prev) => {
        const cur = prev ?? effective;
        return cur?.column === column ? { column, dir: cur.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: 'asc' };
      }),
    [effective],
  );

  let body;
  if (list.error && !list.synced) {
    body = (
      <p className="embedded-note bad" role="alert">
        {t('resources.embedded.error', { plural: p.plural, error: list.error.message })}
      </p>
    );
  } else if (!list.synced) {
    body = (
      <p className="embedded-note" role="status">
        {t('resources.list.loadingKind', { plural: p.plural })}
      </p>
    );
  } else if (list.rows.size === 0) {
    body = <p className="embedded-note">{t('resources.embedded.empty', { plural: p.plural })}</p>;
  } else {
    body = (
      <div className="embedded-table" style={{ height: Math.min(12, rows.length) * 30 + 36 }}>
        <ResourceTable label={p.label} columns={columns} rows={rows} sort={effective} onSort={onSort} onActivate={p.onOpen} />
      </div>
    );
  }
  return (
    <div className="embedded-list">
      <div className="embedded-head">
        <span className="muted">
          {list.synced
            ? p.limit && list.rows.size > p.limit
              ? t('resources.embedded.newest', { limit: p.limit, total: t('resources.list.count', { count: list.rows.size, singular: p.singular, plural: p.plural }) })
              : t('resources.list.count', { count: list.rows.size, singular: p.singular, plural: p.plural })
            : ''}
        </span>
        <LiveIndicator connection={list.connection} />
      </div>
      {body}
    </div>
  );
}
