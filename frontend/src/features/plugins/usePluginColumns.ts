// Columns plugins add to the list of a kind. The list shows the server's
// table rows; plugin columns compute from whole objects, so while one is
// registered for the kind on screen the list also follows the objects
// (one more connection) and appends each column's value to the row cells.
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { Cell, ListQuery, Row } from '../../api/types';
import type { DisplayColumn } from '../resources/listView';
import { clusterClient } from './clusterClient';
import { registry, running, usePlugins, type Owned } from './registry';
import { t } from '../../i18n';
import { pluginText } from './pluginI18n';
import type { KubeObject, ListColumnDef } from './types';

export interface PluginColumns {
  /** Display columns to append (their index points past the server's cells). */
  columns: DisplayColumn[];
  /** The rows with the plugin cells appended. */
  extend: (rows: Row[]) => Row[];
  /** Why the objects could not be followed, if so. */
  error: string | null;
}

/** The row key of an object, as the list stream keys rows. */
export function objectKey(o: KubeObject): string {
  const ns = o.metadata?.namespace ?? '';
  const name = o.metadata?.name ?? '';
  return ns ? `${ns}/${name}` : name;
}

/** One plugin cell; a throwing value function fails its plugin. */
export function cellOf(def: Owned<ListColumnDef>, o: KubeObject | undefined): Cell {
  if (!o) return null;
  try {
    const v = def.value(o);
    return typeof v === 'number' || typeof v === 'string' ? v : null;
  } catch (e) {
    registry.fail(def.pluginId, t('plugins.errors.column', { header: def.header, error: errorMessage(e) }));
    return null;
  }
}

export function pluginDisplayColumns(defs: readonly Owned<ListColumnDef>[], serverColumns: number): DisplayColumn[] {
  return defs.map((d, i) => ({
    id: `plugin:${d.pluginId}:${d.header}`,
    label: pluginText(d.pluginId, d.header),
    kind: 'cell',
    index: serverColumns + i,
    type: 'string',
    format: '',
    description: d.description ? t('plugins.columnDescription', { description: pluginText(d.pluginId, d.description), plugin: d.pluginId }) : t('plugins.columnPlugin', { plugin: d.pluginId }),
    wide: false,
  }));
}

export function usePluginColumns(query: ListQuery, serverColumns: number): PluginColumns {
  const snap = usePlugins();
  const defs = useMemo(
    () => running(snap, 'columns').filter((c) => c.kind.group === query.group && c.kind.resource === query.resource),
    // The registry snapshot changes identity on any plugin change.
    [snap, query.group, query.resource],
  );
  const [objects, setObjects] = useState<ReadonlyMap<string, KubeObject>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const owner = defs[0]?.pluginId ?? null;

  useEffect(() => {
    if (!owner) return;
    const client = clusterClient(owner, query.context, query.namespace);
    let map = new Map<string, KubeObject>();
    const kind = { group: query.group, version: query.version, resource: query.resource };
    return client.watch(kind, { namespace: query.namespace, ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}) }, (e) => {
      if (e.type === 'error') {
        setError(e.message);
        return;
      }
      if (e.type === 'objects') map = new Map(e.objects.map((o) => [objectKey(o), o]));
      else {
        map = new Map(map);
        if (e.type === 'deleted') map.delete(objectKey(e.object));
        else map.set(objectKey(e.object), e.object);
      }
      setError(null);
      setObjects(map);
    });
  }, [owner, query]);

  return useMemo<PluginColumns>(() => {
    if (defs.length === 0) return { columns: [], extend: (rows) => rows, error: null };
    return {
      columns: pluginDisplayColumns(defs, serverColumns),
      extend: (rows) =>
        rows.map((r) => {
          const o = objects.get(r.key);
          const cells = r.cells.slice(0, serverColumns);
          while (cells.length < serverColumns) cells.push(null);
          return { ...r, cells: [...cells, ...defs.map((d) => cellOf(d, o))] };
        }),
      error,
    };
  }, [defs, objects, serverColumns, error]);
}
