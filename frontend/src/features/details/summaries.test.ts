import { describe, expect, it } from 'vitest';
import {
  cronJobSummary,
  dataEntries,
  ingressTLS,
  jobSummary,
  pvcSummary,
  pvSummary,
  ingressRules,
  meta,
  objectStatus,
  podContainers,
  podVolumes,
  replicas,
  secretKeys,
  selectorString,
  servicePorts,
  strategy,
} from './summaries';
import { i18n } from '../../i18n';

const t = i18n.getFixedT('en');
const de = i18n.getFixedT('de');
const ja = i18n.getFixedT('ja');

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'team-a',
    uid: 'u1',
    labels: { app: 'web' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-558', controller: true }],
  },
  spec: {
    nodeName: 'node-1',
    initContainers: [{ name: 'init', image: 'busybox' }],
    containers: [
      { name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] },
      { name: 'sidecar', image: 'fluent-bit:3' },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web' } }, { name: 'tmp', emptyDir: {} }],
  },
  status: {
    phase: 'Running',
    initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
    containerStatuses: [
      { name: 'nginx', ready: true, restartCount: 2, state: { running: {} } },
      { name: 'sidecar', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } },
    ],
  },
};

describe('summaries', () => {
  it('reads metadata, owners included', () => {
    const m = meta(pod);
    expect(m.name).toBe('web-1');
    expect(m.labels).toEqual({ app: 'web' });
    expect(m.owners).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-558', controller: true }]);
  });

  it('lists containers with state, readiness, restarts and ports', () => {
    expect(podContainers(pod, t)).toEqual([
      { name: 'init', image: 'busybox', init: true, state: 'Terminated: Completed (exit code 0)', ready: false, restarts: 0, ports: [] },
      { name: 'nginx', image: 'nginx:1.27', init: false, state: 'Running', ready: true, restarts: 2, ports: ['http: 80/TCP'] },
      { name: 'sidecar', image: 'fluent-bit:3', init: false, state: 'Waiting: CrashLoopBackOff', ready: false, restarts: 5, ports: [] },
    ]);
    expect(podVolumes(pod)).toEqual([
      { name: 'data', type: 'persistentVolumeClaim', detail: 'data-web' },
      { name: 'tmp', type: 'emptyDir', detail: '' },
    ]);
    expect(objectStatus('Pod', pod, t)).toBe('CrashLoopBackOff');
  });

  it('reads workload replicas and strategy', () => {
    const d = { spec: { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } };
    expect(replicas('Deployment', d)).toEqual({ desired: 3, ready: 2, updated: 3, available: 2 });
    expect(objectStatus('Deployment', d, t)).toBe('2/3 ready');
    expect(strategy(d, t)).toBe('RollingUpdate (max surge 25%, max unavailable 1)');
    const ds = { status: { desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 } };
    expect(replicas('DaemonSet', ds)).toEqual({ desired: 3, ready: 3, updated: 3, available: 3 });
  });

  it('builds label selectors from matchLabels, matchExpressions and plain maps', () => {
    expect(
      selectorString({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web,tier in (a,b),!canary');
    expect(selectorString({ app: 'api' })).toBe('app=api');
    expect(selectorString(undefined)).toBe('');
  });

  it('reads services and ingresses', () => {
    expect(servicePorts({ spec: { ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }] } })).toEqual([
      'http 80:30080 → 8080/TCP',
    ]);
    const ing = {
      spec: {
        rules: [{ host: 'shop.example', http: { paths: [{ path: '/', backend: { service: { name: 'frontend', port: { number: 80 } } } }] } }],
      },
    };
    expect(ingressRules(ing, t)).toEqual([{ host: 'shop.example', path: '/', backend: 'frontend:80', service: 'frontend' }]);
  });

  it('lists config data and hidden secret keys, sorted', () => {
    expect(dataEntries({ data: { b: '2', a: '1' }, binaryData: { c: 'AA==' } }, t)).toEqual([
      { key: 'a', value: '1', binary: false },
      { key: 'b', value: '2', binary: false },
      { key: 'c', value: '(binary data)', binary: true },
    ]);
    expect(secretKeys({ data: { PASS: '<hidden: 7 bytes>', API: '<hidden: 16 bytes>' } })).toEqual([
      { key: 'API', hidden: '<hidden: 16 bytes>' },
      { key: 'PASS', hidden: '<hidden: 7 bytes>' },
    ]);
  });

  it('says a node is Ready from its condition', () => {
    expect(objectStatus('Node', { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, t)).toBe('Ready');
    expect(objectStatus('Node', { spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }, t)).toBe(
      'NotReady,SchedulingDisabled',
    );
  });

  it('makes its own words in the language asked for, and leaves the API\'s values as they are', () => {
    expect(podContainers(pod, de).map((c) => c.state)).toEqual(['Beendet: Completed (Exit-Code 0)', 'Läuft', 'Wartet: CrashLoopBackOff']);
    expect(podContainers(pod, ja).map((c) => c.state)).toEqual(['終了: Completed（終了コード 0）', '実行中', '待機中: CrashLoopBackOff']);
    expect(objectStatus('Pod', pod, de)).toBe('CrashLoopBackOff');
    expect(objectStatus('Pod', { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } }, de)).toBe('Wird beendet');
    const d = { spec: { replicas: 3 }, status: { readyReplicas: 2 } };
    expect(objectStatus('Deployment', d, de)).toBe('2/3 bereit');
    expect(objectStatus('Deployment', d, ja)).toBe('2/3 準備完了');
    const cron = { status: { active: [{ name: 'a' }] } };
    expect(objectStatus('CronJob', cron, t)).toBe('1 active');
    expect(objectStatus('CronJob', { spec: { suspend: true } }, de)).toBe('Ausgesetzt');
    expect(objectStatus('Job', {}, ja)).toBe('実行中');
    expect(objectStatus('Job', { status: { conditions: [{ type: 'Complete', status: 'True' }] } }, ja)).toBe('Complete');
    expect(cronJobSummary({ spec: { schedule: '*/5 * * * *' } }, de)).toEqual([
      ['Zeitplan', '*/5 * * * *'],
      ['Ausgesetzt', 'Nein'],
      ['Letzte Ausführung', 'Nie'],
      ['Letzter Erfolg', '—'],
      ['Nebenläufigkeit', 'Allow'],
    ]);
    expect(jobSummary({ spec: { completions: 2 }, status: { succeeded: 1 } }, t)[0]).toEqual(['Completions', '1/2']);
    expect(pvcSummary({ spec: { volumeName: 'pv-1' } }, ja).at(-1)).toEqual(['ボリューム', 'pv-1']);
    expect(pvSummary({ spec: { claimRef: { namespace: 'a', name: 'c' } } }, t).at(-1)).toEqual(['Claim', 'a/c']);
    expect(ingressTLS({ spec: { tls: [{ hosts: ['shop.example'], secretName: 'tls' }] } }, de)).toEqual(['shop.example (Secret tls)']);
    expect(ingressRules({ spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } }, t)[0]?.path).toBe('(default)');
    expect(dataEntries({ binaryData: { c: 'AA==' } }, ja)[0]?.value).toBe('（バイナリデータ）');
    expect(strategy({ spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, de)).toBe('RollingUpdate (max. Surge 1)');
  });
});
