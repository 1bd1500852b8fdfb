// A ConfigMap's summary: its data, folded when long.
import { useTranslation } from 'react-i18next';
import { dataEntries } from '../summaries';
import { DataList, Section } from '../parts';
import type { KindSummary, KindSummaryProps } from './types';

function ConfigMapSummary({ object: o }: KindSummaryProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('details.config.data')}>
      <DataList entries={dataEntries(o, t)} />
    </Section>
  );
}

export const configMapSummary: KindSummary = { kinds: ['ConfigMap'], component: ConfigMapSummary };
