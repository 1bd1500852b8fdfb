export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

const OK = new Set([
  'running', 'ready', 'active', 'bound', 'complete', 'completed', 'succeeded', 'true', 'available', 'healthy',
  'established',
]);
const WARN = new Set([
  'pending', 'containercreating', 'podinitializing', 'terminating', 'unknown', 'notready', 'schedulingdisabled',
  'released', 'suspended', 'warning', 'progressing', 'waiting', 'init', 'lost',
]);
const BAD = new Set([
  'failed', 'error', 'crashloopbackoff', 'imagepullbackoff', 'errimagepull', 'false', 'evicted', 'oomkilled',
  'createcontainerconfigerror', 'createcontainererror', 'invalidimagename', 'containerstatusunknown',
  'backofflimitexceeded', 'deadlineexceeded', 'runcontainererror', 'starterror', 'nodelost', 'unschedulable',
]);

function toneOfWord(word: string): Tone {
  const w = word.trim().toLowerCase();
  if (!w) return 'neutral';
  if (BAD.has(w)) return 'bad';
  if (WARN.has(w) || w.startsWith('init:')) {
    // Init:CrashLoopBackOff, Init:Error are bad; Init:0/1 just waits.
    const rest = w.startsWith('init:') ? w.slice(5) : '';
    return rest && BAD.has(rest) ? 'bad' : 'warn';
  }
  if (OK.has(w)) return 'ok';
  return 'neutral';
}

/** Columns whose values are statuses to colour. */
export function isStatusColumn(name: string): boolean {
  return /^(status|phase|state|conditions?|available|synced|health|type)$/i.test(name.trim());
}

/**
 * The tone of a status cell: "Running" ok, "Pending" warn, "CrashLoopBackOff"
 * bad. Comma-separated values ("Ready,SchedulingDisabled") take the worst tone.
 * A readiness fraction ("1/2") is warn while not all are ready.
 */
export function statusTone(value: unknown, column = ''): Tone {
  if (typeof value === 'boolean') return value ? 'ok' : 'bad';
  if (typeof value !== 'string') return 'neutral';
  if (/^ready$/i.test(column)) {
    const m = /^(\d+)\/(\d+)$/.exec(value.trim());
    if (m) return Number(m[1]) < Number(m[2]) ? 'warn' : 'neutral';
  }
  if (/^type$/i.test(column)) return value.trim().toLowerCase() === 'warning' ? 'warn' : 'neutral';
  let worst: Tone = 'neutral';
  const rank: Record<Tone, number> = { neutral: 0, ok: 1, warn: 2, bad: 3 };
  for (const part of value.split(',')) {
    const t = toneOfWord(part);
    if (rank[t] > rank[worst]) worst = t;
  }
  return worst;
}
