// The pure logic of the "Who can do what" matrix: which columns and rows
// are shown, the compact verb letters of a cell and the words it is read
// out as, and the grants behind a cell.
import type { AccessCell, AccessColumn, AccessDangerKind, AccessGrant, AccessMatrix, AccessRow, Subject } from '../../api/types';

/** The columns shown unless "All resources" is on, in this order (when the cluster serves them). */
export const DEFAULT_RESOURCES: readonly string[] = [
  'pods',
  'pods/exec',
  'pods/log',
  'deployments',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'services',
  'ingresses',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'events',
];

/** Where a resource name is served by more than one group, the group the default columns prefer. */
const PREFERRED_GROUP: Readonly<Record<string, string>> = { events: '', ingresses: 'networking.k8s.io' };

/** "pods", "pods/exec". */
export function resourceKey(c: Pick<AccessColumn, 'resource' | 'subresource'>): string {
  return c.subresource ? `${c.resource}/${c.subresource}` : c.resource;
}

/** A column as the matrix shows it: where it is in Matrix.columns, and its label. */
export interface ShownColumn {
  index: number;
  column: AccessColumn;
  /** "pods/exec"; "events.events.k8s.io" where the resource name alone is ambiguous among the shown columns. */
  label: string;
}

function labelled(picked: { index: number; column: AccessColumn }[]): ShownColumn[] {
  const count = new Map<string, number>();
  for (const p of picked) count.set(resourceKey(p.column), (count.get(resourceKey(p.column)) ?? 0) + 1);
  return picked.map((p) => {
    const key = resourceKey(p.column);
    const label = (count.get(key) ?? 0) > 1 && p.column.group ? `${p.column.resource}.${p.column.group}${p.column.subresource ? `/${p.column.subresource}` : ''}` : key;
    return { ...p, label };
  });
}

/** The default columns: DEFAULT_RESOURCES present in the matrix, one per name (the preferred group's), in that order. */
export function defaultColumns(columns: readonly AccessColumn[]): ShownColumn[] {
  const picked: { index: number; column: AccessColumn }[] = [];
  for (const key of DEFAULT_RESOURCES) {
    const matches = columns.map((column, index) => ({ column, index })).filter((c) => resourceKey(c.column) === key);
    const preferred = matches.find((c) => c.column.group === (PREFERRED_GROUP[c.column.resource] ?? c.column.group)) ?? matches[0];
    if (preferred) picked.push(preferred);
  }
  return labelled(picked);
}

/** Every column, in the matrix's order. */
export function allColumns(columns: readonly AccessColumn[]): ShownColumn[] {
  return labelled(columns.map((column, index) => ({ column, index })));
}

/** "User alice", "ServiceAccount team-a/ci": what a filter looks at. */
export function subjectText(s: Subject): string {
  return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
}

export interface MatrixView {
  columns: ShownColumn[];
  rows: AccessRow[];
}

export interface MatrixOptions {
  allResources: boolean;
  showSystem: boolean;
  filter: string;
}

/**
 * What the table shows. The filter narrows the subjects when some subject
 * matches it and the resources when some resource does (both when both
 * do); matching neither, nothing is shown.
 */
export function matrixView(m: AccessMatrix, o: MatrixOptions): MatrixView {
  const base = o.allResources ? allColumns(m.columns) : defaultColumns(m.columns);
  const rows = o.showSystem ? m.rows : m.rows.filter((r) => !r.system);
  const q = o.filter.trim().toLowerCase();
  if (!q) return { columns: base, rows };
  const rowHits = rows.filter((r) => subjectText(r.subject).toLowerCase().includes(q));
  // Filtering for a resource looks at every column, shown by default or not.
  const colHits = allColumns(m.columns).filter((c) => c.label.toLowerCase().includes(q) || resourceKey(c.column).includes(q));
  if (rowHits.length === 0 && colHits.length === 0) return { columns: [], rows: [] };
  return { columns: colHits.length > 0 ? colHits : base, rows: rowHits.length > 0 ? rowHits : rows };
}

