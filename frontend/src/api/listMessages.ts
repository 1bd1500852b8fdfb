// The messages of the list streams (/api/stream/list, /api/stream/lists), decoded and checked.
import type { Cell, Column, ListMessage, Row } from './types';
import { t } from '../i18n';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function toCell(v: unknown): Cell {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return null;
  return JSON.stringify(v);
}

function toRow(v: unknown): Row | null {
  if (!isObj(v) || typeof v.key !== 'string') return null;
  const row: Row = {
    key: v.key,
    uid: str(v.uid),
    name: str(v.name),
    cells: Array.isArray(v.cells) ? v.cells.map(toCell) : [],
  };
  if (typeof v.namespace === 'string' && v.namespace) row.namespace = v.namespace;
  if (typeof v.created === 'string' && v.created) row.created = v.created;
  if (v.deleting === true) row.deleting = true;
  return row;
}

function toRows(v: unknown): Row[] {
  if (!Array.isArray(v)) return [];
  const out: Row[] = [];
  for (const r of v) {
    const row = toRow(r);
    if (row) out.push(row);
  }
  return out;
}

function toColumn(v: unknown): Column | null {
  if (!isObj(v) || typeof v.name !== 'string') return null;
  return {
    name: v.name,
    type: str(v.type),
    format: str(v.format),
    priority: typeof v.priority === 'number' ? v.priority : 0,
    description: str(v.description),
  };
}

/** Validates one decoded line; unknown or malformed messages give null. */
export function toListMessage(v: unknown): ListMessage | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'columns':
      return {
        type: 'columns',
        columns: Array.isArray(v.columns) ? v.columns.map(toColumn).filter((c): c is Column => c !== null) : [],
      };
    case 'rows':
      return { type: 'rows', rows: toRows(v.rows) };
    case 'synced':
      return { type: 'synced', resourceVersion: str(v.resourceVersion) };
    case 'events':
      return {
        type: 'events',
        upserts: toRows(v.upserts),
        deletes: Array.isArray(v.deletes) ? v.deletes.filter((d): d is string => typeof d === 'string') : [],
      };
    case 'reset':
      return { type: 'reset' };
    case 'error': {
      const m: ListMessage = { type: 'error', message: str(v.message) || t('errors.unknown') };
      if (typeof v.status === 'number' && v.status > 0) m.status = v.status;
      if (v.retrying === true) m.retrying = true;
      return m;
    }
    default:
      return null;
  }
}
