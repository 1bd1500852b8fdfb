// The custom role's checkbox grid: resources × verbs, each box "<verb> <resource>".
import { useTranslation } from 'react-i18next';
import { CUSTOM_RESOURCES, CUSTOM_VERBS, customKey } from './shareForm';

export function CustomRules({ checked, onChange }: { checked: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void }) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <div className="table-scroll custom-rules">
      <table className="rtable" aria-label={t('access.share.customGrid')}>
        <thead>
          <tr>
            <th scope="col">{t('access.share.resource')}</th>
            {CUSTOM_VERBS.map((v) => (
              <th key={v} scope="col">
                {v}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CUSTOM_RESOURCES.map((r) => (
            <tr key={r.resource}>
              <th scope="row" title={r.group || t('access.coreGroup')}>
                {r.resource}
              </th>
              {CUSTOM_VERBS.map((v) => {
                const key = customKey(v, r.resource);
                return (
                  <td key={v}>
                    {r.verbs.includes(v) && <input type="checkbox" aria-label={key} checked={checked.has(key)} onChange={(e) => toggle(key, e.target.checked)} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
