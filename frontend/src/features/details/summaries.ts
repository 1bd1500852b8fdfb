// Reading Kubernetes objects (plain JSON) for the details view: safe
// accessors and kind-specific summaries, as pure functions. The words they
// make (not the API's own values) go through the t they are given.
import type { TFunction } from 'i18next';
import type { KubeObject } from '../../api/types';

type O = Record<string, unknown>;
export const isObj = (v: unknown): v is O => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): O => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) out[k] = str(x);
  return out;
};

/** obj at a dotted path: at(o, 'spec', 'template', 'spec'). */
export function at(o: unknown, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const p of path) cur = obj(cur)[p];
  return cur;
}

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  controller: boolean;
}

export interface Meta {
  name: string;
  namespace: string;
  uid: string;
  created: string;
  deleting: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  owners: OwnerRef[];
}

export function meta(o: KubeObject): Meta {
  const m = obj(o.metadata);
  return {
    name: str(m.name),
    namespace: str(m.namespace),
    uid: str(m.uid),
    created: str(m.creationTimestamp),
    deleting: !!m.deletionTimestamp,
    labels: strMap(m.labels),
    annotations: strMap(m.annotations),
    owners: arr(m.ownerReferences).map((r) => {
      const x = obj(r);
      return { apiVersion: str(x.apiVersion), kind: str(x.kind), name: str(x.name), controller: x.controller === true };
    }),
  };
}

/** "apps/v1" → {group: "apps", version: "v1"}; "v1" → core. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i === -1 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export function conditions(o: KubeObject): Condition[] {
  return arr(at(o, 'status', 'conditions')).map((c) => {
    const x = obj(c);
    return {
      type: str(x.type),
      status: str(x.status),
      reason: str(x.reason),
      message: str(x.message),
      lastTransitionTime: str(x.lastTransitionTime ?? x.lastHeartbeatTime),
    };
  });
}

// ---- pods ----

export interface ContainerInfo {
  name: string;
  image: string;
  init: boolean;
  state: string;
  ready: boolean;
  restarts: number;
  ports: string[];
}

function stateText(s: unknown, t: TFunction): string {
  const x = obj(s);
  if (isObj(x.running)) return t('details.container.running');
  if (isObj(x.waiting)) return t('details.container.waiting', { reason: str(x.waiting.reason) || t('details.container.unknown') });
  if (isObj(x.terminated)) {
    const term = x.terminated;
    return t('details.container.terminated', { reason: str(term.reason) || t('details.container.exit'), code: str(term.exitCode) });
  }
  return t('details.container.notStarted');
}

export function podContainers(o: KubeObject, t: TFunction): ContainerInfo[] {
  const statuses = new Map<string, O>();
  for (const s of [...arr(at(o, 'status', 'containerStatuses')), ...arr(at(o, 'status', 'initContainerStatuses'))]) {
    statuses.set(str(obj(s).name), obj(s));
  }
  const read = (c: unknown, init: boolean): ContainerInfo => {
    const x = obj(c);
    const s = statuses.get(str(x.name));
    return {
      name: str(x.name),
      image: str(x.image),
      init,
      state: s ? stateText(s.state, t) : t('details.container.notStarted'),
      ready: s?.ready === true,
      restarts: num(s?.restartCount) ?? 0,
      ports: arr(x.ports).map((p) => {
        const q = obj(p);
        return `${q.name ? `${str(q.name)}: ` : ''}${str(q.containerPort)}/${str(q.protocol) || 'TCP'}`;
      }),
    };
  };
  return [
    ...arr(at(o, 'spec', 'initContainers')).map((c) => read(c, true)),
    ...arr(at(o, 'spec', 'containers')).map((c) => read(c, false)),
  ];
}

export interface VolumeInfo {
  name: string;
  type: string;
  detail: string;
}

export function podVolumes(o: KubeObject): VolumeInfo[] {
  return arr(at(o, 'spec', 'volumes')).map((v) => {
    const x = obj(v);
    const type = Object.keys(x).find((k) => k !== 'name') ?? 'unknown';
    const src = obj(x[type]);
    const detail = str(src.claimName ?? src.name ?? src.secretName ?? src.path ?? src.medium ?? '');
    return { name: str(x.name), type, detail };
  });
}

/** What a pod's STATUS would say, roughly as kubectl does. */
export function podStatus(o: KubeObject, t: TFunction): string {
  if (obj(o.metadata).deletionTimestamp) return t('details.podStatus.terminating');
  for (const s of arr(at(o, 'status', 'containerStatuses'))) {
    const st = obj(obj(s).state);
    if (isObj(st.waiting) && str(st.waiting.reason)) return str(st.waiting.reason);
    if (isObj(st.terminated) && str(st.terminated.reason) && str(at(o, 'status', 'phase')) !== 'Succeeded') {
      return str(st.terminated.reason);
    }
  }
  return str(at(o, 'status', 'reason')) || str(at(o, 'status', 'phase')) || t('details.podStatus.unknown');
}

