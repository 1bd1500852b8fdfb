import { useCallback, useMemo } from 'react';
import type { NamespaceList } from '../api/types';
import { Picker, type PickerItem } from './Picker';

export const ALL_NAMESPACES_ID = '\u0000all';
export const ALL_NAMESPACES_LABEL = 'All namespaces';

export interface NamespacePickerProps {
  /** "" = all namespaces. */
  namespace: string;
  list: NamespaceList | undefined;
  loading: boolean;
  error: string | null;
  /** The kind shown is cluster-scoped: the namespace does not apply. */
  clusterScoped: boolean;
  onSelect: (namespace: string) => void;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function NamespacePicker({ namespace, list, loading, error, clusterScoped, onSelect }: NamespacePickerProps) {
  const items = useMemo<PickerItem[]>(() => {
    const names = new Set(list?.namespaces ?? []);
    if (namespace) names.add(namespace);
    return [
      { id: ALL_NAMESPACES_ID, label: ALL_NAMESPACES_LABEL, current: namespace === '' },
      ...[...names].sort().map((n) => ({ id: n, label: n, current: n === namespace })),
    ];
  }, [list, namespace]);

  // Users who may not list namespaces can still type theirs.
  const typedItem = useCallback(
    (q: string): PickerItem | null =>
      DNS_LABEL.test(q) && !items.some((i) => i.id === q)
        ? { id: q, label: q, details: ['Not in the list: go to this namespace anyway'] }
        : null,
    [items],
  );

  const restricted = list?.restricted ? (list.message ?? 'You may not list the namespaces of this cluster.') : null;
  const label = namespace || ALL_NAMESPACES_LABEL;
  return (
    <Picker
      className={`namespace-picker${clusterScoped ? ' dimmed' : ''}`}
      buttonLabel={`Namespace: ${label}`}
      buttonTitle={clusterScoped ? 'This kind is cluster-scoped: the namespace does not apply' : (restricted ?? undefined)}
      buttonContent={
        <>
          <span className="picker-button-kicker" aria-hidden="true">
            Namespace
          </span>
          <span className="picker-button-value">{label}</span>
          {restricted && (
            <span className="restricted-dot" aria-hidden="true" title={restricted}>
              !
            </span>
          )}
        </>
      }
      dialogLabel="Choose namespace"
      searchLabel="Search namespaces"
      listLabel="Namespaces"
      placeholder="Search or type a namespace…"
      items={items}
      typedItem={typedItem}
      onSelect={(id) => onSelect(id === ALL_NAMESPACES_ID ? '' : id)}
      itemHeight={32}
      emptyText={(q) => `No namespace matches “${q}”.`}
      notice={
        restricted || error || loading ? (
          <div className={`picker-notice${error ? ' error' : ''}`} role="note">
            {restricted && <p>{restricted} Type a namespace name to open it.</p>}
            {error && <p>Could not list namespaces: {error}</p>}
            {loading && <p>Loading namespaces…</p>}
          </div>
        ) : null
      }
    />
  );
}
