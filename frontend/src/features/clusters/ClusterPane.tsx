// One open cluster: its bar (namespace, status, read-only), a sign-in screen
// or unreachable notice when it needs one, else the sidebar and the view.
// Panes of other open clusters stay mounted but hidden, so switching back is
// instant and keeps their rows.
import { t } from '../../i18n';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, transport } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ContextInfo, GVR, Preferences, SignInResult } from '../../api/types';
import { ClusterMenu, ReadOnlyLock } from './ClusterMenu';
import { paneId, tabId } from './ClusterTabs';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { NamespacePicker } from './NamespacePicker';
import { Sidebar } from '../navigation/Sidebar';
import { apiResourcesStream } from '../../api/snapshots';
import { clockTime, signedInText, storageText, troubleReason } from '../../lib/clusterText';
import { isAppAdded, isReadOnly, rememberLocation, setReadOnly } from '../../lib/location';
import { useTitle } from '../../lib/useTitle';
import { DEFAULT_GVR, detailsRoute, helmRoute, listRoute, navigate, type Route } from '../../router';
import { buildCatalog, findEntry } from '../navigation/catalog';
import { lastLiveAt, onTrouble, PaneActiveContext, StreamEpochContext } from './clusterHealth';
import { clusterKeys, queryKeys, useAPIResources, useClusterStatus, useNamespaces } from '../../api/queries';
import { useSnapshotStream } from './useSnapshotStream';
import { Dock } from '../terminal/Dock';
import { LeftoverPods } from '../debug/LeftoverPods';
import { PluginActions } from '../plugins/PluginActions';
import { PluginPage } from '../plugins/PluginPage';
import { PluginsPage } from '../plugins/PluginsPage';
import { DetailsView } from '../details/DetailsView';
import { OverviewView } from '../overview/OverviewView';
import { AccessView } from '../access/AccessView';
import { HelmReleasePage, HelmReleasesPage } from '../helm/lazy';
import { ResourceListView } from '../resources/ResourceListView';
import { SignInScreen } from './SignIn';

export interface ClusterPaneProps {
  context: string;
  /** The route this pane shows (the live one when active, the last one when hidden). */
  route: Route;
  info: ContextInfo | undefined;
  /** It was in the kubeconfig earlier in this session. */
  wasKnown: boolean;
  active: boolean;
  prefs: Preferences | undefined;
  /** Where to go when this context is gone. */
  fallbackContext: string;
  onRemoved: () => void;
}

function routeNamespace(route: Route, fallback: string): string {
  return route.name === 'list' || route.name === 'details' || route.name === 'helm' || route.name === 'helmRelease' ? route.namespace : fallback;
}

export function ClusterPane(props: ClusterPaneProps) {
  const { context, info, active } = props;
  return (
    <PaneActiveContext.Provider value={active}>
      <div className="pane" id={paneId(context)} role="tabpanel" aria-labelledby={tabId(context)} hidden={!active}>
        {info ? <KnownPane {...props} info={info} /> : <GonePane {...props} />}
      </div>
    </PaneActiveContext.Provider>
  );
}

function GonePane({ context, wasKnown, fallbackContext }: ClusterPaneProps) {
  useTitle(wasKnown ? t('clusters.pane.removedTitle') : t('clusters.pane.unknownTitle'));
  return (
    <div className="state-panel" role="alert">
      <div className="state-icon warn" aria-hidden="true">
        ?
      </div>
      <h2>
        {wasKnown ? t('clusters.pane.removed') : t('clusters.pane.unknown', { context })}
      </h2>
      <p className="state-detail">
        {wasKnown ? t('clusters.pane.removedDetail', { context }) : t('clusters.pane.unknownDetail')}
      </p>
      {fallbackContext && (
        <p>
          <a href={`#/c/${encodeURIComponent(fallbackContext)}`}>{t('clusters.pane.switchTo', { context: fallbackContext })}</a>
        </p>
      )}
    </div>
  );
}