/** The verbs a cell allows for every object, sorted; "*" stands for the column's verbs when discovery lists them. */
export function cellVerbs(cell: AccessCell | null, column: AccessColumn): string[] {
  const verbs = Object.keys(cell?.verbs ?? {});
  const expanded = verbs.includes('*') && column.verbs.length > 0 ? [...new Set([...verbs.filter((v) => v !== '*'), ...column.verbs])] : verbs;
  return expanded.sort();
}

/** The verbs a cell allows only on some objects (not on every one), sorted, with those names. */
export function namedVerbs(cell: AccessCell | null, column: AccessColumn): { verb: string; names: string[] }[] {
  const everywhere = new Set(cellVerbs(cell, column));
  return Object.entries(cell?.named ?? {})
    .filter(([verb, names]) => !everywhere.has(verb) && names.length > 0)
    .map(([verb, names]) => ({ verb, names: [...names].sort() }))
    .sort((a, b) => a.verb.localeCompare(b.verb));
}

/** Whether a cell shows anything. */
export function isEmptyCell(cell: AccessCell | null, column: AccessColumn): boolean {
  return cellVerbs(cell, column).length === 0 && namedVerbs(cell, column).length === 0;
}

const LETTERS: Readonly<Record<string, string>> = { get: 'G', list: 'L', watch: 'W', create: 'C', update: 'U', patch: 'P', delete: 'D' };
const LETTER_ORDER = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

export interface VerbLetter {
  letter: string;
  /** Allowed only on some objects. */
  named: boolean;
}

/**
 * The compact letters of a cell: G L W C U P D in that order, "+" for other
 * verbs (deletecollection, bind…), or a single "*" when it allows every verb
 * the column supports. Named-only verbs are marked.
 */
export function verbLetters(cell: AccessCell | null, column: AccessColumn): VerbLetter[] {
  const all = cellVerbs(cell, column);
  const named = namedVerbs(cell, column).map((n) => n.verb);
  if (all.includes('*') || (column.verbs.length > 0 && column.verbs.every((v) => all.includes(v)))) return [{ letter: '*', named: false }];
  const letters = (verbs: string[], isNamed: boolean): VerbLetter[] => {
    const known = LETTER_ORDER.filter((v) => verbs.includes(v)).map((v) => ({ letter: LETTERS[v] ?? '?', named: isNamed }));
    return verbs.some((v) => !(v in LETTERS)) ? [...known, { letter: '+', named: isNamed }] : known;
  };
  const plain = letters(all, false);
  const marked = letters(named, true).filter((l) => !plain.some((p) => p.letter === l.letter));
  const order = (l: VerbLetter) => (l.letter === '+' ? 99 : LETTER_ORDER.findIndex((v) => LETTERS[v] === l.letter));
  return [...plain, ...marked].sort((a, b) => order(a) - order(b));
}

/** The grants behind each verb of a cell, in the cell's verb order (named-only verbs after). */
export function grantsByVerb(row: AccessRow, cell: AccessCell | null): { verb: string; grants: AccessGrant[] }[] {
  return Object.entries(cell?.verbs ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([verb, indexes]) => ({ verb, grants: indexes.map((i) => row.grants[i]).filter((g): g is AccessGrant => g !== undefined) }));
}

/** The danger kinds of a row, each once, in the order DANGER_KINDS lists them. */
export function rowDangers(row: AccessRow): AccessDangerKind[] {
  const kinds = new Set(row.dangers.map((d) => d.kind));
  return DANGER_KINDS.filter((k) => kinds.has(k));
}

/** Every danger kind, worst first. */
export const DANGER_KINDS: readonly AccessDangerKind[] = [
  'cluster-admin',
  'unauthenticated',
  'all-authenticated',
  'wildcard-verbs',
  'wildcard-resources',
  'escalate',
  'bind',
  'impersonate',
  'secrets-cluster-wide',
];

/** A stable key for a row. */
export function subjectKey(s: Subject): string {
  return `${s.kind}|${s.namespace ?? ''}|${s.name}`;
}
