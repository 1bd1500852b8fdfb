// Global search (Ctrl+K or "/", bound in the keymap by the app): type a name,
// move with the arrows, Enter opens the details.
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { detailsRoute, navigate } from '../../router';
import { useNamespaces } from '../../api/queries';
import { acquireSearchIndex, rankResults, SEARCH_KINDS, type SearchIndex, type SearchItem } from './searchIndex';

function useIndex(context: string, namespace: string): SearchIndex {
  const [index] = useState(() => acquireSearchIndex(context, namespace));
  useEffect(() => () => index.release(), [index]);
  return index;
}

export function SearchDialog({ context, onClose }: { context: string; onClose: () => void }) {
  const ns = useNamespaces(context);
  // Users who may not list namespaces search the namespace they have.
  const scope = ns.data?.restricted ? (ns.data.namespaces[0] ?? '') : '';
  if (ns.isPending) return null;
  return <SearchBox key={`${context}|${scope}`} context={context} namespace={scope} onClose={onClose} />;
}

function SearchBox({ context, namespace, onClose }: { context: string; namespace: string; onClose: () => void }) {
  const { t } = useTranslation();
  const index = useIndex(context, namespace);
  const version = useSyncExternalStore(
    index.subscribe,
    () => index.items(),
  );
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const results = useMemo(() => rankResults(version, query, 50), [version, query]);
  const synced = index.syncedCount();
  const problems = index.problems();

  useLayoutEffect(() => inputRef.current?.focus(), []); // in the commit that shows it, not after paint
  useEffect(() => {
    document.getElementById(`${id}-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, id]);

  const choose = (item: SearchItem | undefined) => {
    if (!item) return;
    onClose();
    navigate(detailsRoute(context, item.kind.gvr, item.namespace, item.name));
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setActive((a) => Math.min(last, a + 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(0, a - 1));
        break;
      case 'Enter':
        e.preventDefault();
        choose(results[active]);
        break;
      case 'Escape':
        e.preventDefault();
        onClose();
        break;
    }
  };

  return (
    <div className="modal-backdrop search-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal search-modal" role="dialog" aria-modal="true" aria-label={`Search ${context}`}>
        <div className="picker-search">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-label={t('search.input')}
            aria-expanded={results.length > 0}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={results[active] ? `${id}-opt-${active}` : undefined}
            placeholder={namespace ? t('search.placeholderNamespace', { namespace, context }) : t('search.placeholder', { context })}
            value={query}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <kbd className="picker-esc" aria-hidden="true">
            {t('common.keys.esc')}
          </kbd>
        </div>
        <div id={`${id}-list`} role="listbox" aria-label={t('search.results')} className="search-results">
          {results.map((r, i) => (
            <div
              key={r.key}
              id={`${id}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              aria-label={`${r.kind.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`}
              className={`search-option${i === active ? ' active' : ''}`}
              onMouseMove={() => i !== active && setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(r)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && choose(r)}
            >
              <span className="kind-badge">{r.kind.kind}</span>
              <span className="picker-label">{r.name}</span>
              {r.namespace && <span className="muted">{r.namespace}</span>}
            </div>
          ))}
        </div>
        <p className="search-status" role="status">
          {query.trim() === ''
            ? synced < SEARCH_KINDS.length
              ? t('search.hintLoading', { kinds: SEARCH_KINDS.length, synced })
              : t('search.hint', { kinds: SEARCH_KINDS.length })
            : results.length === 0
              ? synced < SEARCH_KINDS.length
                ? t('search.searching')
                : t('search.nothing', { query })
              : results.length === 50
                ? t('search.resultsMore', { count: results.length })
                : t('search.resultCount', { count: results.length })}
        </p>
        {problems.size > 0 && (
          <p className="search-note muted" title={[...problems].map(([k, v]) => `${k}: ${v}`).join('\n')}>
            {t('search.notSearched', { kinds: [...problems.keys()].join(', ') })}
          </p>
        )}
      </div>
    </div>
  );
}
