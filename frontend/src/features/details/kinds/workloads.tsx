// The summary of the workloads that keep replicas of a pod: replicas,
// strategy, conditions and their pods.
import { useTranslation } from 'react-i18next';
import { at, conditions, replicas, selectorString, strategy } from '../summaries';
import { Conditions, KV, Section } from '../parts';
import { SelectedPods } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function WorkloadSummary({ context, kind, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  const r = replicas(kind, o);
  const selector = selectorString(at(o, 'spec', 'selector'));
  return (
    <>
      <Section title={t('details.workload.replicas')}>
        <KV
          rows={[
            [t('details.workload.desired'), String(r.desired)],
            [t('details.workload.ready'), String(r.ready)],
            [t('details.workload.updated'), String(r.updated)],
            [t('details.workload.available'), String(r.available)],
            [t('details.workload.strategy'), strategy(o, t)],
            [t('details.workload.selector'), selector],
          ]}
        />
      </Section>
      <Conditions list={conditions(o)} />
      <Section title={t('details.summary.pods')}>
        <SelectedPods context={context} namespace={meta.namespace} selector={selector} />
      </Section>
    </>
  );
}

export const workloadSummary: KindSummary = { kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], component: WorkloadSummary };
