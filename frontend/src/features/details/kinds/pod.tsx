// A Pod's summary: where it runs, its containers, volumes and conditions.
import { useTranslation } from 'react-i18next';
import { at, conditions, objectStatus, podContainers, podVolumes, str } from '../summaries';
import { Conditions, KV, Section, SimpleTable } from '../parts';
import { core, ObjectLink } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function PodSummary({ context, kind, object: o }: KindSummaryProps) {
  const { t } = useTranslation();
  const node = str(at(o, 'spec', 'nodeName'));
  const vols = podVolumes(o);
  return (
    <>
      <Section title={kind}>
        <KV
          rows={[
            [t('details.status'), objectStatus('Pod', o, t)],
            [t('details.pod.node'), node ? <ObjectLink context={context} gvr={core('nodes')} namespace="" name={node} /> : t('details.pod.notScheduled')],
            [t('details.pod.podIP'), str(at(o, 'status', 'podIP'))],
            [t('details.pod.qosClass'), str(at(o, 'status', 'qosClass'))],
            [t('details.pod.serviceAccount'), str(at(o, 'spec', 'serviceAccountName'))],
          ]}
        />
      </Section>
      <Section title={t('details.pod.containers')}>
        <SimpleTable label={t('details.pod.containers')} columns={[t('details.pod.name'), t('details.pod.image'), t('details.pod.state'), t('details.pod.ready'), t('details.pod.restarts'), t('details.pod.ports')]}>
          {podContainers(o, t).map((c) => (
            <tr key={`${c.init ? 'init:' : ''}${c.name}`}>
              <td>
                {c.name}
                {c.init && <span className="badge">{t('details.pod.init')}</span>}
              </td>
              <td className="mono">{c.image}</td>
              <td>{c.state}</td>
              <td>{c.ready ? t('details.summary.yes') : t('details.summary.no')}</td>
              <td className="num">{c.restarts}</td>
              <td>{c.ports.join(', ')}</td>
            </tr>
          ))}
        </SimpleTable>
      </Section>
      {vols.length > 0 && (
        <Section title={t('details.pod.volumes')}>
          <KV rows={vols.map((v) => [v.name, `${v.type}${v.detail ? ` · ${v.detail}` : ''}`])} />
        </Section>
      )}
      <Conditions list={conditions(o)} />
    </>
  );
}

export const podSummary: KindSummary = { kinds: ['Pod'], component: PodSummary };
