// A Service's summary: type, ports, selector and the pods it selects.
import { useTranslation } from 'react-i18next';
import { at, selectorString, servicePorts, str } from '../summaries';
import { KV, Section } from '../parts';
import { SelectedPods } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function ServiceSummary({ context, kind, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  const selector = selectorString(at(o, 'spec', 'selector'));
  return (
    <>
      <Section title={kind}>
        <KV
          rows={[
            [t('details.service.type'), str(at(o, 'spec', 'type'))],
            [t('details.service.clusterIP'), str(at(o, 'spec', 'clusterIP'))],
            [t('details.service.ports'), servicePorts(o).join('; ')],
            [t('details.service.selector'), selector || t('details.summary.none')],
          ]}
        />
      </Section>
      <Section title={t('details.service.endpoints')}>
        <SelectedPods context={context} namespace={meta.namespace} selector={selector} label={t('details.service.endpoints')} />
      </Section>
    </>
  );
}

export const serviceSummary: KindSummary = { kinds: ['Service'], component: ServiceSummary };
