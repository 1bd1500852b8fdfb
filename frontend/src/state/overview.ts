// Aggregations for the cluster overview, from the Table rows of list streams.
import type { Column, Row } from '../api/types';
import { cellText } from '../lib/format';
import { parseHumanDuration } from '../lib/age';

function col(columns: readonly Column[], name: string): number {
  return columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
}

/** Nodes whose STATUS says Ready (not NotReady), of all. */
export function nodesReady(columns: readonly Column[], rows: Iterable<Row>): { ready: number; total: number } {
  const i = col(columns, 'Status');
  let ready = 0;
  let total = 0;
  for (const r of rows) {
    total++;
    if (i >= 0 && cellText(r.cells[i]).split(',').includes('Ready')) ready++;
  }
  return { ready, total };
}

export interface Unready {
  key: string;
  namespace: string;
  name: string;
  ready: number;
  desired: number;
}

/** "2/3" → [2, 3]. */
export function parseRatio(s: string): [number, number] | null {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Workloads whose ready count is below the desired one: READY "2/3" for
 * deployments and statefulsets; DESIRED and READY columns for daemonsets.
 */
export function unreadyWorkloads(columns: readonly Column[], rows: Iterable<Row>): Unready[] {
  const readyCol = col(columns, 'Ready');
  const desiredCol = col(columns, 'Desired');
  const out: Unready[] = [];
  for (const r of rows) {
    let ready: number;
    let desired: number;
    if (desiredCol >= 0 && readyCol >= 0) {
      desired = Number(cellText(r.cells[desiredCol]));
      ready = Number(cellText(r.cells[readyCol]));
    } else if (readyCol >= 0) {
      const ratio = parseRatio(cellText(r.cells[readyCol]));
      if (!ratio) continue;
      [ready, desired] = ratio;
    } else continue;
    if (Number.isFinite(ready) && Number.isFinite(desired) && ready < desired) {
      out.push({ key: r.key, namespace: r.namespace ?? '', name: r.name, ready, desired });
    }
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** The newest events by their LAST SEEN column ("5m"), newest first. */
export function newestEvents(columns: readonly Column[], rows: Iterable<Row>, n: number): Row[] {
  const i = col(columns, 'Last Seen');
  const age = (r: Row) => {
    const ms = i >= 0 ? parseHumanDuration(cellText(r.cells[i]).split(/\s/)[0] ?? '') : NaN;
    return Number.isFinite(ms) ? ms : Number.MAX_SAFE_INTEGER;
  };
  return [...rows].sort((a, b) => age(a) - age(b)).slice(0, n);
}

export const POD_PHASES = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'] as const;
export type PodPhase = (typeof POD_PHASES)[number];
