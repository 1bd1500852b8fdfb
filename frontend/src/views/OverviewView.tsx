// The cluster at a glance, all live: nodes ready, pods by phase, workloads
// below their desired replicas, the newest warning events.
import type { ReactNode } from 'react';
import { useId, useMemo } from 'react';
import type { GVR, ListQuery, Row } from '../api/types';
import { ResourceTable } from '../components/ResourceTable';
import { formatCount } from '../lib/format';
import { useTitle } from '../lib/useTitle';
import { detailsRoute, listRoute, navigate, routeHash } from '../router';
import { displayColumns } from '../state/listView';
import { newestEvents, nodesReady, POD_PHASES, unreadyWorkloads, type PodPhase } from '../state/overview';
import { useResourceList, type ResourceList } from '../state/useResourceList';

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

function Card({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <section className={`card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Pending({ list, what }: { list: ResourceList; what: string }) {
  if (list.error && !list.synced) {
    return (
      <p className="embedded-note bad" role="alert">
        Could not list {what}: {list.error.message}
      </p>
    );
  }
  return (
    <p className="embedded-note" role="status">
      Loading {what}…
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

const PHASE_TONE: Record<PodPhase, string> = { Running: 'ok', Pending: 'warn', Succeeded: 'muted', Failed: 'bad', Unknown: 'warn' };

export function OverviewView({ context }: { context: string }) {
  useTitle(`Overview · ${context} — Kubedeck`);
  const nodes = useList(context, NODES);
  const running = useList(context, PODS, 'status.phase=Running');
  const pending = useList(context, PODS, 'status.phase=Pending');
  const succeeded = useList(context, PODS, 'status.phase=Succeeded');
  const failed = useList(context, PODS, 'status.phase=Failed');
  const unknown = useList(context, PODS, 'status.phase=Unknown');
  const phases: Record<PodPhase, ResourceList> = { Running: running, Pending: pending, Succeeded: succeeded, Failed: failed, Unknown: unknown };
  const deployments = useList(context, WORKLOADS[0]!.gvr);
  const statefulsets = useList(context, WORKLOADS[1]!.gvr);
  const daemonsets = useList(context, WORKLOADS[2]!.gvr);
  const warnings = useList(context, EVENTS, 'type=Warning');

  const n = useMemo(() => nodesReady(nodes.columns, nodes.rows.values()), [nodes.columns, nodes.rows]);
  const workloadLists = [deployments, statefulsets, daemonsets];
  const unready = WORKLOADS.flatMap((w, i) => {
    const l = workloadLists[i]!;
    return unreadyWorkloads(l.columns, l.rows.values()).map((u) => ({ ...u, kind: w.kind, gvr: w.gvr }));
  });
  const workloadsSynced = workloadLists.every((l) => l.synced);
  const events = useMemo(() => newestEvents(warnings.columns, warnings.rows.values(), 10), [warnings.columns, warnings.rows]);
  const eventColumns = useMemo(() => displayColumns(warnings.columns, { wide: false, namespaceColumn: true }), [warnings.columns]);
  const podsSynced = POD_PHASES.every((p) => phases[p].synced);
  const podTotal = POD_PHASES.reduce((a, p) => a + phases[p].rows.size, 0);

  return (
    <section className="view overview" aria-labelledby="overview-title">
      <header className="view-header">
        <div className="view-title-block">
          <h1 id="overview-title">Overview</h1>
          <span className="view-scope">{context}</span>
        </div>
      </header>
      <div className="overview-grid">
        <Card title="Nodes">
          {nodes.synced ? (
            <div className="stats">
              <Stat label="Ready" value={`${n.ready} of ${n.total}`} tone={n.ready < n.total ? 'warn' : 'ok'} />
            </div>
          ) : (
            <Pending list={nodes} what="nodes" />
          )}
          <a href={routeHash(listRoute(context, NODES, ''))}>All nodes</a>
        </Card>
        <Card title="Pods">
          {podsSynced ? (
            <div className="stats">
              {POD_PHASES.map((p) => (
                <Stat key={p} label={p} value={phases[p].rows.size} tone={phases[p].rows.size > 0 ? PHASE_TONE[p] : 'muted'} />
              ))}
            </div>
          ) : (
            <Pending list={running.error ? running : pending} what="pods" />
          )}
          <a href={routeHash(listRoute(context, PODS, ''))}>All {podsSynced ? formatCount(podTotal) : ''} pods</a>
        </Card>
        <Card title="Workloads not ready" wide>
          {!workloadsSynced ? (
            <Pending list={workloadLists.find((l) => l.error) ?? deployments} what="workloads" />
          ) : unready.length === 0 ? (
            <p className="ok-text">Every deployment, statefulset and daemonset has its desired replicas ready.</p>
          ) : (
            <table className="simple-table" aria-label="Workloads not ready">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Namespace</th>
                  <th scope="col">Name</th>
                  <th scope="col">Ready</th>
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
        <Card title="Recent warnings" wide>
          {!warnings.synced ? (
            <Pending list={warnings} what="events" />
          ) : events.length === 0 ? (
            <p className="ok-text">No warning events.</p>
          ) : (
            <div className="embedded-table" style={{ height: events.length * 30 + 36 }}>
              <ResourceTable
                label="Recent warnings"
                columns={eventColumns}
                rows={events}
                sort={null}
                onSort={() => undefined}
                onActivate={(r: Row) => navigate(detailsRoute(context, EVENTS, r.namespace ?? '', r.name))}
              />
            </div>
          )}
          <p className="muted">{warnings.synced ? `${formatCount(warnings.rows.size)} warning events in all` : ''}</p>
        </Card>
      </div>
    </section>
  );
}

