// One Helm release: header (name, namespace, status, chart, app version,
// revision, updated), its actions, and tabs: Overview, Values, Manifest &
// objects, History. It follows the release in the live list of its
// namespace: a new revision or status reads the details again.
import { useIsFetching } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import type { HelmRef } from '../../api/types';
import { Age } from '../../components/Age';
import { LiveIndicator } from '../../components/LiveIndicator';
import { useNow } from '../../lib/useNow';
import { useTitle } from '../../lib/useTitle';
import { helmRoute, routeHash } from '../../router';
import { listNamespaceOf } from './flash';
import { chartLabel, timeOf } from './helmList';
import { HistoryTab } from './HistoryTab';
import { ObjectsTab } from './ObjectsTab';
import { OverviewTab } from './OverviewTab';
import { useHelmActionStates } from './permissions';
import { helmKey, useHelmDetails, useReleaseLive } from './queries';
import { ReleaseActions, type OpenDialog } from './ReleaseActions';
import { releaseTab, ReleaseTabs, type ReleaseTab } from './ReleaseTabs';
import { StatusBadge } from './StatusBadge';
import { ValuesTab } from './ValuesTab';
import '../common/features.css';
import './helm.css';

export interface HelmReleaseViewProps {
  context: string;
  namespace: string;
  name: string;
  /** "secret" (or "") or "configmap". */
  driver: string;
  /** The section to open first (?tab=). */
  tab?: string;
}

export function HelmReleaseView({ context, namespace, name, driver, tab: wanted }: HelmReleaseViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const listed = useMemo<HelmRef>(() => ({ namespace, name, driver: driver || 'secret' }), [namespace, name, driver]);
  const live = useReleaseLive(context, listed);
  // A link without the driver (typed, or shared) learns it from the live list.
  const effectiveDriver = driver || live.row?.driver || 'secret';
  const helmRef = useMemo<HelmRef>(() => ({ namespace, name, driver: effectiveDriver }), [namespace, name, effectiveDriver]);
  const details = useHelmDetails(context, helmRef);
  const states = useHelmActionStates(context, namespace, helmRef.driver);
  const fetching = useIsFetching({ queryKey: helmKey(context, helmRef) }) > 0;
  const [tab, setTab] = useState<ReleaseTab>(() => releaseTab(wanted));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const now = useNow(5000);
  useTitle(`${name} · ${t('helm.release.kind')} · ${context} — Kubedeck`);

  // The live row is fresher than the details read a moment ago.
  const row = live.row ?? details.data?.release;
  const back = routeHash(helmRoute(context, listNamespaceOf(context, namespace)));
  const updated = row ? timeOf(row.updated) : Number.NaN;

  let body;
  if (live.gone) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon warn" aria-hidden="true">
          ∅
        </div>
        <h2>{t('helm.release.gone', { name })}</h2>
        <p className="state-detail">
          {t('helm.release.goneDetail', { name, namespace })} <a href={back}>{t('helm.release.back')}</a>
        </p>
      </div>
    );
  } else if (details.isError && !details.data) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon bad" aria-hidden="true">
          !
        </div>
        <h2>{t('helm.release.loadError', { name })}</h2>
        <p className="state-detail">{errorMessage(details.error)}</p>
        <div className="state-actions">
          <button type="button" className="btn primary" onClick={() => void details.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  } else if (!details.data) {
    body = (
      <div className="helm-loading" role="status">
        <p className="loading-text">{t('helm.release.loading', { name })}</p>
        <progress aria-label={t('helm.release.loading', { name })} />
      </div>
    );
  } else {
    const d = details.data;
    body = (
      <>
        <ReleaseTabs id={id} tab={tab} onTab={setTab} />
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="details-panel">
          {tab === 'overview' ? (
            <OverviewTab details={d} />
          ) : tab === 'values' ? (
            <ValuesTab details={d} />
          ) : tab === 'objects' ? (
            <ObjectsTab context={context} helmRef={helmRef} details={d} />
          ) : (
            <HistoryTab
              key={d.release.revision}
              context={context}
              helmRef={helmRef}
              details={d}
              rollback={states.rollback}
              onRollback={(revision) => {
                setMessage(null);
                setDialog({ t: 'rollback', revision });
              }}
            />
          )}
        </div>
      </>
    );
  }

  return (
    <section className="view details helm-release" aria-labelledby={`${id}-title`}>
      <header className="view-header details-header">
        <div className="view-title-block">
          <a className="crumb" href={back}>
            {t('helm.title')}
          </a>
          <span className="kind-badge">{t('helm.release.kind')}</span>
          <h1 id={`${id}-title`}>{name}</h1>
          <span className="view-scope">{t('helm.release.inNamespace', { namespace })}</span>
        </div>
        {row && (
          <dl className="header-facts">
            <dt>{t('helm.column.status')}</dt>
            <dd>
              <StatusBadge status={row.status} />
            </dd>
            <dt>{t('helm.column.chart')}</dt>
            <dd>{chartLabel(row)}</dd>
            <dt>{t('helm.column.appVersion')}</dt>
            <dd>{row.appVersion || '—'}</dd>
            <dt>{t('helm.column.revision')}</dt>
            <dd>{row.revision}</dd>
            <dt>{t('helm.column.updated')}</dt>
            <dd>
              <Age created={Number.isNaN(updated) ? undefined : row.updated} now={now} />
            </dd>
          </dl>
        )}
        {!live.gone && <LiveIndicator connection={live.connection} />}
        {!live.gone && (
          <ReleaseActions
            context={context}
            helmRef={helmRef}
            details={details.data}
            states={states}
            dialog={dialog}
            onDialog={setDialog}
            onMessage={setMessage}
            refreshing={fetching}
          />
        )}
      </header>
      {message && (
        <p className={`op-message ${message.bad ? 'bad' : 'ok'} helm-message`} role={message.bad ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {details.data && details.isError && (
        <div className="banner warn" role="alert">
          <div>
            <strong>{t('helm.release.stale', { error: errorMessage(details.error) })}</strong>
          </div>
        </div>
      )}
      <div className="details-body">{body}</div>
    </section>
  );
}
