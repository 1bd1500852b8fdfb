// A PersistentVolume's summary.
import { useTranslation } from 'react-i18next';
import { pvSummary as pvRows } from '../summaries';
import { KV, Section } from '../parts';
import type { KindSummary, KindSummaryProps } from './types';

function VolumeSummary({ object: o }: KindSummaryProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('details.storage.volumeTitle')}>
      <KV rows={pvRows(o, t)} />
    </Section>
  );
}

export const pvSummary: KindSummary = { kinds: ['PersistentVolume'], component: VolumeSummary };
