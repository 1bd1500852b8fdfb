// Aggregations for the cluster overview, from the Table rows of list streams.
import type { Column, Row } from '../../api/types';
import { cellText } from '../../lib/format';
import { parseHumanDuration } from '../../lib/age';

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

const SUCCEEDED = new Set(['Completed', 'Succeeded']);
const FAILED = new Set(['Error', 'Failed', 'OOMKilled', 'Evicted', 'DeadlineExceeded', 'ContainerStatusUnknown', 'StartError']);
const RUNNING = new Set(['Running', 'CrashLoopBackOff', 'NotReady', 'Terminating', 'Completed-Running']);

/**
 * The phase of a pod from kubectl's STATUS column (which shows a reason when
 * there is one): Completed → Succeeded, Error/OOMKilled/Evicted… → Failed
 * (Running when the pod restarted: it keeps going), Unknown → Unknown,
 * Running/CrashLoopBackOff/Terminating → Running, the rest (Pending,
 * ContainerCreating, Init:…, image pull errors) → Pending.
 */
export function podPhaseFromStatus(status: string, restarts: number): PodPhase {
  if (SUCCEEDED.has(status)) return 'Succeeded';
  if (FAILED.has(status)) return restarts > 0 ? 'Running' : 'Failed';
  if (status === 'Unknown') return 'Unknown';
  if (RUNNING.has(status)) return 'Running';
  return 'Pending';
}

export function podPhases(columns: readonly Column[], rows: Iterable<Row>): Record<PodPhase, number> {
  const out: Record<PodPhase, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0, Unknown: 0 };
  const s = col(columns, 'Status');
  const r = col(columns, 'Restarts');
  for (const row of rows) {
    const restarts = r >= 0 ? parseInt(cellText(row.cells[r]), 10) || 0 : 0;
    out[podPhaseFromStatus(s >= 0 ? cellText(row.cells[s]) : '', restarts)]++;
  }
  return out;
}
