// One object, live: header (kind, name, namespace, age, status) and tabs —
// Summary (labels, owners, kind-specific sections), Events, YAML.
import { Fragment, useId, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import type { GVR, KubeObject, Row } from '../api/types';
import { EmbeddedList } from '../components/EmbeddedList';
import { LiveIndicator } from '../components/LiveIndicator';
import { PluginSections } from '../features/plugins/PluginSections';
import { formatAge } from '../lib/age';
import { useNow } from '../lib/useNow';
import { useTitle } from '../lib/useTitle';
import { detailsRoute, listRoute, navigate, routeHash } from '../router';
import { guessEntry, type CatalogEntry, type CatalogSection } from '../state/catalog';
import {
  activeJobs,
  at,
  conditions,
  cronJobSummary,
  dataEntries,
  ingressRules,
  ingressTLS,
  jobSummary,
  meta,
  nodeAddresses,
  nodeResources,
  nodeTaints,
  objectStatus,
  podContainers,
  podVolumes,
  pvcSummary,
  pvSummary,
  replicas,
  secretKeys,
  selectorString,
  servicePorts,
  splitApiVersion,
  str,
  strategy,
  strMap,
  type Condition,
} from '../state/summaries';
import { useObjectStream } from '../state/useObjectStream';
import { ObjectTabPanel, objectTabs, type ObjectTab } from '../features/logs/objectTabs';
import { ObjectActions } from '../features/actions/ObjectActions';

export interface DetailsViewProps {
  context: string;
  gvr: GVR;
  namespace: string;
  name: string;
  entry: CatalogEntry | undefined;
  sections: readonly CatalogSection[];
}

const PODS: GVR = { group: '', version: 'v1', resource: 'pods' };
const EVENTS: GVR = { group: '', version: 'v1', resource: 'events' };

/** The GVR of a kind in a group, from discovery; a guess when discovery does not know it. */
export function gvrOfKind(sections: readonly CatalogSection[], group: string, version: string, kind: string): GVR {
  for (const s of sections) {
    for (const e of [...s.entries, ...(s.groups ?? []).flatMap((g) => g.entries)]) {
      if (e.kind === kind && e.gvr.group === group) return e.gvr;
    }
  }
  const lower = kind.toLowerCase();
  const resource = lower.endsWith('s') ? `${lower}es` : lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
  return { group, version, resource };
}

type Tab = 'summary' | 'events' | 'yaml' | ObjectTab;

export function DetailsView(props: DetailsViewProps) {
  const { context, gvr, namespace, name } = props;
  const entry = props.entry ?? guessEntry(gvr);
  const q = useMemo(() => ({ context, ...gvr, namespace: entry.namespaced ? namespace : '', name }), [context, gvr, namespace, name, entry.namespaced]);
  const s = useObjectStream(q);
  const [tab, setTab] = useState<Tab>('summary');
  const id = useId();
  const now = useNow(5000);
  const kind = str(s.object?.kind) || entry.kind;
  useTitle(`${name} · ${kind} · ${context} — Kubedeck`);

  const m = s.object ? meta(s.object) : null;
  const status = s.object ? objectStatus(kind, s.object) : '';
  const back = routeHash(listRoute(context, gvr, namespace));
  const extraTabs = objectTabs(kind);
  const extraTab = extraTabs.find((x) => x.id === tab)?.id;

  const tabButton = (t: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${t}`}
      aria-selected={tab === t}
      aria-controls={`${id}-panel`}
      tabIndex={tab === t ? 0 : -1}
      onClick={() => setTab(t)}
      onKeyDown={(e) => {
        const order: Tab[] = ['summary', 'events', 'yaml', ...extraTabs.map((x) => x.id)];
        const i = order.indexOf(t);
        const n = order.length;
        const next = e.key === 'ArrowRight' ? order[(i + 1) % n] : e.key === 'ArrowLeft' ? order[(i + n - 1) % n] : undefined;
        if (next) {
          e.preventDefault();
          setTab(next);
          document.getElementById(`${id}-tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  let body: ReactNode;
  if (s.deleted) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon warn" aria-hidden="true">
          ∅
        </div>
        <h2>This object was deleted</h2>
        <p className="state-detail">
          {kind} {name} no longer exists{namespace ? ` in ${namespace}` : ''}. <a href={back}>Back to {entry.label}</a>
        </p>
      </div>
    );
  } else if (!s.object && s.error) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon bad" aria-hidden="true">
          !
        </div>
        <h2>{s.error.status === 404 ? `There is no ${kind} “${name}”` : `Could not load ${kind} ${name}`}</h2>
        <p className="state-detail">{s.error.message}</p>
      </div>
    );
  } else if (!s.object) {
    body = (
      <p className="loading-text" role="status">
        Loading {kind} {name}…
      </p>
    );
  } else {
    body = (
      <>
        <div className="details-tabs" role="tablist" aria-label="Details sections">
          {tabButton('summary', 'Summary')}
          {tabButton('events', 'Events')}
          {tabButton('yaml', 'YAML')}
          {extraTabs.map((x) => (
            <Fragment key={x.id}>{tabButton(x.id, x.label)}</Fragment>
          ))}
        </div>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="details-panel">
          {extraTab ? (
            <ObjectTabPanel tab={extraTab} context={context} kind={kind} object={s.object} />
          ) : tab === 'summary' ? (
            <Summary {...props} kind={kind} object={s.object} />
          ) : tab === 'events' ? (
            <EmbeddedList
              context={context}
              gvr={EVENTS}
              namespace={m?.namespace ?? ''}
              fieldSelector={`involvedObject.uid=${m?.uid ?? ''}`}
              label="Events"
              singular="event"
              plural="events"
              sortBy={{ column: 'Last Seen', dir: 'asc' }}
            />
          ) : (
            <YamlTab yaml={s.yaml} />
          )}
        </div>
      </>
    );
  }

  return (
    <section className="view details" aria-labelledby={`${id}-title`}>
      <header className="view-header details-header">
        <div className="view-title-block">
          <a className="crumb" href={back}>
            {entry.label}
          </a>
          <span className="kind-badge">{kind}</span>
          <h1 id={`${id}-title`}>{name}</h1>
          {m?.namespace && <span className="view-scope">in {m.namespace}</span>}
        </div>
        {m && (
          <dl className="header-facts">
            <dt>Age</dt>
            <dd>{formatAge(m.created, now)}</dd>
            {status && (
              <>
                <dt>Status</dt>
                <dd className="details-status">{status}</dd>
              </>
            )}
          </dl>
        )}
        {!s.deleted && <LiveIndicator connection={s.connection} />}
        {s.object && !s.deleted && (
          <ObjectActions context={context} gvr={gvr} kind={kind} namespace={entry.namespaced ? namespace : ''} name={name} object={s.object} yaml={s.yaml} />
        )}
      </header>
      {s.object && s.error && !s.deleted && (
        <div className="banner warn" role="alert">
          <div>
            <strong>Not live — {s.error.message}</strong>
          </div>
        </div>
      )}
      <div className="details-body">{body}</div>
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="details-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function KV({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {rows
        .filter(([, v]) => v !== '' && v !== null && v !== undefined)
        .map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Long or multi-line text folded, with "Show more". */
export function Folded({ text, limit = 120 }: { text: string; limit?: number }) {
  const [open, setOpen] = useState(false);
  const long = text.length > limit || text.includes('\n');
  if (!long) return <span className="value">{text}</span>;
  return (
    <span className="value folded">
      {open ? <pre className="mono">{text}</pre> : <span>{text.split('\n')[0]?.slice(0, limit)}…</span>}{' '}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Show less' : 'Show more'}
      </button>
    </span>
  );
}

function Chips({ label, map }: { label: string; map: Record<string, string> }) {
  const entries = Object.entries(map);
  if (entries.length === 0) return <p className="muted">No {label.toLowerCase()}.</p>;
  return (
    <ul className="chips" aria-label={label}>
      {entries.map(([k, v]) => (
        <li key={k} className="chip">
          <span className="chip-key">{k}</span>
          {v !== '' && (
            <>
              <span className="chip-eq">=</span>
              <Folded text={v} limit={60} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Conditions({ list }: { list: Condition[] }) {
  if (list.length === 0) return null;
  return (
    <Section title="Conditions">
      <table className="simple-table" aria-label="Conditions">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.type}>
              <td>{c.type}</td>
              <td className={c.status === 'True' ? 'ok-text' : 'muted'}>{c.status}</td>
              <td>{c.reason}</td>
              <td>
                <Folded text={c.message} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

interface SummaryProps extends DetailsViewProps {
  kind: string;
  object: KubeObject;
}

function Summary(p: SummaryProps) {
  const { object: o, kind, context, sections } = p;
  const m = meta(o);
  const openRow = (gvr: GVR) => (row: Row) => navigate(detailsRoute(context, gvr, row.namespace ?? '', row.name));
  const link = (gvr: GVR, ns: string, name: string, text?: string) => (
    <a href={routeHash(detailsRoute(context, gvr, ns, name))}>{text ?? name}</a>
  );
  const kindLink = (apiVersion: string, k: string, ns: string, name: string) => {
    const { group, version } = splitApiVersion(apiVersion);
    return link(gvrOfKind(sections, group, version, k), ns, name, `${k} ${name}`);
  };
  const podsOf = (selector: string, label = 'Pods') =>
    selector ? (
      <EmbeddedList
        context={context}
        gvr={PODS}
        namespace={m.namespace}
        labelSelector={selector}
        label={label}
        singular="pod"
        plural="pods"
        onOpen={openRow(PODS)}
      />
    ) : (
      <p className="muted">No selector: no pods.</p>
    );

  const specific: ReactNode[] = [];
  switch (kind) {
    case 'Pod': {
      const node = str(at(o, 'spec', 'nodeName'));
      specific.push(
        <Section key="pod" title="Pod">
          <KV
            rows={[
              ['Status', objectStatus('Pod', o)],
              ['Node', node ? link({ group: '', version: 'v1', resource: 'nodes' }, '', node) : 'Not scheduled'],
              ['Pod IP', str(at(o, 'status', 'podIP'))],
              ['QoS class', str(at(o, 'status', 'qosClass'))],
              ['Service account', str(at(o, 'spec', 'serviceAccountName'))],
            ]}
          />
        </Section>,
        <Section key="containers" title="Containers">
          <table className="simple-table" aria-label="Containers">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Image</th>
                <th scope="col">State</th>
                <th scope="col">Ready</th>
                <th scope="col">Restarts</th>
                <th scope="col">Ports</th>
              </tr>
            </thead>
            <tbody>
              {podContainers(o).map((c) => (
                <tr key={`${c.init ? 'init:' : ''}${c.name}`}>
                  <td>
                    {c.name}
                    {c.init && <span className="badge">init</span>}
                  </td>
                  <td className="mono">{c.image}</td>
                  <td>{c.state}</td>
                  <td>{c.ready ? 'Yes' : 'No'}</td>
                  <td className="num">{c.restarts}</td>
                  <td>{c.ports.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>,
      );
      const vols = podVolumes(o);
      if (vols.length > 0) {
        specific.push(
          <Section key="volumes" title="Volumes">
            <KV rows={vols.map((v) => [v.name, `${v.type}${v.detail ? ` · ${v.detail}` : ''}`])} />
          </Section>,
        );
      }
      specific.push(<Conditions key="cond" list={conditions(o)} />);
      break;
    }
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet': {
      const r = replicas(kind, o);
      specific.push(
        <Section key="replicas" title="Replicas">
          <KV
            rows={[
              ['Desired', String(r.desired)],
              ['Ready', String(r.ready)],
              ['Updated', String(r.updated)],
              ['Available', String(r.available)],
              ['Strategy', strategy(o)],
              ['Selector', selectorString(at(o, 'spec', 'selector'))],
            ]}
          />
        </Section>,
        <Conditions key="cond" list={conditions(o)} />,
        <Section key="pods" title="Pods">
          {podsOf(selectorString(at(o, 'spec', 'selector')))}
        </Section>,
      );
      break;
    }
    case 'Job':
      specific.push(
        <Section key="job" title="Job">
          <KV rows={jobSummary(o)} />
        </Section>,
        <Conditions key="cond" list={conditions(o)} />,
        <Section key="pods" title="Pods">
          {podsOf(selectorString(at(o, 'spec', 'selector')))}
        </Section>,
      );
      break;
    case 'CronJob': {
      const jobs = activeJobs(o);
      specific.push(
        <Section key="cron" title="CronJob">
          <KV rows={cronJobSummary(o)} />
        </Section>,
        <Section key="active" title="Active jobs">
          {jobs.length === 0 ? (
            <p className="muted">No active jobs.</p>
          ) : (
            <ul>
              {jobs.map((j) => (
                <li key={j.name}>{link({ group: 'batch', version: 'v1', resource: 'jobs' }, j.namespace || m.namespace, j.name)}</li>
              ))}
            </ul>
          )}
        </Section>,
      );
      break;
    }
    case 'Service': {
      const sel = selectorString(at(o, 'spec', 'selector'));
      specific.push(
        <Section key="svc" title="Service">
          <KV
            rows={[
              ['Type', str(at(o, 'spec', 'type'))],
              ['Cluster IP', str(at(o, 'spec', 'clusterIP'))],
              ['Ports', servicePorts(o).join('; ')],
              ['Selector', sel || 'None'],
            ]}
          />
        </Section>,
        <Section key="endpoints" title="Endpoints">
          {podsOf(sel, 'Endpoints')}
        </Section>,
      );
      break;
    }
    case 'Ingress': {
      const svc: GVR = { group: '', version: 'v1', resource: 'services' };
      specific.push(
        <Section key="ing" title="Ingress">
          <KV
            rows={[
              ['Class', str(at(o, 'spec', 'ingressClassName')) || (strMap(at(o, 'metadata', 'annotations'))['kubernetes.io/ingress.class'] ?? '')],
              ['TLS', ingressTLS(o).join('; ') || 'None'],
            ]}
          />
        </Section>,
        <Section key="rules" title="Rules">
          <table className="simple-table" aria-label="Rules">
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Path</th>
                <th scope="col">Backend</th>
              </tr>
            </thead>
            <tbody>
              {ingressRules(o).map((r, i) => (
                <tr key={i}>
                  <td>{r.host}</td>
                  <td>{r.path}</td>
                  <td>{r.service ? link(svc, m.namespace, r.service, r.backend) : r.backend}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>,
      );
      break;
    }
    case 'Node':
      specific.push(
        <Section key="res" title="Capacity">
          <table className="simple-table" aria-label="Capacity">
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Capacity</th>
                <th scope="col">Allocatable</th>
              </tr>
            </thead>
            <tbody>
              {nodeResources(o).map((r) => (
                <tr key={r.resource}>
                  <td>{r.resource}</td>
                  <td>{r.capacity}</td>
                  <td>{r.allocatable}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>,
        <Section key="node" title="Node">
          <KV
            rows={[
              ['Addresses', nodeAddresses(o).join('; ')],
              ['Taints', nodeTaints(o).join('; ') || 'None'],
              ['Kubelet', str(at(o, 'status', 'nodeInfo', 'kubeletVersion'))],
              ['OS image', str(at(o, 'status', 'nodeInfo', 'osImage'))],
            ]}
          />
        </Section>,
        <Conditions key="cond" list={conditions(o)} />,
        <Section key="pods" title="Pods">
          <EmbeddedList
            context={context}
            gvr={PODS}
            namespace=""
            fieldSelector={`spec.nodeName=${m.name}`}
            label="Pods"
            singular="pod"
            plural="pods"
            onOpen={openRow(PODS)}
          />
        </Section>,
      );
      break;
    case 'ConfigMap':
      specific.push(
        <Section key="data" title="Data">
          <DataList entries={dataEntries(o)} />
        </Section>,
      );
      break;
    case 'Secret':
      specific.push(
        <Section key="data" title="Data">
          <KV rows={[['Type', str(o.type)]]} />
          <SecretData context={context} namespace={m.namespace} name={m.name} keys={secretKeys(o)} />
        </Section>,
      );
      break;
    case 'PersistentVolumeClaim':
      specific.push(
        <Section key="pvc" title="Claim">
          <KV rows={pvcSummary(o).map(([k, v]) => [k, k === 'Volume' && v ? link({ group: '', version: 'v1', resource: 'persistentvolumes' }, '', v) : v])} />
        </Section>,
      );
      break;
    case 'PersistentVolume':
      specific.push(
        <Section key="pv" title="Volume">
          <KV rows={pvSummary(o)} />
        </Section>,
      );
      break;
    default:
      specific.push(<Conditions key="cond" list={conditions(o)} />);
  }

  return (
    <div className="summary">
      {specific}
      <PluginSections context={context} namespace={m.namespace} gvr={p.gvr} object={o} />
      <Section title="Labels">
        <Chips label="Labels" map={m.labels} />
      </Section>
      <Section title="Annotations">
        <Chips label="Annotations" map={m.annotations} />
      </Section>
      {m.owners.length > 0 && (
        <Section title="Owners">
          <ul>
            {m.owners.map((r) => (
              <li key={`${r.kind}/${r.name}`}>
                {kindLink(r.apiVersion, r.kind, m.namespace, r.name)}
                {r.controller && <span className="muted"> (controller)</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Metadata">
        <KV rows={[['UID', m.uid], ['Created', m.created]]} />
      </Section>
    </div>
  );
}

function DataList({ entries }: { entries: { key: string; value: string }[] }) {
  if (entries.length === 0) return <p className="muted">No data.</p>;
  return (
    <dl className="kv data-list">
      {entries.map((e) => (
        <div key={e.key} className="kv-row">
          <dt className="mono">{e.key}</dt>
          <dd>
            <Folded text={e.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SecretData({ context, namespace, name, keys }: {
  context: string;
  namespace: string;
  name: string;
  keys: { key: string; hidden: string }[];
}) {
  const [shown, setShown] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (keys.length === 0) return <p className="muted">No data.</p>;
  const reveal = async (key: string) => {
    setBusy(key);
    try {
      const v = await api.RevealSecret(context, namespace, name, key);
      setShown((s) => ({ ...s, [key]: v }));
      setErrors(({ [key]: _, ...rest }) => rest);
    } catch (e) {
      setErrors((s) => ({ ...s, [key]: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <dl className="kv data-list">
      {keys.map(({ key, hidden }) => {
        const value = shown[key];
        return (
          <div key={key} className="kv-row">
            <dt className="mono">{key}</dt>
            <dd>
              {value === undefined ? (
                <span className="masked" aria-label={`${key} hidden`}>
                  ••••••• <span className="muted">{hidden.replace(/^<hidden: (.*)>$/, '$1')}</span>
                </span>
              ) : (
                <code className="revealed" aria-label={`${key} value`}>
                  {value}
                </code>
              )}{' '}
              {value === undefined ? (
                <button
                  type="button"
                  className="btn small"
                  aria-label={`Reveal ${key}`}
                  disabled={busy === key}
                  onClick={() => void reveal(key)}
                >
                  Reveal
                </button>
              ) : (
                <button
                  type="button"
                  className="btn small"
                  aria-label={`Hide ${key}`}
                  onClick={() => setShown(({ [key]: _, ...rest }) => rest)}
                >
                  Hide
                </button>
              )}
              {errors[key] && (
                <span className="form-error" role="alert">
                  {errors[key]}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function YamlTab({ yaml }: { yaml: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yaml);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div className="yaml-tab">
      <div className="yaml-tools">
        <button type="button" className="btn small" onClick={() => void copy()}>
          Copy YAML
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Could not copy: select the text instead' : ''}
        </span>
      </div>
      <pre className="yaml mono" aria-label="Object YAML" tabIndex={0}>
        {yaml}
      </pre>
    </div>
  );
}