// ---- workloads ----

export interface Replicas {
  desired: number;
  ready: number;
  updated: number;
  available: number;
}

export function replicas(kind: string, o: KubeObject): Replicas {
  const s = obj(o.status);
  if (kind === 'DaemonSet') {
    return {
      desired: num(s.desiredNumberScheduled) ?? 0,
      ready: num(s.numberReady) ?? 0,
      updated: num(s.updatedNumberScheduled) ?? 0,
      available: num(s.numberAvailable) ?? 0,
    };
  }
  return {
    desired: num(at(o, 'spec', 'replicas')) ?? 1,
    ready: num(s.readyReplicas) ?? 0,
    updated: num(s.updatedReplicas) ?? 0,
    available: num(s.availableReplicas) ?? 0,
  };
}

export function strategy(o: KubeObject, t: TFunction): string {
  const st = obj(at(o, 'spec', 'strategy') ?? at(o, 'spec', 'updateStrategy'));
  const type = str(st.type);
  const ru = obj(st.rollingUpdate);
  const parts = [
    ru.maxSurge !== undefined ? t('details.workload.maxSurge', { value: str(ru.maxSurge) }) : '',
    ru.maxUnavailable !== undefined ? t('details.workload.maxUnavailable', { value: str(ru.maxUnavailable) }) : '',
    ru.partition !== undefined ? t('details.workload.partition', { value: str(ru.partition) }) : '',
  ].filter(Boolean);
  return type ? `${type}${parts.length ? ` (${parts.join(', ')})` : ''}` : '';
}

/** A label selector string from spec.selector (matchLabels + matchExpressions), or from a Service's plain map. */
export function selectorString(sel: unknown): string {
  const s = obj(sel);
  const parts: string[] = [];
  const plain = isObj(s.matchLabels) || isObj(s.matchExpressions) || Array.isArray(s.matchExpressions) ? strMap(s.matchLabels) : strMap(s);
  for (const [k, v] of Object.entries(plain)) parts.push(`${k}=${v}`);
  for (const e of arr(s.matchExpressions)) {
    const x = obj(e);
    const values = arr(x.values).map(str);
    switch (str(x.operator)) {
      case 'In':
        parts.push(`${str(x.key)} in (${values.join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${str(x.key)} notin (${values.join(',')})`);
        break;
      case 'Exists':
        parts.push(str(x.key));
        break;
      case 'DoesNotExist':
        parts.push(`!${str(x.key)}`);
        break;
    }
  }
  return parts.join(',');
}

// ---- jobs ----

