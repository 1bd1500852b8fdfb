// The Access page's namespace: the context's namespaces, or cluster-wide ("").
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function NamespaceSelect({ namespace, namespaces, onChange, clusterWide = true }: {
  namespace: string;
  namespaces: readonly string[];
  onChange: (ns: string) => void;
  /** Offer "Cluster-wide" (value ""). */
  clusterWide?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The one chosen stays listed even when the list lacks it (users who may not list namespaces).
  const names = [...new Set([...namespaces, ...(namespace ? [namespace] : [])])].sort();
  return (
    <span className="field-row">
      <label htmlFor={id}>{t('access.namespace.label')}</label>
      <select id={id} value={namespace} onChange={(e) => onChange(e.target.value)}>
        {clusterWide && <option value="">{t('access.namespace.clusterWide')}</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </span>
  );
}
