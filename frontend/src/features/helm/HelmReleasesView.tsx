// The Helm releases of one, several or all namespaces, live from the Helm
// stream: filter (f), sortable columns, the namespaces the user may not read,
// and Install chart.
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelmRelease } from '../../api/types';
import { LiveIndicator } from '../../components/LiveIndicator';
import { FilterGlyph } from '../../components/Glyphs';
import { formatCount } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { helmReleaseRoute, navigate } from '../../router';
import { usePaneActive } from '../clusters/clusterHealth';
import { severalLabel } from '../clusters/NamespacePicker';
import { useKeyBindings } from '../keyboard/useKeyBindings';
import { rememberListNamespace, useLeftMessage } from './flash';
import { filterReleases, nextSort, sortReleases, type HelmSort } from './helmList';
import { InstallButton } from './InstallButton';
import { isRefusal, ProblemNotice } from './ProblemNotice';
import { ReleaseTable, ROW_HEIGHT } from './ReleaseTable';
import { useHelmReleases } from './useHelmReleases';
import '../common/features.css';
import './helm.css';

export interface HelmReleasesViewProps {
  context: string;
  /** "" all namespaces, "a,b" several. */
  namespace: string;
  /** Namespaces the user may pick (offered when some cannot be read). */
  knownNamespaces: readonly string[];
  onNamespace: (namespace: string) => void;
}

export function HelmReleasesView(props: HelmReleasesViewProps) {
  // Another namespace starts from a clean slate (no rows of the last one flash by).
  return <ReleasesList key={`${props.context}\u0000${props.namespace}`} {...props} />;
}

function ReleasesList({ context, namespace, knownNamespaces, onNamespace }: HelmReleasesViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const list = useHelmReleases(context, namespace);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const [sort, setSort] = useState<HelmSort>({ column: 'name', dir: 'asc' });
  const filterRef = useRef<HTMLInputElement>(null);
  const active = usePaneActive();
  const [left, dismissLeft] = useLeftMessage(context);
  useTitle(`${t('helm.title')} · ${context} — Kubedeck`);
  useEffect(() => rememberListNamespace(context, namespace), [context, namespace]);
  useKeyBindings(
    [
      {
        id: 'helm.filter',
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

  const rows = useMemo(() => sortReleases(filterReleases(list.releases.values(), deferred), sort), [list.releases, deferred, sort]);
  const total = list.releases.size;
  const where = namespace ? severalLabel(namespace) : t('helm.list.anyNamespace');
  const refused = list.problems.some(isRefusal);
  const loading = !list.synced && list.connection !== 'failed';
  const failed = !list.synced && list.connection === 'failed';
  const blockingProblem = list.synced && total === 0 && refused;
  const open = (r: HelmRelease) => navigate(helmReleaseRoute(context, r.namespace, r.name, r.driver));
  const label = namespace ? t('helm.list.labelIn', { where }) : t('helm.list.label');
  const countText = loading
    ? t('helm.list.loading')
    : failed
      ? ''
      : rows.length === total
        ? t('helm.list.count', { count: total })
        : t('helm.list.countOf', { shown: formatCount(rows.length), count: total });

  return (
    <section className="view helm-view" aria-labelledby={`${id}-title`}>
      <header className="view-header">
        <div className="view-title-block">
          <h1 id={`${id}-title`}>{t('helm.title')}</h1>
          <span className="view-scope">{namespace ? where : t('helm.list.allNamespaces')}</span>
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
              aria-label={t('helm.filter.label')}
              placeholder={t('helm.filter.placeholder')}
              title={t('helm.filter.title')}
              value={filter}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  if (filter) setFilter('');
                  else e.currentTarget.blur();
                } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                  e.preventDefault();
                  e.currentTarget.closest('.view')?.querySelector<HTMLElement>('.rtable')?.focus();
                }
              }}
            />
            <kbd aria-hidden="true">f</kbd>
          </div>
          <InstallButton context={context} namespace={namespace} knownNamespaces={knownNamespaces} />
        </div>
      </header>

      {left && (
        <div className="banner ok" role="status">
          <div>
            <strong>{left}</strong>
          </div>
          <button type="button" className="btn small" onClick={dismissLeft}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {list.error && !failed && (
        <div className={`banner ${list.connection === 'failed' ? 'bad' : 'warn'}`} role="alert">
          <div>
            <strong>{list.connection === 'failed' ? t('helm.list.stopped') : t('helm.list.reconnecting')}</strong>
            <span className="banner-detail">{list.error.message}</span>
          </div>
          <button type="button" className="btn small" onClick={list.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <ProblemNotice problems={list.problems} namespace={namespace} knownNamespaces={knownNamespaces} onNamespace={onNamespace} blocking={blockingProblem} onRetry={list.retry} />

      <div className="view-body">
        {failed ? (
          <div className="state-panel" role="alert">
            <div className="state-icon bad" aria-hidden="true">
              !
            </div>
            <h2>{t('helm.list.failed', { where })}</h2>
            {list.error && <p className="state-detail">{list.error.message}</p>}
            <div className="state-actions">
              <button type="button" className="btn primary" onClick={list.retry}>
                {t('common.retry')}
              </button>
            </div>
          </div>
        ) : loading ? (
          <div className="loading-state helm-loading">
            <p className="loading-text">{t('helm.list.loadingIn', { where })}</p>
            <progress aria-label={t('helm.list.loadingIn', { where })} />
            <div className="skeleton-table" aria-hidden="true">
              {Array.from({ length: 10 }, (_, i) => (
                <div key={i} className="skeleton-row" style={{ height: ROW_HEIGHT }}>
                  <span className="skeleton" style={{ width: `${24 + ((i * 53) % 30)}%` }} />
                  <span className="skeleton" style={{ width: '12%' }} />
                  <span className="skeleton" style={{ width: '10%' }} />
                  <span className="skeleton" style={{ width: '16%' }} />
                </div>
              ))}
            </div>
          </div>
        ) : total === 0 && !blockingProblem ? (
          <div className="state-panel">
            <div className="state-icon" aria-hidden="true">
              ∅
            </div>
            <h2>{namespace ? t('helm.list.emptyIn', { where }) : t('helm.list.empty')}</h2>
            <p className="state-detail">{t('helm.list.watching')}</p>
          </div>
        ) : (
          <>
            <ReleaseTable
              context={context}
              label={label}
              releases={rows}
              sort={sort}
              onSort={(c) => setSort((s) => nextSort(s, c))}
              onOpen={open}
              stale={list.connection === 'reconnecting' || list.connection === 'failed'}
            />
            {blockingProblem ? (
              // Nothing could be read: the notice above says why and where to go instead.
              <div className="state-inline">
                <p>{t('helm.list.nothingReadable')}</p>
              </div>
            ) : (
              rows.length === 0 && (
                <div className="state-inline">
                  <p>{t('helm.list.noMatch', { filter: deferred })}</p>
                  <button type="button" className="btn small" onClick={() => setFilter('')}>
                    {t('helm.list.clearFilter')}
                  </button>
                </div>
              )
            )}
          </>
        )}
      </div>
    </section>
  );
}