export function jobSummary(o: KubeObject, t: TFunction): [string, string][] {
  const s = obj(o.status);
  return [
    [t('details.job.completions'), `${str(s.succeeded) || '0'}/${str(at(o, 'spec', 'completions')) || '1'}`],
    [t('details.job.parallelism'), str(at(o, 'spec', 'parallelism')) || '1'],
    [t('details.job.active'), str(s.active) || '0'],
    [t('details.job.failed'), str(s.failed) || '0'],
    [t('details.job.started'), str(s.startTime)],
    [t('details.job.completed'), str(s.completionTime)],
  ];
}

export function cronJobSummary(o: KubeObject, t: TFunction): [string, string][] {
  return [
    [t('details.cronjob.schedule'), str(at(o, 'spec', 'schedule'))],
    [t('details.cronjob.suspend'), at(o, 'spec', 'suspend') === true ? t('details.summary.yes') : t('details.summary.no')],
    [t('details.cronjob.lastSchedule'), str(at(o, 'status', 'lastScheduleTime')) || t('details.cronjob.never')],
    [t('details.cronjob.lastSuccess'), str(at(o, 'status', 'lastSuccessfulTime')) || '—'],
    [t('details.cronjob.concurrency'), str(at(o, 'spec', 'concurrencyPolicy')) || 'Allow'],
  ];
}

export function activeJobs(o: KubeObject): { name: string; namespace: string }[] {
  return arr(at(o, 'status', 'active')).map((a) => ({ name: str(obj(a).name), namespace: str(obj(a).namespace) }));
}

// ---- services and ingresses ----

export function servicePorts(o: KubeObject): string[] {
  return arr(at(o, 'spec', 'ports')).map((p) => {
    const x = obj(p);
    const name = str(x.name);
    const node = x.nodePort !== undefined ? `:${str(x.nodePort)}` : '';
    return `${name ? `${name} ` : ''}${str(x.port)}${node} → ${str(x.targetPort) || str(x.port)}/${str(x.protocol) || 'TCP'}`;
  });
}

export interface IngressRule {
  host: string;
  path: string;
  backend: string;
  service: string;
}

export function ingressRules(o: KubeObject, t: TFunction): IngressRule[] {
  const out: IngressRule[] = [];
  const backendOf = (b: unknown): { text: string; service: string } => {
    const svc = obj(obj(b).service);
    const port = obj(svc.port);
    const p = str(port.number) || str(port.name);
    if (svc.name) return { text: `${str(svc.name)}:${p}`, service: str(svc.name) };
    const res = obj(obj(b).resource);
    return { text: res.kind ? `${str(res.kind)}/${str(res.name)}` : '—', service: '' };
  };
  const def = at(o, 'spec', 'defaultBackend');
  if (isObj(def)) {
    const b = backendOf(def);
    out.push({ host: '*', path: t('details.ingress.defaultPath'), backend: b.text, service: b.service });
  }
  for (const r of arr(at(o, 'spec', 'rules'))) {
    const rule = obj(r);
    for (const p of arr(at(rule, 'http', 'paths'))) {
      const b = backendOf(obj(p).backend);
      out.push({ host: str(rule.host) || '*', path: str(obj(p).path) || '/', backend: b.text, service: b.service });
    }
  }
  return out;
}

export function ingressTLS(o: KubeObject, t: TFunction): string[] {
  return arr(at(o, 'spec', 'tls')).map((entry) => {
    const x = obj(entry);
    return t('details.ingress.tlsEntry', { hosts: arr(x.hosts).map(str).join(', ') || '*', secret: str(x.secretName) || '—' });
  });
}

// ---- nodes ----

export function nodeResources(o: KubeObject): { resource: string; capacity: string; allocatable: string }[] {
  const cap = strMap(at(o, 'status', 'capacity'));
  const alloc = strMap(at(o, 'status', 'allocatable'));
  const keys = [...new Set([...Object.keys(cap), ...Object.keys(alloc)])].sort();
  return keys.map((k) => ({ resource: k, capacity: cap[k] ?? '', allocatable: alloc[k] ?? '' }));
}

