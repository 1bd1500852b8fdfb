// One object, live: header (kind, name, namespace, age, status, actions) and
// tabs: Summary, Events, YAML, and per kind Logs, Terminal, Port-forward.
// The tabs' contents live in ./details and the features.
import { useTranslation } from 'react-i18next';
import { Fragment, useId, useMemo, useState, type ReactNode } from 'react';
import type { GVR } from '../../api/types';
import { EmbeddedList } from '../resources/EmbeddedList';
import { LiveIndicator } from '../../components/LiveIndicator';
import { ObjectActions } from '../actions/ObjectActions';
import { ObjectTabPanel, objectTabs, type ObjectTab } from '../logs/objectTabs';
import { formatAge } from '../../lib/age';
import { useNow } from '../../lib/useNow';
import { useTitle } from '../../lib/useTitle';
import { listRoute, routeHash } from '../../router';
import { guessEntry, type CatalogEntry, type CatalogSection } from '../navigation/catalog';
import { meta, objectStatus, str } from './summaries';
import { useObjectStream } from './useObjectStream';
import { Summary } from './Summary';
import { YamlTab } from './YamlTab';

export interface DetailsViewProps {
  context: string;
  gvr: GVR;
  namespace: string;
  name: string;
  entry: CatalogEntry | undefined;
  sections: readonly CatalogSection[];
  /** The section to open first ("yaml", "logs"…; the summary when the kind has no such tab). */
  tab?: string;
}

const EVENTS: GVR = { group: '', version: 'v1', resource: 'events' };

type Tab = 'summary' | 'events' | 'yaml' | ObjectTab;

const TABS: readonly string[] = ['summary', 'events', 'yaml', 'logs', 'terminal', 'ports'];

function firstTab(wanted: string | undefined): Tab {
  return wanted && TABS.includes(wanted) ? (wanted as Tab) : 'summary';
}

export function DetailsView(props: DetailsViewProps) {
  const { context, gvr, namespace, name } = props;
  const entry = props.entry ?? guessEntry(gvr);
  const q = useMemo(() => ({ context, ...gvr, namespace: entry.namespaced ? namespace : '', name }), [context, gvr, namespace, name, entry.namespaced]);
  const s = useObjectStream(q);
  const { t } = useTranslation();
  const [chosen, setTab] = useState<Tab>(() => firstTab(props.tab));
  const id = useId();
  const now = useNow(5000);
  const kind = str(s.object?.kind) || entry.kind;
  useTitle(`${name} · ${kind} · ${context} — Kubedeck`);

  const m = s.object ? meta(s.object) : null;
  const status = s.object ? objectStatus(kind, s.object, t) : '';
  const back = routeHash(listRoute(context, gvr, namespace));
  const extraTabs = objectTabs(kind);
  // A section this kind does not have (a link's ?tab=) shows the summary.
  const tab: Tab = chosen === 'summary' || chosen === 'events' || chosen === 'yaml' || extraTabs.some((x) => x.id === chosen) ? chosen : 'summary';
  const extraTab = extraTabs.find((x) => x.id === tab)?.id;

  const tabButton = (which: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-tab-${which}`}
      aria-selected={tab === which}
      aria-controls={`${id}-panel`}
      tabIndex={tab === which ? 0 : -1}
      onClick={() => setTab(which)}
      onKeyDown={(e) => {
        const order: Tab[] = ['summary', 'events', 'yaml', ...extraTabs.map((x) => x.id)];
        const i = order.indexOf(which);
        const n = order.length;
        const next = e.key === 'ArrowRight' ? order[(i + 1) % n] : e.key === 'ArrowLeft' ? order[(i + n - 1) % n] : undefined;
        if (next) {
          e.preventDefault();
          setTab(next);
          document.getElementById(`${id}-tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  let body: ReactNode;
  if (s.deleted) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon warn" aria-hidden="true">
          ∅
        </div>
        <h2>{t('details.deleted')}</h2>
        <p className="state-detail">
          {namespace ? t('details.goneNamespace', { kind, name, namespace }) : t('details.gone', { kind, name })}{' '}
          <a href={back}>{t('details.back', { label: entry.label })}</a>
        </p>
      </div>
    );
  } else if (!s.object && s.error) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon bad" aria-hidden="true">
          !
        </div>
        <h2>{s.error.status === 404 ? t('details.notFound', { kind, name }) : t('details.loadError', { kind, name })}</h2>
        <p className="state-detail">{s.error.message}</p>
      </div>
    );
  } else if (!s.object) {
    body = (
      <p className="loading-text" role="status">
        {t('details.loading', { kind, name })}
      </p>
    );
  } else {
    body = (
      <>
        <div className="details-tabs" role="tablist" aria-label={t('details.sections')}>
          {tabButton('summary', t('details.tabs.summary'))}
          {tabButton('events', t('details.tabs.events'))}
          {tabButton('yaml', t('details.tabs.yaml'))}
          {extraTabs.map((x) => (
            <Fragment key={x.id}>{tabButton(x.id, x.label)}</Fragment>
          ))}
        </div>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="details-panel">
          {extraTab ? (
            <ObjectTabPanel tab={extraTab} context={context} kind={kind} object={s.object} />
          ) : tab === 'summary' ? (
            <Summary context={context} gvr={gvr} sections={props.sections} kind={kind} object={s.object} />
          ) : tab === 'events' ? (
            <EmbeddedList
              context={context}
              gvr={EVENTS}
              namespace={m?.namespace ?? ''}
              fieldSelector={`involvedObject.uid=${m?.uid ?? ''}`}
              label={t('details.tabs.events')}
              singular="event"
              plural="events"
              sortBy={{ column: 'Last Seen', dir: 'asc' }}
            />
          ) : (
            <YamlTab
              yaml={s.yaml}
              context={context}
              target={{ ...gvr, namespace: entry.namespaced ? namespace : '', name }}
            />
          )}
        </div>
      </>
    );
  }

  return (
    <section className="view details" aria-labelledby={`${id}-title`}>
      <header className="view-header details-header">
        <div className="view-title-block">
          <a className="crumb" href={back}>
            {entry.label}
          </a>
          <span className="kind-badge">{kind}</span>
          <h1 id={`${id}-title`}>{name}</h1>
          {m?.namespace && <span className="view-scope">{t('details.inNamespace', { namespace: m.namespace })}</span>}
        </div>
        {m && (
          <dl className="header-facts">
            <dt>{t('details.age')}</dt>
            <dd>{formatAge(m.created, now)}</dd>
            {status && (
              <>
                <dt>{t('details.status')}</dt>
                <dd className="details-status">{status}</dd>
              </>
            )}
          </dl>
        )}
        {!s.deleted && <LiveIndicator connection={s.connection} />}
        {s.object && !s.deleted && (
          <ObjectActions context={context} gvr={gvr} kind={kind} namespace={entry.namespaced ? namespace : ''} name={name} object={s.object} yaml={s.yaml} />
        )}
      </header>
      {s.object && s.error && !s.deleted && (
        <div className="banner warn" role="alert">
          <div>
            <strong>{t('details.notLive', { error: s.error.message })}</strong>
          </div>
        </div>
      )}
      <div className="details-body">{body}</div>
    </section>
  );
}
