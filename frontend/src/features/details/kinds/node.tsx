// A Node's summary: capacity, addresses, taints, conditions and its pods.
import { useTranslation } from 'react-i18next';
import { at, conditions, nodeAddresses, nodeResources, nodeTaints, str } from '../summaries';
import { Conditions, KV, Section, SimpleTable } from '../parts';
import { PodList } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function NodeSummary({ context, kind, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('details.node.capacity')}>
        <SimpleTable label={t('details.node.capacity')} columns={[t('details.node.resource'), t('details.node.capacity'), t('details.node.allocatable')]}>
          {nodeResources(o).map((r) => (
            <tr key={r.resource}>
              <td>{r.resource}</td>
              <td>{r.capacity}</td>
              <td>{r.allocatable}</td>
            </tr>
          ))}
        </SimpleTable>
      </Section>
      <Section title={kind}>
        <KV
          rows={[
            [t('details.node.addresses'), nodeAddresses(o).join('; ')],
            [t('details.node.taints'), nodeTaints(o).join('; ') || t('details.summary.none')],
            [t('details.node.kubelet'), str(at(o, 'status', 'nodeInfo', 'kubeletVersion'))],
            [t('details.node.osImage'), str(at(o, 'status', 'nodeInfo', 'osImage'))],
          ]}
        />
      </Section>
      <Conditions list={conditions(o)} />
      <Section title={t('details.summary.pods')}>
        <PodList context={context} namespace="" fieldSelector={`spec.nodeName=${meta.name}`} label={t('details.summary.pods')} />
      </Section>
    </>
  );
}

export const nodeSummary: KindSummary = { kinds: ['Node'], component: NodeSummary };
