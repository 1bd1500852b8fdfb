// Turning stream state into what the table shows: columns, filter, sort.
import type { Cell, Column, Row } from '../../api/types';
import { parseHumanDuration, parseTime } from '../../lib/age';
import { cellText } from '../../lib/format';

export type ColumnKind = 'namespace' | 'age' | 'cell';

export interface DisplayColumn {
  /** Stable id for sorting: "namespace" or "col:<name>". */
  id: string;
  label: string;
  kind: ColumnKind;
  /** Index into Row.cells for kind "cell" (and "age" as a fallback). */
  index: number;
  type: string;
  format: string;
  description: string;
  /** True for -o wide columns. */
  wide: boolean;
}

export const NAMESPACE_COLUMN_ID = 'namespace';

export interface ColumnOptions {
  /** Show the -o wide columns. */
  wide: boolean;
  /** Prepend a Namespace column (namespaced kinds listed across all namespaces). */
  namespaceColumn: boolean;
}

export function displayColumns(columns: readonly Column[], opts: ColumnOptions): DisplayColumn[] {
  const out: DisplayColumn[] = [];
  if (opts.namespaceColumn && !columns.some((c) => c.name.toLowerCase() === 'namespace')) {
    out.push({
      id: NAMESPACE_COLUMN_ID,
      label: 'Namespace',
      kind: 'namespace',
      index: -1,
      type: 'string',
      format: '',
      description: 'The namespace of the object.',
      wide: false,
    });
  }
  columns.forEach((c, index) => {
    if (c.priority > 0 && !opts.wide) return;
    const isAge = c.name.toLowerCase() === 'age';
    out.push({
      id: `col:${c.name}`,
      label: c.name,
      kind: isAge ? 'age' : 'cell',
      index,
      type: c.type,
      format: c.format,
      description: c.description,
      wide: c.priority > 0,
    });
  });
  return out;
}

/** The id of the column a list sorts by when the user picked none. */
export function defaultSortColumn(cols: readonly DisplayColumn[]): string | null {
  const ns = cols.find((c) => c.kind === 'namespace');
  if (ns) return ns.id;
  const name = cols.find((c) => c.format === 'name') ?? cols.find((c) => c.label.toLowerCase() === 'name');
  return name?.id ?? null;
}

export type SortDir = 'asc' | 'desc';
export interface SortSpec {
  column: string;
  dir: SortDir;
}

// ---- filter ----

// Per-row derived strings, cached by row object: a watch update replaces the
// row object, so the cache never goes stale, and unchanged rows cost nothing
// when the list is filtered or sorted again after each batch of updates.
const haystacks = new WeakMap<Row, string>();

function haystackOf(r: Row): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    h = (r.namespace ? `${r.namespace}/${r.name}` : r.name).toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

/** Keeps rows whose "namespace/name" holds every word of the filter (case-insensitive). */
export function filterRows(rows: Iterable<Row>, text: string): Row[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const out: Row[] = [];
  if (words.length === 0) {
    for (const r of rows) out.push(r);
    return out;
  }
  for (const r of rows) {
    const hay = haystackOf(r);
    if (words.every((w) => hay.includes(w))) out.push(r);
  }
  return out;
}

// ---- sort ----

type SortKey = number | string;

/**
 * A string that sorts "naturally" with plain < comparison: case-folded, digit
 * runs zero-padded (web-2 < web-10). Much faster than Intl.Collator on 10,000s
 * of rows.
 */
export function naturalKey(s: string): string {
  return s.toLowerCase().replace(/\d+/g, (d) => (d.length >= 15 ? d : d.padStart(15, '0')));
}

function numberOf(v: Cell | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = Number.parseFloat(v); // "3 (5m ago)" → 3
    return Number.isNaN(n) ? Number.NEGATIVE_INFINITY : n;
  }
  return Number.NEGATIVE_INFINITY;
}

/** Columns whose text is a kubectl duration: Last Seen, Duration, Last Schedule… */
export function isDurationColumn(label: string): boolean {
  return /\b(seen|age|duration|last schedule)$/i.test(label.trim());
}

function sortKeyFn(col: DisplayColumn): (r: Row) => SortKey {
  switch (col.kind) {
    case 'namespace':
      return (r) => naturalKey(r.namespace ?? '');
    case 'age':
      // Ascending age = youngest first = latest creation first.
      return (r) => {
        const t = parseTime(r.created);
        return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : -t;
      };
    case 'cell':
      if (col.type === 'integer' || col.type === 'number') return (r) => numberOf(r.cells[col.index]);
      if (isDurationColumn(col.label)) {
        // "38s" < "2m" < "4d"; "<unknown>" and "<none>" last.
        return (r) => {
          const d = parseHumanDuration(cellText(r.cells[col.index]));
          return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
        };
      }
      return (r) => naturalKey(cellText(r.cells[col.index]));
  }
}

const keyCaches = new Map<string, WeakMap<Row, SortKey>>();

function cachedKey(cacheId: string, fn: (r: Row) => SortKey): (r: Row) => SortKey {
  let cache = keyCaches.get(cacheId);
  if (!cache) keyCaches.set(cacheId, (cache = new WeakMap()));
  const c = cache;
  return (r) => {
    let k = c.get(r);
    if (k === undefined) {
      k = fn(r);
      c.set(r, k);
    }
    return k;
  };
}

const tieKey = cachedKey('\u0000tie', (r) => `${naturalKey(r.namespace ?? '')}\u0000${naturalKey(r.name)}`);

/** Sorts rows by a column (stable; ties by namespace, then name). Returns a new array. */
export function sortRows(rows: readonly Row[], cols: readonly DisplayColumn[], sort: SortSpec | null): Row[] {
  const col = sort ? cols.find((c) => c.id === sort.column) : undefined;
  const sign = sort?.dir === 'desc' ? -1 : 1;
  const keyOf = col ? cachedKey(`${col.id}\u0000${col.kind}\u0000${col.type}\u0000${col.index}`, sortKeyFn(col)) : null;
  // Decorate once: computing keys inside the comparator would redo it n log n times.
  const decorated = rows.map((r) => ({ r, k: keyOf ? keyOf(r) : 0, t: tieKey(r) as string }));
  decorated.sort((a, b) => {
    if (a.k !== b.k) return (a.k < b.k ? -1 : 1) * sign;
    return a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
  });
  return decorated.map((d) => d.r);
}
