// A Job's summary: completions, conditions and its pods.
import { useTranslation } from 'react-i18next';
import { at, conditions, jobSummary as jobRows, selectorString } from '../summaries';
import { Conditions, KV, Section } from '../parts';
import { SelectedPods } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function JobSummary({ context, kind, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={kind}>
        <KV rows={jobRows(o, t)} />
      </Section>
      <Conditions list={conditions(o)} />
      <Section title={t('details.summary.pods')}>
        <SelectedPods context={context} namespace={meta.namespace} selector={selectorString(at(o, 'spec', 'selector'))} />
      </Section>
    </>
  );
}

export const jobSummary: KindSummary = { kinds: ['Job'], component: JobSummary };
