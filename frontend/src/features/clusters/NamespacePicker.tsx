import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NamespaceList } from '../../api/types';
import { Picker, type PickerItem } from '../../components/Picker';

export const ALL_NAMESPACES_ID = '\u0000all';

export interface NamespacePickerProps {
  /** "" = all namespaces. */
  namespace: string;
  list: NamespaceList | undefined;
  loading: boolean;
  error: string | null;
  /** The kind shown is cluster-scoped: the namespace does not apply. */
  clusterScoped: boolean;
  onSelect: (namespace: string) => void;
  /** Add a namespace by hand (users who may not list namespaces). */
  onAdd?: (namespace: string) => void;
}

const ADD_PREFIX = '\u0000add:';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function NamespacePicker({ namespace, list, loading, error, clusterScoped, onSelect, onAdd }: NamespacePickerProps) {
  const { t } = useTranslation();
  const several = namespace.includes(',');
  const allLabel = t('clusters.namespace.all');
  const severalText = t('clusters.namespace.severalDetail');
  const items = useMemo<PickerItem[]>(() => {
    const names = new Set(list?.namespaces ?? []);
    if (namespace && !several) names.add(namespace);
    const out: PickerItem[] = [{ id: ALL_NAMESPACES_ID, label: allLabel, current: namespace === '' }];
    if (several) out.push({ id: namespace, label: severalLabel(namespace), current: true, details: [severalText] });
    return [...out, ...[...names].sort().map((n) => ({ id: n, label: n, current: n === namespace }))];
  }, [list, namespace, several, allLabel, severalText]);

  // Users who may not list namespaces can still type theirs (and add it to their list).
  const canAdd = !!list?.restricted && !!onAdd;
  const typedItem = useCallback(
    (q: string): PickerItem | null => {
      // "team-a, team-b": several namespaces at once.
      const parts = q.split(',').map((p) => p.trim()).filter(Boolean);
      if (q.includes(',') && parts.length > 1 && parts.every((p) => DNS_LABEL.test(p))) {
        const id = [...new Set(parts)].join(',');
        return { id, label: t('clusters.namespace.severalLabel', { namespaces: severalLabel(id) }), details: [t('clusters.namespace.together')] };
      }
      if (!DNS_LABEL.test(q) || items.some((i) => i.id === q)) return null;
      return canAdd
        ? { id: ADD_PREFIX + q, label: t('clusters.namespace.add', { namespace: q }), details: [t('clusters.namespace.addDetail')] }
        : { id: q, label: q, details: [t('clusters.namespace.anyway')] };
    },
    [items, canAdd, t],
  );

  const restricted = list?.restricted ? (list.message ?? t('clusters.namespace.restricted')) : null;
  const label = several ? severalLabel(namespace) : namespace || allLabel;
  return (
    <Picker
      className={`namespace-picker${clusterScoped ? ' dimmed' : ''}`}
      buttonLabel={t('clusters.namespace.button', { namespace: label })}
      buttonTitle={clusterScoped ? t('clusters.namespace.clusterScoped') : (restricted ?? undefined)}
      buttonContent={
        <>
          <span className="picker-button-kicker" aria-hidden="true">
            {t('clusters.namespace.kicker')}
          </span>
          <span className="picker-button-value">{label}</span>
          {restricted && (
            <span className="restricted-dot" aria-hidden="true" title={restricted}>
              !
            </span>
          )}
        </>
      }
      dialogLabel={t('clusters.namespace.dialog')}
      searchLabel={t('clusters.namespace.search')}
      listLabel={t('clusters.namespace.list')}
      placeholder={t('clusters.namespace.placeholder')}
      items={items}
      typedItem={typedItem}
      onSelect={(id) => {
        if (id.startsWith(ADD_PREFIX) && onAdd) onAdd(id.slice(ADD_PREFIX.length));
        else onSelect(id === ALL_NAMESPACES_ID ? '' : id);
      }}
      itemHeight={32}
      emptyText={(q) => t('clusters.namespace.empty', { query: q })}
      notice={
        restricted || error || loading ? (
          <div className={`picker-notice${error ? ' error' : ''}`} role="note">
            {restricted && (
              <p>
                {restricted} {canAdd ? t('clusters.namespace.howToAdd') : t('clusters.namespace.howToOpen')}
              </p>
            )}
            {error && <p>{t('clusters.namespace.error', { error })}</p>}
            {loading && <p>{t('clusters.namespace.loading')}</p>}
          </div>
        ) : null
      }
    />
  );
}

/** "a,b" → "a, b". */
export function severalLabel(namespaces: string): string {
  return namespaces.split(',').join(', ');
}
