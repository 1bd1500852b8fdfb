// List streams: GET /api/stream/list → NDJSON messages. Plain fetch in both shells.
import { ApiError, errorMessage, networkError, responseError } from './errors';
import { streamLists } from './multiStream';
import { readNdjson } from './ndjson';
import type { Cell, Column, ListMessage, ListQuery, Row } from './types';
import { openStream } from './openStream';

/** The URL of a list stream; every value is encodeURIComponent'ed. */
export function listStreamUrl(q: ListQuery): string {
  const params: [string, string][] = [
    ['context', q.context],
    ['group', q.group],
    ['version', q.version],
    ['resource', q.resource],
    ['namespace', q.namespace],
    ['labelSelector', q.labelSelector ?? ''],
    ['fieldSelector', q.fieldSelector ?? ''],
  ];
  return `/api/stream/list?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

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
      const m: ListMessage = { type: 'error', message: str(v.message) || 'Unknown error' };
      if (typeof v.status === 'number' && v.status > 0) m.status = v.status;
      if (v.retrying === true) m.retrying = true;
      return m;
    }
    default:
      return null;
  }
}

/**
 * Opens a list stream and delivers its messages until the stream ends
 * (resolves) or fails (rejects with ApiError). Aborting the signal resolves.
 * An HTTP 401 also signals that the browser session expired.
 */
export async function streamList(
  q: ListQuery,
  onMessage: (m: ListMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const namespaces = splitNamespaces(q.namespace);
  if (namespaces.length > 1) return streamSeveralNamespaces(q, namespaces, onMessage, signal);
  let res: Response;
  try {
    res = await openStream(listStreamUrl(q), {}, signal);
  } catch (e) {
    if (signal.aborted) return;
    throw networkError(e);
  }
  if (!res.ok) throw await responseError(res);
  if (!res.body) throw new ApiError('The backend sent an empty stream', res.status);
  try {
    for await (const value of readNdjson(res.body, (line, e) =>
      console.warn('kubedeck: skipping a malformed stream line', line.slice(0, 200), e),
    )) {
      if (signal.aborted) return;
      const m = toListMessage(value);
      if (m) onMessage(m);
    }
  } catch (e) {
    if (signal.aborted) return;
    throw new ApiError(`The stream broke off (${errorMessage(e)})`, undefined, { network: true, cause: e });
  }
}

/** "a,b" → ["a", "b"]: several namespaces are written comma-separated. */
export function splitNamespaces(namespace: string): string[] {
  return namespace
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/**
 * A list over several namespaces: one live list per namespace over a single
 * multiplexed connection, merged into one stream of messages (rows keys
 * carry their namespace, so they never collide). Columns come once; synced
 * comes when every namespace has synced; a terminal error of any namespace
 * (e.g. 403 in one of them) ends the whole list, as it would for one.
 */
export async function streamSeveralNamespaces(
  q: ListQuery,
  namespaces: string[],
  onMessage: (m: ListMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const queries = namespaces.map((namespace) => {
    const x: { group: string; version: string; resource: string; namespace: string; labelSelector?: string; fieldSelector?: string } = {
      group: q.group,
      version: q.version,
      resource: q.resource,
      namespace,
    };
    if (q.labelSelector) x.labelSelector = q.labelSelector;
    if (q.fieldSelector) x.fieldSelector = q.fieldSelector;
    return x;
  });
  const merge = severalNamespacesMerger(namespaces.length, onMessage);
  await streamLists(q.context, queries, merge, signal);
}

/** Merges the messages of n per-namespace lists into one list's messages. */
export function severalNamespacesMerger(n: number, onMessage: (m: ListMessage) => void): (index: number, m: ListMessage) => void {
  let columnsSent = false;
  const synced = new Set<number>();
  let allSynced = false;
  return (index, m) => {
    switch (m.type) {
      case 'columns':
        if (!columnsSent) onMessage(m);
        columnsSent = true;
        return;
      case 'synced':
        synced.add(index);
        if (!allSynced && synced.size === n) {
          allSynced = true;
          onMessage(m);
        }
        return;
      case 'reset':
        return; // one namespace relisting must not wipe the others' rows
      default:
        onMessage(m);
    }
  };
}
