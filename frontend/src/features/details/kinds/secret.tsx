// A Secret's summary: its type and keys, each value hidden until revealed.
import { useTranslation } from 'react-i18next';
import { secretKeys, str } from '../summaries';
import { KV, Section } from '../parts';
import { SecretData } from '../SecretData';
import type { KindSummary, KindSummaryProps } from './types';

function SecretSummary({ context, object: o, meta }: KindSummaryProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('details.config.data')}>
      <KV rows={[[t('details.config.type'), str(o.type)]]} />
      <SecretData context={context} namespace={meta.namespace} name={meta.name} keys={secretKeys(o)} />
    </Section>
  );
}

export const secretSummary: KindSummary = { kinds: ['Secret'], component: SecretSummary };
