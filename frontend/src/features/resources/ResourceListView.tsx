// The list of any resource kind, fed by the list stream.
import { QueryClientContext } from '@tanstack/react-query';
import { useCallback, useContext, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { GVR, ListQuery, Row } from '../../api/types';
import { LiveIndicator } from '../../components/LiveIndicator';
import { FilterGlyph } from '../../components/Glyphs';
import { ResourceTable, ROW_HEIGHT, type RowSelection } from './ResourceTable';
import { ListActions } from '../actions/ListActions';
import { formatCount } from '../../lib/format';
import { filterModeText, parseFilter } from '../../lib/selectors';
import { prefs } from '../../lib/storage';
import { useTitle } from '../../lib/useTitle';
import { usePaneActive } from '../clusters/clusterHealth';
import { guessEntry, type CatalogEntry } from '../navigation/catalog';
import {
  defaultSortColumn,
  displayColumns,
  filterRows,
  sortRows,
  type SortSpec,
} from './listView';
import { useResourceList } from './useResourceList';
import { usePluginColumns } from '../plugins/usePluginColumns';
import { describeProblem } from './describeProblem';
import { useKeyBindings } from '../keyboard/useKeyBindings';
import { RowShortcuts } from '../keyboard/RowShortcuts';

export interface ResourceListViewProps {
  context: string;
  gvr: GVR;
  /** "" = all namespaces. */
  namespace: string;
  /** The catalog entry of the kind, once discovery answered. */
  entry: CatalogEntry | undefined;
  /** Namespaces the user may pick (suggested when a list is forbidden). */
  knownNamespaces: readonly string[];
  onNamespace: (namespace: string) => void;
  /** A row was clicked or Enter pressed on it: open its details. */
  onOpen?: (row: Row) => void;
}

export function ResourceListView(props: ResourceListViewProps) {
  const { context, gvr, namespace, entry: known } = props;
  const entry = known ?? guessEntry(gvr);
  const query = useMemo<ListQuery>(
    () => ({ context, ...gvr, namespace: entry.namespaced ? namespace : '' }),
    [context, gvr, namespace, entry.namespaced],
  );
  // A new query starts from a clean slate (no rows of the previous list flash by).
  return <ResourceList key={JSON.stringify(query)} {...props} query={query} entry={entry} known={!!known} />;
}

interface ListProps extends ResourceListViewProps {
  query: ListQuery;
  entry: CatalogEntry;
  known: boolean;
}

/** "No pods", "No pods in team-a", "No pods in any namespace match app=web". */
function emptyTitle(t: TFunction, plural: string, namespace: string | null, selector: string): string {
  if (namespace === null) return selector ? t('resources.list.emptySelector', { plural, selector }) : t('resources.list.empty', { plural });
  if (namespace === '') {
    return selector
      ? t('resources.list.emptyAnyNamespaceSelector', { plural, selector })
      : t('resources.list.emptyAnyNamespace', { plural });
  }
  return selector
    ? t('resources.list.emptyNamespaceSelector', { plural, namespace, selector })
    : t('resources.list.emptyNamespace', { plural, namespace });
}

function ResourceList({ context, gvr, namespace, entry, known, query: baseQuery, knownNamespaces, onNamespace, onOpen }: ListProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  // Selectors go to the server, once typing pauses (or on Enter).
  const [applied, setApplied] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setApplied(filter), 400);
    return () => clearTimeout(t);
  }, [filter]);
  const mode = useMemo(() => parseFilter(applied), [applied]);
  const typedMode = useMemo(() => parseFilter(filter), [filter]);
  const query = useMemo<ListQuery>(() => {
    if (mode.mode === 'label') return { ...baseQuery, labelSelector: mode.selector };
    if (mode.mode === 'field') return { ...baseQuery, fieldSelector: mode.selector };
    return baseQuery;
  }, [baseQuery, mode]);
  const list = useResourceList(query);
  const textFilter = typedMode.mode === 'text' ? typedMode.text : '';
  const deferredFilter = useDeferredValue(textFilter);
  const active = usePaneActive();
  const [wide, setWide] = useState(prefs.wide);
  const [sort, setSort] = useState<SortSpec | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  useTitle(`${entry.label} · ${context} — Kubedeck`);

  const [highlightKey, setHighlightKey] = useState<string | null>(null);
  useKeyBindings(
    [
      {
        id: 'list.filter',
        keys: ['f'],
        label: t('keyboard.bind.filter'),
        group: 'List',
        run: () => {
          filterRef.current?.focus();
          filterRef.current?.select();
        },
      },
    ],
    active,
  );

  const firstRow = list.rows.values().next().value;
  const namespaceColumn = (namespace === '' || namespace.includes(',')) && (known ? entry.namespaced : !!firstRow?.namespace);
  const pluginColumns = usePluginColumns(query, list.columns.length, list.synced);
  const columns = useMemo(
    () => [...displayColumns(list.columns, { wide, namespaceColumn }), ...pluginColumns.columns],
    [list.columns, wide, namespaceColumn, pluginColumns.columns],
  );
  const hasWide = list.columns.some((c) => c.priority > 0);
  const defaultColumn = defaultSortColumn(columns);
  const effectiveSort = useMemo<SortSpec | null>(
    () => sort ?? (defaultColumn ? { column: defaultColumn, dir: 'asc' } : null),
    [sort, defaultColumn],
  );
  const filtered = useMemo(
    () => pluginColumns.extend(filterRows(list.rows.values(), deferredFilter)),
    [list.rows, deferredFilter, pluginColumns],
  );
  const selectorText = mode.mode === 'label' || mode.mode === 'field' ? mode.selector : '';
  const rows = useMemo(() => sortRows(filtered, columns, effectiveSort), [filtered, columns, effectiveSort]);
  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(() => new Set());
  const [selecting, setSelecting] = useState(false);
  const selectedRows = useMemo(
    () => [...selectedKeys].map((k) => list.rows.get(k)).filter((r): r is Row => r !== undefined),
    [selectedKeys, list.rows],
  );
  const selection = useMemo<RowSelection>(
    () => ({
      selected: selectedKeys,
      checkboxes: selecting || selectedKeys.size > 0,
      onToggle: (key) =>
        setSelectedKeys((prev) => {
          const next = new Set(prev);
          if (!next.delete(key)) next.add(key);
          return next;
        }),
      onToggleAll: (on) => setSelectedKeys(on ? new Set(rows.map((r) => r.key)) : new Set()),
    }),
    [selectedKeys, selecting, rows],
  );

  const onSort = useCallback(
    (column: string) =>
      setSort((prev) => {
        const cur = prev ?? effectiveSort;
        return cur?.column === column ? { column, dir: cur.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: 'asc' };
      }),
    [effectiveSort],
  );

  const total = list.rows.size;
  const hasQueryClient = useContext(QueryClientContext) !== undefined;
  const highlighted = highlightKey === null ? null : (list.rows.get(highlightKey) ?? null);
  const plural = entry.plural;
  const loading = !list.synced && list.connection !== 'failed';
  const problem = list.error ? describeProblem(list.error, entry, namespace) : null;
  const blocking = problem && list.connection !== 'live' && !list.synced && total === 0;

  const countText = blocking
    ? ''
    : loading
    ? list.loaded > 0
      ? t('resources.list.loadingCount', { count: list.loaded })
      : t('resources.list.loadingKind', { plural })
    : rows.length === total
      ? t('resources.list.count', { count: total, singular: entry.singular, plural })
      : t('resources.list.countOf', { shown: formatCount(rows.length), total: t('resources.list.count', { count: total, singular: entry.singular, plural }) });

  return (
    <section className="view" aria-labelledby="view-title">
      <header className="view-header">
        <div className="view-title-block">
          <h1 id="view-title">{entry.label}</h1>
          <span className="view-scope">
            {entry.namespaced ? (namespace ? namespace : t('resources.list.allNamespaces')) : t('resources.list.clusterScoped')}
          </span>
        </div>
        <LiveIndicator connection={list.connection} />
        <div className="view-tools">
          <span className="row-count" role="status" aria-live="polite">
            {countText}
          </span>
          <div className="filter-box">
            <FilterGlyph />
            <input
              ref={filterRef}
              type="search"
              aria-label={t('resources.filter.label')}
              placeholder={t('resources.filter.placeholder', { plural })}
              title={entry.namespaced ? t('resources.filter.titleNamespaced') : t('resources.filter.title')}
              aria-describedby={`filter-mode-${entry.plural}`}
              value={filter}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  if (filter) setFilter('');
                  else e.currentTarget.blur();
                } else if (e.key === 'Enter' && typedMode.mode !== 'text') {
                  e.preventDefault();
                  setApplied(filter);
                } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  e.currentTarget.closest('.view')?.querySelector<HTMLElement>('.rtable')?.focus();
                }
              }}
            />
            <kbd aria-hidden="true">f</kbd>
          </div>
          {filter.trim() !== '' && (
            <span
              id={`filter-mode-${entry.plural}`}
              className={`filter-mode ${typedMode.mode}`}
              role="status"
              aria-label={t('resources.filter.mode', { mode: filterModeText(t, typedMode.mode) })}
              title={typedMode.mode === 'invalid' ? typedMode.error : undefined}
            >
              {filterModeText(t, typedMode.mode)}
              {typedMode.mode === 'invalid' ? `: ${typedMode.error}` : ''}
            </span>
          )}
          <ListActions
            context={context}
            gvr={gvr}
            kind={entry.kind}
            namespace={namespace}
            selected={selectedRows}
            selecting={selection.checkboxes}
            onSelecting={(on) => {
              setSelecting(on);
              if (!on) setSelectedKeys(new Set());
            }}
            onClearSelection={() => setSelectedKeys(new Set())}
          />
          <button
            type="button"
            className="btn toggle"
            aria-pressed={wide}
            disabled={!hasWide}
            title={hasWide ? t('resources.list.wideTitle') : t('resources.list.noWide')}
            onClick={() => {
              setWide(!wide);
              prefs.setWide(!wide);
            }}
          >
            {t('resources.list.wide')}
          </button>
        </div>
      </header>

      {hasQueryClient && (
        <RowShortcuts context={context} gvr={gvr} kind={entry.kind} namespaced={entry.namespaced} row={highlighted} enabled={active} />
      )}

      {problem && !blocking && (
        <div className={`banner ${list.connection === 'failed' ? 'bad' : 'warn'}`} role="alert">
          <div>
            <strong>{list.connection === 'failed' ? problem.title : t('resources.list.reconnecting', { title: problem.title })}</strong>
            {problem.detail && problem.detail !== problem.title && <span className="banner-detail">{problem.detail}</span>}
          </div>
          <button type="button" className="btn small" onClick={list.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <div className="view-body">
        {blocking && problem ? (
          <div className="state-panel" role="alert">
            <div className={`state-icon ${problem.forbidden ? 'warn' : 'bad'}`} aria-hidden="true">
              {problem.forbidden ? '⊘' : '!'}
            </div>
            <h2>{problem.title}</h2>
            {problem.detail && <p className="state-detail">{problem.detail}</p>}
            {problem.forbidden && entry.namespaced && knownNamespaces.some((n) => n !== namespace) && (
              <div className="state-suggest">
                <p>{t('resources.list.namespacesYouCanOpen')}</p>
                <ul>
                  {knownNamespaces
                    .filter((n) => n !== namespace)
                    .slice(0, 8)
                    .map((n) => (
                      <li key={n}>
                        <button type="button" className="btn small" onClick={() => onNamespace(n)}>
                          {n}
                        </button>
                      </li>
                    ))}
                </ul>
              </div>
            )}
            <div className="state-actions">
              <button type="button" className="btn primary" onClick={list.retry}>
                {t('common.retry')}
              </button>
            </div>
            {list.connection === 'reconnecting' && <p className="state-hint">{t('resources.list.tryingAgain')}</p>}
          </div>
        ) : loading && total === 0 ? (
          <div className="loading-state" role="status" aria-label={t('resources.list.loadingLabel', { plural })}>
            <p className="loading-text">
              {list.loaded > 0 ? t('resources.list.loadingKindCount', { plural, count: list.loaded }) : t('resources.list.loadingKind', { plural })}
            </p>
            <div className="skeleton-table" aria-hidden="true">
              {Array.from({ length: 14 }, (_, i) => (
                <div key={i} className="skeleton-row" style={{ height: ROW_HEIGHT }}>
                  <span className="skeleton" style={{ width: `${30 + ((i * 53) % 35)}%` }} />
                  <span className="skeleton" style={{ width: '12%' }} />
                  <span className="skeleton" style={{ width: '8%' }} />
                  <span className="skeleton" style={{ width: '6%' }} />
                </div>
              ))}
            </div>
          </div>
        ) : list.synced && total === 0 ? (
          <div className="state-panel">
            <div className="state-icon" aria-hidden="true">
              ∅
            </div>
            <h2>
              {emptyTitle(t, plural, entry.namespaced ? namespace : null, selectorText)}
            </h2>
            <p className="state-detail">{t('resources.list.watching', { plural })}</p>
          </div>
        ) : (
          <>
            <ResourceTable
              label={entry.label}
              columns={columns}
              rows={rows}
              sort={effectiveSort}
              onSort={onSort}
              stale={list.connection === 'reconnecting' || list.connection === 'failed'}
              onActivate={onOpen}
              selection={selection}
              highlightKey={highlightKey}
              onHighlight={setHighlightKey}
            />
            {rows.length === 0 && total > 0 && (
              <div className="state-inline">
                <p>
                  {t('resources.list.noMatch', { plural, filter: deferredFilter })}
                </p>
                <button type="button" className="btn small" onClick={() => setFilter('')}>
                  {t('resources.list.clearFilter')}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
