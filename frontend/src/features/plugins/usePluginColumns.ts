// Columns plugins add to the list of a kind. The list shows the server's
// table rows; plugin columns compute from whole objects, so while one is
// registered for the kind on screen (by a plugin granted reading it) the list
// also follows the objects and feeds them to the plugins' background frames
// (ColumnFeed: in chunks, then deltas); each cell fills in when its value
// arrives. The list renders without waiting for them.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { Cell, ListQuery, Row } from '../../api/types';
import type { DisplayColumn } from '../resources/listView';
import { clusterClient } from './clusterClient';
import { frames } from './host';
import { running, usePlugins, type Contributions, type Owned } from './registry';
import { t } from '../../i18n';
import { pluginText } from './pluginI18n';
import { canRead } from './sandbox/capabilities';
import { ColumnFeed, type FedColumn } from './sandbox/columnFeed';

export { objectKey } from './sandbox/columnFeed';

export interface PluginColumns {
  /** Display columns to append (their index points past the server's cells). */
  columns: DisplayColumn[];
  /** The rows with the plugin cells appended. */
  extend: (rows: Row[]) => Row[];
  /** Why the objects could not be followed, if so. */
  error: string | null;
}

/** At most one re-render per this many ms while column values arrive. */
const RENDER_EVERY_MS = 50;

type ColumnDef = Owned<Contributions['columns'][number]>;

const columnId = (d: { pluginId: string; index: number }) => `plugin:${d.pluginId}:${d.index}`;

export function pluginDisplayColumns(defs: readonly ColumnDef[], serverColumns: number): DisplayColumn[] {
  return defs.map((d, i) => ({
    id: columnId(d),
    label: pluginText(d.pluginId, d.header),
    kind: 'cell',
    index: serverColumns + i,
    type: 'string',
    format: '',
    description: d.description ? t('plugins.columnDescription', { description: pluginText(d.pluginId, d.description), plugin: d.pluginId }) : t('plugins.columnPlugin', { plugin: d.pluginId }),
    wide: false,
  }));
}

/** Runs fn when the main thread is idle (at most 1 s later); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/**
 * The plugin columns of the list of query. They start following the objects
 * once the list is ready (its rows are all in: `synced`), so the list's own
 * rows never wait for them or share the connection and the main thread with
 * them; the cells fill in afterwards. Once started for a query they keep going
 * (a relist does not stop them).
 */
export function usePluginColumns(query: ListQuery, serverColumns: number, ready = true): PluginColumns {
  const snap = usePlugins();
  const [armedFor, setArmedFor] = useState<ListQuery | null>(ready ? query : null);
  if (ready && armedFor !== query) setArmedFor(query); // derived state: set during render, as React documents
  const armed = armedFor === query;
  const defs = useMemo(
    () =>
      running(snap, 'columns').filter(
        (c) => c.kind.group === query.group && c.kind.resource === query.resource && canRead(snap.list?.find((p) => p.id === c.pluginId)?.granted, { group: query.group, resource: query.resource }),
      ),
    // The registry snapshot changes identity on any plugin change.
    [snap, query.group, query.resource],
  );
  const defsKey = defs.map(columnId).join('|');
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<string | null>(null);
  const feed = useRef<ColumnFeed | null>(null);
  const shown = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const first = defs[0];
    if (!first || !armed) return;
    const fed: FedColumn[] = defs.map((d) => ({ id: columnId(d), pluginId: d.pluginId, index: d.index }));
    // Chunks answered close together re-render the list once.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        bump();
      }, RENDER_EVERY_MS);
    };
    const f = new ColumnFeed(fed, (id, column, objects) => frames.columns(id, column, objects), changed, (c, e) => {
      const def = defs.find((d) => columnId(d) === c.id);
      frames.fail(c.pluginId, t('plugins.errors.column', { header: def?.header ?? '', error: errorMessage(e) }));
    });
    feed.current = f;
    const client = clusterClient(first.pluginId, query.context, query.namespace);
    const kind = { group: query.group, version: query.version, resource: query.resource };
    let stop = () => {};
    // The list has just rendered its last rows: begin when the main thread is idle, not in that frame.
    const begin = () => {
      stop = client.watch(kind, { namespace: query.namespace, ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}) }, (e) => {
      if (e.type === 'error') {
        setError(e.message);
        return;
      }
      setError(null);
      if (e.type === 'objects') f.all(e.objects, shown.current);
      else if (e.type === 'deleted') f.deleted(e.object);
      else f.changed(e.object);
      });
    };
    const idle = whenIdle(begin);
    return () => {
      idle();
      stop();
      f.stop();
      clearTimeout(pending);
      feed.current = null;
    };
    // defsKey stands for defs (same columns, same feed).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defsKey, query, armed]);

  return useMemo<PluginColumns>(() => {
    if (defs.length === 0) return { columns: [], extend: (rows) => rows, error: null };
    const values = defs.map((d) => feed.current?.values.get(columnId(d)));
    return {
      columns: pluginDisplayColumns(defs, serverColumns),
      extend: (rows) => {
        if (shown.current.size === 0) shown.current = new Set(rows.slice(0, 100).map((r) => r.key));
        // No value yet (the list is still loading, or the frame has not answered): the rows as they are,
        // not 10,000 copies per update; a missing cell reads as empty.
        if (values.every((m) => !m || m.size === 0)) return rows;
        return rows.map((r) => {
          const cells = r.cells.slice(0, serverColumns);
          while (cells.length < serverColumns) cells.push(null);
          const extra: Cell[] = values.map((m) => m?.get(r.key) ?? null);
          return { ...r, cells: [...cells, ...extra] };
        });
      },
      error,
    };
    // version: the feed's values changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defs, serverColumns, error, version]);
}
