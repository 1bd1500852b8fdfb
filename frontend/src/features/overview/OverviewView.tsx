// The cluster at a glance, all live: nodes ready, pods by phase, workloads
// below their desired replicas, the newest warning events. Nodes and
// workloads share one multiplexed stream (browsers allow six connections
// per host); pods and warnings have their own.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useId, useMemo } from 'react';
import type { Column, GVR, ListQuery, Row } from '../../api/types';
import { ResourceTable } from '../resources/ResourceTable';
import { formatCount } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { detailsRoute, listRoute, navigate, routeHash } from '../../router';
import { displayColumns } from '../resources/listView';
import { gvrKey, type ListSnapshot } from '../resources/listOnce';
import { useLiveLists } from '../resources/liveLists';
import { newestEvents, nodesReady, podPhases, POD_PHASES, unreadyWorkloads, type PodPhase } from './overview';
import { useResourceList, type ResourceList } from '../resources/useResourceList';

const G = (group: string, resource: string): GVR => ({ group, version: 'v1', resource });
const NODES = G('', 'nodes');
const PODS = G('', 'pods');
const EVENTS = G('', 'events');
const WORKLOADS: { gvr: GVR; kind: string }[] = [
  { gvr: G('apps', 'deployments'), kind: 'Deployment' },
  { gvr: G('apps', 'statefulsets'), kind: 'StatefulSet' },
  { gvr: G('apps', 'daemonsets'), kind: 'DaemonSet' },
];

function useList(context: string, gvr: GVR, fieldSelector?: string): ResourceList {
  const q = useMemo<ListQuery>(() => {
    const x: ListQuery = { context, ...gvr, namespace: '' };
    if (fieldSelector) x.fieldSelector = fieldSelector;
    return x;
  }, [context, gvr, fieldSelector]);
  return useResourceList(q);
}

/** What the cards need of a list, live or refreshed in turn. */
interface ListData {
  columns: Column[];
  rows: Iterable<Row>;
  synced: boolean;
  error: string | null;
}

const fromLive = (l: ResourceList): ListData => ({
  columns: l.columns,
  rows: l.rows.values(),
  synced: l.synced,
  error: l.error && !l.synced ? l.error.message : null,
});

const fromSnap = (s: ListSnapshot | undefined): ListData =>
  s ? { columns: s.columns, rows: s.rows, synced: !s.error, error: s.error ?? null } : { columns: [], rows: [], synced: false, error: null };

