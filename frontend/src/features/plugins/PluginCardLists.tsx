// Two lists of a plugin's card: what it was granted, and the requests refused to it.
import { useTranslation } from 'react-i18next';
import type { Capabilities } from '../../api/contract.gen';
import { capabilityItems } from './capabilityItems';
import type { RefusalEntry } from './registry';
import { refusalText } from './sandbox/refusalText';

export function GrantedList({ granted }: { granted: Capabilities | undefined }) {
  const { t } = useTranslation();
  const items = capabilityItems(granted);
  if (items.length === 0) return <span className="plugin-granted none">{t('plugins.card.grantedNothing')}</span>;
  return (
    <ul className="plugin-granted">
      {items.map((i) => (
        <li key={i.id} className={i.sensitive ? 'sensitive' : undefined}>
          {i.text}
        </li>
      ))}
    </ul>
  );
}

export function RefusedList({ name, refusals }: { name: string; refusals: readonly RefusalEntry[] }) {
  const { t, i18n } = useTranslation();
  if (refusals.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });
  return (
    <details className="plugin-refused" open>
      <summary>{t('plugins.card.refused', { count: refusals.length })}</summary>
      <ul aria-label={t('plugins.card.refusedLabel', { name })}>
        {refusals.map((r) => (
          <li key={`${r.at}/${r.action}/${r.target}`}>
            <time dateTime={new Date(r.at).toISOString()}>{time.format(r.at)}</time> {refusalText(r)}
            {r.count > 1 && ` ${t('plugins.refused.times', { count: r.count })}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
