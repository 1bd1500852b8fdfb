import { useCallback, useMemo } from 'react';
import type { NamespaceList } from '../../api/types';
import { Picker, type PickerItem } from '../../components/Picker';

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
  /** Add a namespace by hand (users who may not list namespaces). */
  onAdd?: (namespace: string) => void;
}

const ADD_PREFIX = '\u0000add:';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function NamespacePicker({ namespace, list, loading, error, clusterScoped, onSelect, onAdd }: NamespacePickerProps) {
  const several = namespace.includes(',');
  const items = useMemo<PickerItem[]>(() => {
    const names = new Set(list?.namespaces ?? []);
    if (namespace && !several) names.add(namespace);
    const out: PickerItem[] = [{ id: ALL_NAMESPACES_ID, label: ALL_NAMESPACES_LABEL, current: namespace === '' }];
    if (several) out.push({ id: namespace, label: severalLabel(namespace), current: true, details: ['Several namespaces'] });
    return [...out, ...[...names].sort().map((n) => ({ id: n, label: n, current: n === namespace }))];
  }, [list, namespace, several]);

  // Users who may not list namespaces can still type theirs (and add it to their list).
  const canAdd = !!list?.restricted && !!onAdd;
  const typedItem = useCallback(
    (q: string): PickerItem | null => {
      // "team-a, team-b": several namespaces at once.
      const parts = q.split(',').map((p) => p.trim()).filter(Boolean);
      if (q.includes(',') && parts.length > 1 && parts.every((p) => DNS_LABEL.test(p))) {
        const id = [...new Set(parts)].join(',');
        return { id, label: `Namespaces ${severalLabel(id)}`, details: ['Show these namespaces together'] };
      }
      if (!DNS_LABEL.test(q) || items.some((i) => i.id === q)) return null;
      return canAdd
        ? { id: ADD_PREFIX + q, label: `Add namespace ${q}`, details: ['Remember it for this cluster and open it'] }
        : { id: q, label: q, details: ['Not in the list: go to this namespace anyway'] };
    },
    [items, canAdd],
  );

  const restricted = list?.restricted ? (list.message ?? 'You may not list the namespaces of this cluster.') : null;
  const label = several ? severalLabel(namespace) : namespace || ALL_NAMESPACES_LABEL;
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
      placeholder="Search, or type namespaces (a, b)…"
      items={items}
      typedItem={typedItem}
      onSelect={(id) => {
        if (id.startsWith(ADD_PREFIX) && onAdd) onAdd(id.slice(ADD_PREFIX.length));
        else onSelect(id === ALL_NAMESPACES_ID ? '' : id);
      }}
      itemHeight={32}
      emptyText={(q) => `No namespace matches “${q}”.`}
      notice={
        restricted || error || loading ? (
          <div className={`picker-notice${error ? ' error' : ''}`} role="note">
            {restricted && (
              <p>
                {restricted} {canAdd ? 'Add namespace…: type its name, then choose “Add namespace”.' : 'Type a namespace name to open it.'}
              </p>
            )}
            {error && <p>Could not list namespaces: {error}</p>}
            {loading && <p>Loading namespaces…</p>}
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
