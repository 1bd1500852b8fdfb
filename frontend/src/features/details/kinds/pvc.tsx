// A PersistentVolumeClaim's summary, linked to its volume.
import { useTranslation } from 'react-i18next';
import { at, pvcSummary as pvcRows, str } from '../summaries';
import { KV, Section } from '../parts';
import { core, ObjectLink } from './shared';
import type { KindSummary, KindSummaryProps } from './types';

function ClaimSummary({ context, object: o }: KindSummaryProps) {
  const { t } = useTranslation();
  const volume = str(at(o, 'spec', 'volumeName'));
  const volumeLabel = t('details.storage.volume');
  return (
    <Section title={t('details.storage.claimTitle')}>
      <KV
        rows={pvcRows(o, t).map(([k, v]) => [
          k,
          k === volumeLabel && volume ? <ObjectLink context={context} gvr={core('persistentvolumes')} namespace="" name={volume} /> : v,
        ])}
      />
    </Section>
  );
}

export const pvcSummary: KindSummary = { kinds: ['PersistentVolumeClaim'], component: ClaimSummary };