function Card({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <section className={`card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Pending({ list, what }: { list: ListData; what: string }) {
  const { t } = useTranslation();
  if (list.error) {
    return (
      <p className="embedded-note bad" role="alert">
        {t('overview.listError', { what, error: list.error })}
      </p>
    );
  }
  return (
    <p className="embedded-note" role="status">
      {t('overview.loading', { what })}
    </p>
  );
}

function Stat({ label, value, tone }: { label: string; value: number | string; tone?: string }) {
  return (
    <div className={`stat ${tone ?? ''}`} role="group" aria-label={`${label}: ${value}`}>
      <span className="stat-value" aria-hidden="true">
        {typeof value === 'number' ? formatCount(value) : value}
      </span>
      <span className="stat-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

function phaseText(t: TFunction, p: PodPhase): string {
  switch (p) {
    case 'Running': return t('overview.phase.running');
    case 'Pending': return t('overview.phase.pending');
    case 'Succeeded': return t('overview.phase.succeeded');
    case 'Failed': return t('overview.phase.failed');
    case 'Unknown': return t('overview.phase.unknown');
  }
}

const PHASE_TONE: Record<PodPhase, string> = { Running: 'ok', Pending: 'warn', Succeeded: 'muted', Failed: 'bad', Unknown: 'warn' };

/** Live over one shared connection; pods and warnings have their own streams. */
const SHARED = [NODES, ...WORKLOADS.map((w) => w.gvr)].map((g) => ({ ...g, namespace: '' }));

export function OverviewView({ context }: { context: string }) {
  const { t } = useTranslation();
  useTitle(`${t('overview.title')} · ${context} — Kubedeck`);
  const podsLive = useList(context, PODS);
  const warningsLive = useList(context, EVENTS, 'type=Warning');
  const snaps = useLiveLists(context, SHARED, gvrKey);
  const nodes = fromSnap(snaps.get(gvrKey(NODES)));
  const pods = fromLive(podsLive);
  const warnings = fromLive(warningsLive);
  const workloadLists = WORKLOADS.map((w) => fromSnap(snaps.get(gvrKey(w.gvr))));

  const n = nodesReady(nodes.columns, nodes.rows);
  const unready = WORKLOADS.flatMap((w, i) => {
    const l = workloadLists[i];
    return l ? unreadyWorkloads(l.columns, l.rows).map((u) => ({ ...u, kind: w.kind, gvr: w.gvr })) : [];
  });
  const workloadsSynced = workloadLists.every((l) => l.synced);
  const events = useMemo(() => newestEvents(warningsLive.columns, warningsLive.rows.values(), 10), [warningsLive.columns, warningsLive.rows]);
  const eventColumns = useMemo(() => displayColumns(warningsLive.columns, { wide: false, namespaceColumn: true }), [warningsLive.columns]);
  const phases = useMemo(() => podPhases(podsLive.columns, podsLive.rows.values()), [podsLive.columns, podsLive.rows]);
  const podTotal = podsLive.rows.size;

  return (
    <section className="view overview" aria-labelledby="overview-title">
      <header className="view-header">
        <div className="view-title-block">
          <h1 id="overview-title">{t('overview.title')}</h1>
          <span className="view-scope">{context}</span>
        </div>
      </header>
      <div className="overview-grid">
        <Card title={t('overview.nodes')}>
          {nodes.synced ? (
            <div className="stats">
              <Stat label={t('overview.ready')} value={t('overview.readyOf', { ready: formatCount(n.ready), total: formatCount(n.total) })} tone={n.ready < n.total ? 'warn' : 'ok'} />
            </div>
          ) : (
            <Pending list={nodes} what={t('overview.what.nodes')} />
          )}
          <a href={routeHash(listRoute(context, NODES, ''))}>{t('overview.allNodes')}</a>
        </Card>
        <Card title={t('overview.pods')}>
          {pods.synced ? (
            <div className="stats">
              {POD_PHASES.map((p) => (
                <Stat key={p} label={phaseText(t, p)} value={phases[p]} tone={phases[p] > 0 ? PHASE_TONE[p] : 'muted'} />
              ))}
            </div>
          ) : (
            <Pending list={pods} what={t('overview.what.pods')} />
          )}
          <a href={routeHash(listRoute(context, PODS, ''))}>{pods.synced ? t('overview.allPodsCount', { count: podTotal }) : t('overview.allPods')}</a>
        </Card>
        <Card title={t('overview.unready')} wide>
          {!workloadsSynced ? (
            <Pending list={workloadLists.find((l) => l.error) ?? workloadLists[0] ?? fromSnap(undefined)} what={t('overview.what.workloads')} />
          ) : unready.length === 0 ? (
            <p className="ok-text">{t('overview.allReady')}</p>
          ) : (
            <table className="simple-table" aria-label={t('overview.unready')}>
              <thead>
                <tr>
                  <th scope="col">{t('overview.col.kind')}</th>
                  <th scope="col">{t('overview.col.namespace')}</th>
                  <th scope="col">{t('overview.col.name')}</th>
                  <th scope="col">{t('overview.col.ready')}</th>
                </tr>
              </thead>
              <tbody>
                {unready.map((u) => (
                  <tr key={`${u.kind}/${u.key}`}>
                    <td>{u.kind}</td>
                    <td>{u.namespace}</td>
                    <td>
                      <a href={routeHash(detailsRoute(context, u.gvr, u.namespace, u.name))}>{u.name}</a>
                    </td>
                    <td className="warn-text">
                      {u.ready}/{u.desired}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title={t('overview.warnings')} wide>
          {!warnings.synced ? (
            <Pending list={warnings} what={t('overview.what.events')} />
          ) : events.length === 0 ? (
            <p className="ok-text">{t('overview.noWarnings')}</p>
          ) : (
            <div className="embedded-table" style={{ height: events.length * 30 + 36 }}>
              <ResourceTable
                label={t('overview.warnings')}
                columns={eventColumns}
                rows={events}
                sort={null}
                onSort={() => undefined}
                onActivate={(r: Row) => navigate(detailsRoute(context, EVENTS, r.namespace ?? '', r.name))}
              />
            </div>
          )}
          <p className="muted">{warnings.synced ? t('overview.warningCount', { count: warningsLive.rows.size }) : ''}</p>
        </Card>
      </div>
    </section>
  );
}

