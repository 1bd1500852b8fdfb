// The Summary tab: labels, annotations, owners, metadata and the sections
// of each kind (containers, replicas, ports, rules, capacity, data...).
import type { ReactNode } from 'react';
import type { GVR, KubeObject, Row } from '../../api/types';
import { EmbeddedList } from '../resources/EmbeddedList';
import { PluginSections } from '../plugins/PluginSections';
import { detailsRoute, navigate, routeHash } from '../../router';
import type { CatalogEntry, CatalogSection } from '../navigation/catalog';
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
} from './summaries';
import { Chips, Conditions, DataList, KV, Section } from './parts';
import { SecretData } from './SecretData';
import { gvrOfKind } from './kinds';

const PODS: GVR = { group: '', version: 'v1', resource: 'pods' };

export interface SummaryProps {
  context: string;
  gvr: GVR;
  namespace: string;
  name: string;
  entry: CatalogEntry | undefined;
  sections: readonly CatalogSection[];
  kind: string;
  object: KubeObject;
}

export function Summary(p: SummaryProps) {
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
