// Which summary each kind's Summary tab shows: every kinds/*.tsx defines one
// (the kinds it serves and a component), registered here once; a kind without
// its own shows its conditions.
import { configMapSummary } from './kinds/configmap';
import { cronJobSummary } from './kinds/cronjob';
import { ingressSummary } from './kinds/ingress';
import { jobSummary } from './kinds/job';
import { nodeSummary } from './kinds/node';
import { otherSummary } from './kinds/other';
import { podSummary } from './kinds/pod';
import { pvSummary } from './kinds/pv';
import { pvcSummary } from './kinds/pvc';
import { secretSummary } from './kinds/secret';
import { serviceSummary } from './kinds/service';
import type { KindSummary } from './kinds/types';
import { workloadSummary } from './kinds/workloads';

export type { KindSummary, KindSummaryProps } from './kinds/types';

export const kindSummaries: readonly KindSummary[] = [
  podSummary,
  workloadSummary,
  jobSummary,
  cronJobSummary,
  serviceSummary,
  ingressSummary,
  nodeSummary,
  configMapSummary,
  secretSummary,
  pvcSummary,
  pvSummary,
];

/** kind → its summary; throws at load when two summaries claim one kind. */
function index(list: readonly KindSummary[]): ReadonlyMap<string, KindSummary> {
  const byKind = new Map<string, KindSummary>();
  for (const s of list) {
    for (const k of s.kinds) {
      if (byKind.has(k)) throw new Error(`two summaries for the kind ${k}`);
      byKind.set(k, s);
    }
  }
  return byKind;
}

const byKind = index(kindSummaries);

/** The summary the Summary tab shows for a kind. */
export function summaryOf(kind: string): KindSummary {
  return byKind.get(kind) ?? otherSummary;
}
