// What the danger badges on the subjects mean.
import { useTranslation } from 'react-i18next';
import type { AccessDangerKind } from '../../api/types';
import { DANGER_KINDS } from './matrix';
import { dangerHelp, dangerLabel } from './text';

export function DangerBadge({ kind }: { kind: AccessDangerKind }) {
  return (
    <span className="danger-badge" title={dangerHelp(kind)}>
      {dangerLabel(kind)}
    </span>
  );
}

/** The kinds shown in the table, worst first. */
export function DangerLegend({ kinds }: { kinds: readonly AccessDangerKind[] }) {
  const { t } = useTranslation();
  return (
    <ul className="danger-legend" aria-label={t('access.danger.legend')}>
      {DANGER_KINDS.filter((k) => kinds.includes(k)).map((k) => (
        <li key={k}>
          <DangerBadge kind={k} /> {dangerHelp(k)}
        </li>
      ))}
    </ul>
  );
}
