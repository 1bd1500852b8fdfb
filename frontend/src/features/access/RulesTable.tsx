// Rules the way `kubectl auth can-i --list` prints them.
import { useTranslation } from 'react-i18next';
import type { RuleRow } from '../../api/types';

const join = (xs: readonly string[] | null | undefined) => (xs && xs.length > 0 ? xs.join(', ') : '');

export function RulesTable({ rules, label }: { rules: readonly RuleRow[]; label: string }) {
  const { t } = useTranslation();
  if (rules.length === 0) return <p className="muted">{t('access.rules.none')}</p>;
  return (
    // A scrolling region must be focusable, so a keyboard can scroll a long list of rules
    // (axe: scrollable-region-focusable); it is a named region, not a control.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll access-rules" tabIndex={0} role="region" aria-label={label}>
      <table className="rtable" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('access.rules.resources')}</th>
            <th scope="col">{t('access.rules.nonResourceURLs')}</th>
            <th scope="col">{t('access.rules.resourceNames')}</th>
            <th scope="col">{t('access.rules.verbs')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => (
            <tr key={i}>
              <td>{join(r.resources)}</td>
              <td>{join(r.nonResourceURLs)}</td>
              <td>{join(r.resourceNames)}</td>
              <td>{join(r.verbs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