export function nodeTaints(o: KubeObject): string[] {
  return arr(at(o, 'spec', 'taints')).map((t) => {
    const x = obj(t);
    return `${str(x.key)}${x.value ? `=${str(x.value)}` : ''}:${str(x.effect)}`;
  });
}

export function nodeAddresses(o: KubeObject): string[] {
  return arr(at(o, 'status', 'addresses')).map((a) => `${str(obj(a).type)}: ${str(obj(a).address)}`);
}

// ---- storage ----

export function pvcSummary(o: KubeObject, t: TFunction): [string, string][] {
  return [
    [t('details.storage.phase'), str(at(o, 'status', 'phase'))],
    [t('details.storage.capacity'), str(at(o, 'status', 'capacity', 'storage')) || str(at(o, 'spec', 'resources', 'requests', 'storage'))],
    [t('details.storage.accessModes'), arr(at(o, 'status', 'accessModes') ?? at(o, 'spec', 'accessModes')).map(str).join(', ')],
    [t('details.storage.storageClass'), str(at(o, 'spec', 'storageClassName'))],
    [t('details.storage.volume'), str(at(o, 'spec', 'volumeName'))],
  ];
}

export function pvSummary(o: KubeObject, t: TFunction): [string, string][] {
  const claim = obj(at(o, 'spec', 'claimRef'));
  return [
    [t('details.storage.phase'), str(at(o, 'status', 'phase'))],
    [t('details.storage.capacity'), str(at(o, 'spec', 'capacity', 'storage'))],
    [t('details.storage.accessModes'), arr(at(o, 'spec', 'accessModes')).map(str).join(', ')],
    [t('details.storage.storageClass'), str(at(o, 'spec', 'storageClassName'))],
    [t('details.storage.reclaimPolicy'), str(at(o, 'spec', 'persistentVolumeReclaimPolicy'))],
    [t('details.storage.claim'), claim.name ? `${str(claim.namespace)}/${str(claim.name)}` : ''],
  ];
}

// ---- config ----

export function dataEntries(o: KubeObject, t: TFunction): { key: string; value: string; binary: boolean }[] {
  const out = Object.entries(strMap(o.data)).map(([key, value]) => ({ key, value, binary: false }));
  for (const key of Object.keys(obj(o.binaryData))) out.push({ key, value: t('details.config.binary'), binary: true });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** A Secret's keys; the backend replaced each value by "<hidden: N bytes>". */
export function secretKeys(o: KubeObject): { key: string; hidden: string }[] {
  return Object.entries(strMap(o.data))
    .map(([key, hidden]) => ({ key, hidden }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

// ---- the header's status ----

/** The header's status; Node words (Ready, SchedulingDisabled) are kubectl's and stay as they are. */
export function objectStatus(kind: string, o: KubeObject, t: TFunction): string {
  switch (kind) {
    case 'Pod':
      return podStatus(o, t);
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'DaemonSet': {
      const r = replicas(kind, o);
      return t('details.workload.readyCount', { ready: r.ready, desired: r.desired });
    }
    case 'Node': {
      const ready = conditions(o).find((c) => c.type === 'Ready');
      const s = ready?.status === 'True' ? 'Ready' : 'NotReady';
      return at(o, 'spec', 'unschedulable') === true ? `${s},SchedulingDisabled` : s;
    }
    case 'Job': {
      const c = conditions(o).find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
      return c ? c.type : t('details.job.running');
    }
    case 'CronJob':
      return at(o, 'spec', 'suspend') === true ? t('details.cronjob.suspended') : t('details.cronjob.active', { count: activeJobs(o).length });
    default: {
      const phase = str(at(o, 'status', 'phase'));
      if (phase) return phase;
      const ready = conditions(o).find((c) => c.type === 'Ready' || c.type === 'Available');
      return ready ? `${ready.type}: ${ready.status}` : '';
    }
  }
}
