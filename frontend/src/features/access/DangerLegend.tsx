// What the danger badges on the subjects mean.
import { useTranslation } from 'react-i18next';
import type { AccessDangerKind } from '../../api/types';
import { DANGER_KINDS } from './matrix';
import { dangerHelp, dangerLabel } from './text';

/** A danger's badge; its tooltip names the grants it comes from, when given. */
export function DangerBadge({ kind, from = [] }: { kind: AccessDangerKind; from?: readonly string[] }) {
  return (
    <span className="danger-badge" title={[dangerHelp(kind), ...from].join('\n')}>
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
