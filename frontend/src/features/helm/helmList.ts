// The Helm releases list as one pure reducer (like the resource lists'
// listReducer): a `releases` line replaces the list (the first read, and again
// after the watch restarts), a `changes` line upserts releases and deletes
// keys, `problem` lines are the namespaces the user cannot read. Filtering
// and sorting are pure too.
import type { HelmLine, HelmProblem } from '../../api/helm';
import type { HelmRelease } from '../../api/types';
import type { Tone } from '../../lib/status';
import type { Connection, StreamProblem } from '../resources/listReducer';

export interface HelmListState {
  /** By key "namespace/name". Replaced (never mutated) on change. */
  releases: ReadonlyMap<string, HelmRelease>;
  /** The whole list came in (at least once). */
  synced: boolean;
  /** Storage the watch cannot follow, by namespace and driver. */
  problems: readonly HelmProblem[];
  /** The stream's own trouble (a broken connection, an error line). */
  error: StreamProblem | null;
  connection: Connection;
}

export type HelmListAction =
  | { type: 'line'; line: HelmLine }
  /** A connection starts; replace keeps the releases shown until the new list is in. */
  | { type: 'connect'; replace: boolean }
  /** The connection ended; retry says whether another attempt follows. */
  | { type: 'ended'; problem: StreamProblem | null; retry: boolean };

export function initialHelmList(): HelmListState {
  return { releases: new Map(), synced: false, problems: [], error: null, connection: 'connecting' };
}

/** A release's key in the list and in `deleted`: "namespace/name". */
export const releaseKey = (r: { namespace: string; name: string }): string => `${r.namespace}/${r.name}`;

const problemKey = (p: HelmProblem) => `${p.driver}/${p.namespace}`;

export function helmListReducer(state: HelmListState, action: HelmListAction): HelmListState {
  switch (action.type) {
    case 'connect':
      if (action.replace && state.synced) return { ...state, connection: 'reconnecting' };
      return { ...initialHelmList(), error: state.error, connection: state.connection === 'connecting' ? 'connecting' : 'reconnecting' };
    case 'ended':
      return { ...state, error: action.problem ?? state.error, connection: action.retry ? 'reconnecting' : 'failed' };
    case 'line':
      return applyHelmLine(state, action.line);
  }
}

/** Applies one stream line; never mutates state. */
export function applyHelmLine(state: HelmListState, line: HelmLine): HelmListState {
  switch (line.type) {
    case 'releases': {
      const releases = new Map<string, HelmRelease>();
      for (const r of line.releases) releases.set(releaseKey(r), r);
      // A fresh read: problems that were being retried are over.
      return { releases, synced: true, problems: state.problems.filter((p) => !p.retrying), error: null, connection: 'live' };
    }
    case 'changes': {
      if (line.releases.length === 0 && line.deleted.length === 0) return state;
      const releases = new Map(state.releases);
      for (const r of line.releases) releases.set(releaseKey(r), r);
      for (const k of line.deleted) releases.delete(k);
      const problems = state.problems.some((p) => p.retrying) ? state.problems.filter((p) => !p.retrying) : state.problems;
      return { ...state, releases, problems };
    }
    case 'problem': {
      const { type: _type, ...p } = line;
      const problems = [...state.problems.filter((x) => problemKey(x) !== problemKey(p)), p];
      return { ...state, problems };
    }
    case 'error':
      return { ...state, error: { message: line.message, retrying: false } };
  }
}

// ---- how releases look ----

/** deployed green, failed red, pending-* (and uninstalling) amber, superseded/uninstalled grey. */
export function helmStatusTone(status: string): Tone {
  const s = status.toLowerCase();
  if (s === 'deployed') return 'ok';
  if (s === 'failed') return 'bad';
  if (s.startsWith('pending') || s === 'uninstalling') return 'warn';
  return 'neutral';
}

/** "shop-1.2.0", as `helm list` prints a chart. */
export function chartLabel(r: { chart: string; chartVersion: string }): string {
  return r.chartVersion ? `${r.chart}-${r.chartVersion}` : r.chart;
}

/** Milliseconds of a release's time, NaN for none (Go's zero time counts as none). */
export function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) || t < 86_400_000 ? Number.NaN : t;
}

// ---- filter and sort ----

export type HelmColumn = 'name' | 'namespace' | 'revision' | 'status' | 'chart' | 'appVersion' | 'updated';

export const HELM_COLUMNS: readonly HelmColumn[] = ['name', 'namespace', 'revision', 'status', 'chart', 'appVersion', 'updated'];

export interface HelmSort {
  column: HelmColumn;
  dir: 'asc' | 'desc';
}

/** Every word of the filter in the name, namespace, chart (name-version), app version or status. */
export function filterReleases(releases: Iterable<HelmRelease>, filter: string): HelmRelease[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const out: HelmRelease[] = [];
  for (const r of releases) {
    if (words.length === 0) {
      out.push(r);
      continue;
    }
    const hay = `${r.name}\n${r.namespace}\n${chartLabel(r)}\n${r.appVersion}\n${r.status}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) out.push(r);
  }
  return out;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareBy(column: HelmColumn, a: HelmRelease, b: HelmRelease): number {
  switch (column) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'namespace':
      return collator.compare(a.namespace, b.namespace);
    case 'revision':
      return a.revision - b.revision;
    case 'status':
      return collator.compare(a.status, b.status);
    case 'chart':
      return collator.compare(chartLabel(a), chartLabel(b));
    case 'appVersion':
      return collator.compare(a.appVersion, b.appVersion);
    case 'updated': {
      const ta = timeOf(a.updated);
      const tb = timeOf(b.updated);
      return (Number.isNaN(ta) ? 0 : ta) - (Number.isNaN(tb) ? 0 : tb);
    }
  }
}

/** A sorted copy; ties go by namespace, then name. */
export function sortReleases(releases: readonly HelmRelease[], sort: HelmSort): HelmRelease[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...releases].sort(
    (a, b) => sign * compareBy(sort.column, a, b) || collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name),
  );
}

/** The next sort after a click on a column's header: the same column flips, another starts ascending (the newest first for Updated). */
export function nextSort(current: HelmSort, column: HelmColumn): HelmSort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: column === 'updated' ? 'desc' : 'asc' };
}
