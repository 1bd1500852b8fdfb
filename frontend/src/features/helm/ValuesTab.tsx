// A release's values, read-only: the user-supplied ones (`helm get values`,
// the default) or all computed ones, the chart's defaults included (`-a`).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelmDetails } from '../../api/types';
import { YamlEditor } from '../actions/YamlEditor';

export function ValuesTab({ details }: { details: HelmDetails }) {
  const { t } = useTranslation();
  const id = useId();
  const [all, setAll] = useState(false);
  const text = all ? details.allValues : details.values;
  const r = details.release;
  return (
    <div className="helm-values">
      <fieldset className="radio-row helm-toggle">
        <legend className="sr-only">{t('helm.values.which')}</legend>
        <label>
          <input type="radio" name={`${id}-which`} checked={!all} onChange={() => setAll(false)} /> {t('helm.values.user')}
        </label>
        <label>
          <input type="radio" name={`${id}-which`} checked={all} onChange={() => setAll(true)} /> {t('helm.values.all')}
        </label>
        <code className="muted">{all ? `helm get values ${r.name} -n ${r.namespace} -a` : `helm get values ${r.name} -n ${r.namespace}`}</code>
      </fieldset>
      {!all && details.values.trim() === '{}' && <p className="muted">{t('helm.values.none')}</p>}
      <YamlEditor
        value={text}
        onChange={() => undefined}
        readOnly
        label={all ? t('helm.values.allLabel', { name: r.name }) : t('helm.values.userLabel', { name: r.name })}
      />
    </div>
  );
}