function KnownPane({ context, route, info, active, prefs, onRemoved }: ClusterPaneProps & { info: ContextInfo }) {
  const client = useQueryClient();
  const status = useClusterStatus(context);
  const [epoch, setEpoch] = useState(0);
  const [signedIn, setSignedIn] = useState<SignInResult | null>(null);
  const [readOnly, setRO] = useState(() => isReadOnly(context, prefs));
  const [actionError, setActionError] = useState<string | null>(null);
  const [troubleAt, setTroubleAt] = useState<number | null>(null);
  const everReady = useRef(false);
  const [showSignIn, setShowSignIn] = useState(false);
  const [shownAt] = useState(() => Date.now());

  const state = status.data?.state;
  const ready = state === 'ready';
  if (ready) everReady.current = true;
  const trouble = state !== undefined && !ready;

  useEffect(() => setRO(isReadOnly(context, prefs)), [context, prefs]);

  // Streams that fail with 401 or no answer ask for a fresh status (at most every 3 s).
  useEffect(() => {
    let last = 0;
    return onTrouble((c) => {
      if (c !== context || Date.now() - last < 3000) return;
      last = Date.now();
      void client.invalidateQueries({ queryKey: clusterKeys.status(context) });
    });
  }, [client, context]);

  const refetchStatus = status.refetch;
  // Trouble: note when; while unreachable, check again every 10 s.
  useEffect(() => {
    if (!trouble) {
      setTroubleAt(null);
      return;
    }
    setTroubleAt((t) => t ?? Date.now());
    if (state === 'signed-out') return;
    const t = setInterval(() => void refetchStatus(), 10_000);
    return () => clearInterval(t);
  }, [trouble, state, refetchStatus]);

  // Back to ready after trouble: restart every stream.
  const wasTrouble = useRef(false);
  useEffect(() => {
    if (trouble) wasTrouble.current = true;
    else if (ready && wasTrouble.current) {
      wasTrouble.current = false;
      setEpoch((n) => n + 1);
    }
  }, [trouble, ready]);

  const invalidateCluster = useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.namespaces(context) });
    void client.invalidateQueries({ queryKey: queryKeys.apiResources(context) });
    void client.invalidateQueries({ queryKey: queryKeys.clusterInfo(context) });
  }, [client, context]);

  const retry = useCallback(() => {
    void status.refetch();
    invalidateCluster();
    setEpoch((n) => n + 1);
  }, [status, invalidateCluster]);

  const onSignedIn = (r: SignInResult) => {
    setSignedIn(r);
    setShowSignIn(false);
    void client.invalidateQueries({ queryKey: clusterKeys.status(context) });
    invalidateCluster();
    setEpoch((n) => n + 1);
  };

  const signOut = async () => {
    setActionError(null);
    try {
      const s = await api.SignOut(context);
      setSignedIn(null);
      everReady.current = false;
      client.setQueryData(clusterKeys.status(context), s);
      invalidateCluster();
    } catch (e) {
      setActionError(t('clusters.pane.signOutError', { error: errorMessage(e) }));
    }
  };

  const toggleReadOnly = async (on: boolean) => {
    setRO(on);
    try {
      const p = await setReadOnly(context, on);
      if (p) client.setQueryData(clusterKeys.preferences, p);
    } catch (e) {
      setActionError(t('clusters.pane.readOnlyError', { error: errorMessage(e) }));
    }
  };

  const remove = async () => {
    setActionError(null);
    try {
      const list = await api.RemoveCluster(context);
      client.setQueryData(queryKeys.contexts, list);
      onRemoved();
    } catch (e) {
      setActionError(t('clusters.pane.removeError', { error: errorMessage(e) }));
    }
  };

  // Before the first ready status, a cluster in trouble shows what to do instead of the view.
  const blocking = trouble && (!everReady.current || showSignIn);
  const canLoad = !blocking;
  const namespaces = useNamespaces(canLoad ? context : null);
  const resources = useAPIResources(canLoad ? context : null);
  useSnapshotStream(active && canLoad && resources.isSuccess ? apiResourcesStream(context) : null, queryKeys.apiResources(context));
  const sections = useMemo(() => buildCatalog(resources.data?.resources ?? []), [resources.data]);

  const remembered = prefs?.contexts?.[context]?.namespace ?? '';
  const namespace = routeNamespace(route, remembered);
  const gvr: GVR = route.name === 'list' || route.name === 'details' ? route.gvr : DEFAULT_GVR;
  const entry = findEntry(sections, gvr);

  useEffect(() => {
    if (!active || route.name !== 'list') return;
    void rememberLocation(context, route.namespace).then((p) => {
      // The desktop keeps them on disk: keep the cached copy in step.
      if (p && transport() === 'desktop') client.setQueryData(clusterKeys.preferences, p);
    });
  }, [active, route, context, client]);

  // Users who may not list namespaces cannot list "all namespaces" either: open theirs.
  const restrictedTo = namespaces.data?.restricted ? namespaces.data.namespaces[0] : undefined;
  useEffect(() => {
    if (active && route.name === 'list' && route.namespace === '' && restrictedTo) {
      navigate(listRoute(context, route.gvr, restrictedTo), { replace: true });
    }
  }, [active, route, restrictedTo, context]);

  const goNamespace = (ns: string) => {
    // On the Helm pages the namespace picker picks the releases' namespaces.
    if (route.name === 'helm' || route.name === 'helmRelease') return navigate(helmRoute(context, ns));
    navigate(listRoute(context, route.name === 'list' || route.name === 'details' ? gvr : DEFAULT_GVR, ns));
  };

  const addNamespace = async (ns: string) => {
    try {
      const list = await api.AddNamespace(context, ns);
      client.setQueryData(queryKeys.namespaces(context), list);
    } catch (e) {
      setActionError(t('clusters.pane.addNamespaceError', { error: errorMessage(e) }));
    }
    goNamespace(ns);
  };

  const liveAt = lastLiveAt(context) ?? troubleAt ?? shownAt;

  return (
    <StreamEpochContext.Provider value={epoch}>
      <div className="clusterbar">
        <NamespacePicker
          namespace={namespace}
          list={namespaces.data}
          loading={namespaces.isPending && canLoad}
          error={namespaces.isError ? errorMessage(namespaces.error) : null}
          clusterScoped={route.name === 'overview' || route.name === 'access' || (entry ? !entry.namespaced : false)}
          onSelect={goNamespace}
          onAdd={(ns) => void addNamespace(ns)}
        />
        <div className="topbar-spacer" />
        {!blocking && <PluginActions context={context} namespace={namespace} />}
        {readOnly && <ReadOnlyLock />}
        <ClusterMenu
          context={context}
          status={status.data}
          checking={status.isFetching}
          readOnly={readOnly}
          removable={isAppAdded(info.source)}
          onRetry={retry}
          onSignOut={() => void signOut()}
          onReadOnly={(on) => void toggleReadOnly(on)}
          onRemove={() => void remove()}
        />
      </div>
      {actionError && (
        <div className="banner bad" role="alert">
          <div>
            <strong>{actionError}</strong>
          </div>
          <button type="button" className="btn small" onClick={() => setActionError(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {signedIn && ready && (
        <div className="banner ok" role="status">
          <div>
            <strong>{signedInText(signedIn)}</strong>
            <span className="banner-detail">{storageText(signedIn.storage)}</span>
          </div>
          <button type="button" className="btn small" onClick={() => setSignedIn(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {trouble && !blocking && status.data && (
        <div className="banner warn stale-banner" role="alert">
          <div>
            <strong>
              {t('clusters.pane.stale', { time: clockTime(liveAt), reason: troubleReason(status.data) })}
            </strong>
          </div>
          <button type="button" className="btn small" onClick={retry}>
            {t('common.retry')}
          </button>
          {state === 'signed-out' && (
            <button type="button" className="btn small" onClick={() => setShowSignIn(true)}>
              {t('clusters.signIn.submit')}
            </button>
          )}
        </div>
      )}
      {!blocking && <LeftoverPods context={context} ready={ready} />}
      {blocking && status.data ? (
        state === 'signed-out' ? (
          <div className="pane-body">
            <SignInScreen status={status.data} onSignedIn={onSignedIn} />
          </div>
        ) : (
          <div className="pane-body">
            <Unreachable context={context} message={status.data.message ?? ''} title={unreachableTitle(state, context)} checking={status.isFetching} onRetry={retry} />
          </div>
        )
      ) : (
        <div className="main">
          <Sidebar
            context={context}
            namespace={namespace}
            sections={sections}
            active={route.name === 'list' || route.name === 'details' ? gvr : null}
            loading={resources.isPending && canLoad}
            error={resources.isError ? errorMessage(resources.error) : null}
            partial={resources.data?.partial ?? []}
            overviewActive={route.name === 'overview'}
            accessActive={route.name === 'access'}
            helmActive={route.name === 'helm' || route.name === 'helmRelease'}
            pluginRoute={route.name === 'plugin' ? { plugin: route.plugin, path: route.path } : null}
            pluginsPageActive={route.name === 'plugins'}
          />
          <main className="content">
            <ErrorBoundary key={JSON.stringify(route)} what="this view">
              {route.name === 'list' ? (
                <ResourceListView
                  context={context}
                  gvr={route.gvr}
                  namespace={route.namespace}
                  entry={entry}
                  knownNamespaces={namespaces.data?.namespaces ?? []}
                  onNamespace={(ns) => navigate(listRoute(context, route.gvr, ns))}
                  onOpen={(row) =>
                    navigate(detailsRoute(context, route.gvr, row.namespace ?? '', row.name))
                  }
                />
              ) : route.name === 'details' ? (
                <DetailsView
                  context={context}
                  gvr={route.gvr}
                  namespace={route.namespace}
                  name={route.objectName}
                  {...(route.tab ? { tab: route.tab } : {})}
                  entry={entry}
                  sections={sections}
                />
              ) : route.name === 'overview' ? (
                <OverviewView context={context} />
              ) : route.name === 'helm' ? (
                <HelmReleasesPage
                  context={context}
                  namespace={route.namespace}
                  knownNamespaces={namespaces.data?.namespaces ?? []}
                  onNamespace={(ns) => navigate(helmRoute(context, ns))}
                />
              ) : route.name === 'helmRelease' ? (
                <HelmReleasePage
                  context={context}
                  namespace={route.namespace}
                  name={route.release}
                  driver={route.driver ?? ''}
                  {...(route.tab ? { tab: route.tab } : {})}
                />
              ) : route.name === 'access' ? (
                <AccessView context={context} defaultNamespace={accessNamespace(remembered, info.namespace)} />
              ) : route.name === 'plugins' ? (
                <PluginsPage context={context} />
              ) : route.name === 'plugin' ? (
                <PluginPage context={context} namespace={namespace} plugin={route.plugin} path={route.path} />
              ) : null}
            </ErrorBoundary>
          </main>
        </div>
      )}
      {!blocking && <Dock context={context} active={active} />}
    </StreamEpochContext.Provider>
  );
}

/** The Access page starts in the namespace lists remember (the first of several), else the kubeconfig's. */
function accessNamespace(remembered: string, kubeconfig: string): string {
  return remembered.split(',')[0] || kubeconfig;
}

/** "Cannot reach prod", "Signed out of prod". */
function unreachableTitle(state: string | undefined, context: string): string {
  switch (state) {
    case 'misconfigured': return t('clusters.pane.misconfigured', { context });
    case 'signed-out': return t('clusters.pane.signedOut', { context });
    default: return t('clusters.pane.unreachable', { context });
  }
}

function Unreachable({ message, title, checking, onRetry }: {
  context: string;
  message: string;
  title: string;
  checking: boolean;
  onRetry: () => void;
}) {
  useTitle(`${title} — Kubedeck`);
  return (
    <div className="state-panel" role="alert">
      <div className="state-icon bad" aria-hidden="true">
        !
      </div>
      <h2>{title}</h2>
      {message && <p className="state-detail">{message}</p>}
      <div className="state-actions">
        <button type="button" className="btn primary" onClick={onRetry} disabled={checking}>
          {checking ? t('clusters.state.checking') : t('common.retry')}
        </button>
      </div>
      <p className="state-hint">{t('clusters.pane.othersWork')}</p>
    </div>
  );
}
