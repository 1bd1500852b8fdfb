// The custom role's checkbox grid: resources × verbs, each box "<verb> <resource>";
// the common resources, plus any the cluster serves (CRDs too) the user adds.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_VERBS, customKey, customRows, rowLabel, type CustomResource } from './shareForm';

export interface CustomRulesProps {
  checked: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  extra: readonly CustomResource[];
  /** The discovered resources that can be added (null while discovery loads). */
  addable: readonly CustomResource[] | null;
  onExtra: (next: readonly CustomResource[]) => void;
}

export function CustomRules({ checked, onChange, extra, addable, onExtra }: CustomRulesProps) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = (key: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <>
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
          {customRows(extra).map((r) => (
            <tr key={rowLabel(r)}>
              <th scope="row" title={r.group || t('access.coreGroup')}>
                {rowLabel(r)}
              </th>
              {CUSTOM_VERBS.map((v) => {
                const key = customKey(v, rowLabel(r));
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
    <span className="field-row">
      <label htmlFor={`${id}-add`}>{t('access.share.addResource')}</label>
      <select
        id={`${id}-add`}
        value=""
        disabled={addable === null || addable.length === 0}
        onChange={(e) => {
          const row = addable?.find((r) => rowLabel(r) === e.target.value);
          if (row) onExtra([...extra, row]);
        }}
      >
        <option value="">{addable === null ? t('access.share.resourcesLoading') : t('access.share.addResourcePick', { count: addable.length })}</option>
        {(addable ?? []).map((r) => (
          <option key={rowLabel(r)} value={rowLabel(r)}>
            {rowLabel(r)}
          </option>
        ))}
      </select>
    </span>
    </>
  );
}
