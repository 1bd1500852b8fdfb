import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { errorMessage, isSessionExpired, onSessionExpired } from './api/errors';
import type { ContextList, GVR } from './api/types';
import { ClusterBadge } from './components/ClusterBadge';
import { ContextSwitcher } from './components/ContextSwitcher';
import { ErrorBoundary } from './components/ErrorBoundary';
import { KubeconfigBanner } from './components/KubeconfigBanner';
import { Logo } from './components/Logo';
import { NamespacePicker } from './components/NamespacePicker';
import { Sidebar } from './components/Sidebar';
import { ThemeToggle } from './components/ThemeToggle';
import { prefs } from './lib/storage';
import { DEFAULT_GVR, listRoute, navigate, useRoute, type Route } from './router';
import { buildCatalog, findEntry, isBuiltinGroup } from './state/catalog';
import { apiResourcesStream, contextsStream } from './api/snapshots';
import { queryKeys, useAPIResources, useContexts, useNamespaces } from './state/queries';
import { useSnapshotStream } from './state/useSnapshotStream';
import { BackendUnavailable, NoKubeconfig, SessionExpired, Starting } from './views/GlobalStates';
import { ResourceListView } from './views/ResourceListView';

function useSessionExpired(): boolean {
  return useSyncExternalStore(onSessionExpired, isSessionExpired, () => false);
}

export function App() {
  const expired = useSessionExpired();
  const contexts = useContexts();
  const route = useRoute();
  // Kubeconfig files are watched by the backend: follow the context list live.
  useSnapshotStream(contexts.isSuccess && !expired ? contextsStream() : null, queryKeys.contexts);
  if (expired) return <SessionExpired />;
  if (contexts.isPending) return <Starting />;
  if (contexts.isError) {
    return <BackendUnavailable message={errorMessage(contexts.error)} onRetry={() => void contexts.refetch()} />;
  }
  if (contexts.data.contexts.length === 0) {
    return <NoKubeconfig files={contexts.data.files} onRetry={() => void contexts.refetch()} />;
  }
  return <Shell route={route} data={contexts.data} />;
}

/** The context to open when the URL names none: the last used, kubeconfig's current, the first. */
export function pickContext(data: ContextList): string {
  const names = new Set(data.contexts.map((c) => c.name));
  const last = prefs.lastContext();
  if (last && names.has(last)) return last;
  if (data.current && names.has(data.current)) return data.current;
  return data.contexts[0]?.name ?? '';
}

function rememberedNamespace(context: string): string {
  return prefs.namespaceOf(context) ?? '';
}

function Shell({ route, data }: { route: Route; data: ContextList }) {
  // Fill in what the URL leaves out.
  useEffect(() => {
    if (route.name === 'home' || route.name === 'notFound') {
      const ctx = pickContext(data);
      navigate(listRoute(ctx, DEFAULT_GVR, rememberedNamespace(ctx)), { replace: true });
    } else if (route.name === 'context') {
      navigate(listRoute(route.context, DEFAULT_GVR, rememberedNamespace(route.context)), { replace: true });
    }
  }, [route, data]);

  if (route.name !== 'list') return <Starting />;
  return <ContextShell context={route.context} gvr={route.gvr} namespace={route.namespace} data={data} />;
}

function ContextShell({
  context,
  gvr,
  namespace,
  data,
}: {
  context: string;
  gvr: GVR;
  namespace: string;
  data: ContextList;
}) {
  const info = data.contexts.find((c) => c.name === context);
  const known = info !== undefined;
  const namespaces = useNamespaces(known ? context : null);
  const resources = useAPIResources(known ? context : null);
  // New CRDs appear in the sidebar as they are installed.
  useSnapshotStream(known && resources.isSuccess ? apiResourcesStream(context) : null, queryKeys.apiResources(context));
  const sections = useMemo(() => buildCatalog(resources.data?.resources ?? []), [resources.data]);
  const entry = findEntry(sections, gvr);

  useEffect(() => {
    if (!known) return;
    prefs.setLastContext(context);
    prefs.setNamespaceOf(context, namespace);
  }, [known, context, namespace]);

  // Users who may not list namespaces cannot list "all namespaces" either:
  // open the namespace they are known to have.
  const restrictedTo = namespaces.data?.restricted ? namespaces.data.namespaces[0] : undefined;
  useEffect(() => {
    if (namespace === '' && restrictedTo) navigate(listRoute(context, gvr, restrictedTo), { replace: true });
  }, [namespace, restrictedTo, context, gvr]);

  const switchContext = (ctx: string) => {
    // Stay on the same kind when it is a built-in one; custom kinds may not exist elsewhere.
    const target = isBuiltinGroup(gvr.group) ? gvr : DEFAULT_GVR;
    navigate(listRoute(ctx, target, rememberedNamespace(ctx)));
  };

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/" aria-label="Kubedeck home">
          <Logo />
          <span>Kubedeck</span>
        </a>
        <ContextSwitcher contexts={data.contexts} current={context} files={data.files} onSelect={switchContext} />
        <span className="topbar-sep" aria-hidden="true">
          /
        </span>
        <NamespacePicker
          namespace={namespace}
          list={namespaces.data}
          loading={namespaces.isPending && known}
          error={namespaces.isError ? errorMessage(namespaces.error) : null}
          clusterScoped={entry ? !entry.namespaced : false}
          onSelect={(ns) => navigate(listRoute(context, gvr, ns))}
        />
        <div className="topbar-spacer" />
        {known && <ClusterBadge context={context} />}
        <ThemeToggle />
      </header>
      <KubeconfigBanner files={data.files} />
      <div className="main">
        <Sidebar
          context={context}
          namespace={namespace}
          sections={sections}
          active={gvr}
          loading={known && resources.isPending}
          error={resources.isError ? errorMessage(resources.error) : null}
          partial={resources.data?.partial ?? []}
        />
        <main className="content">
          <ErrorBoundary key={`${context}|${gvr.group}|${gvr.resource}|${namespace}`} what="this view">
            {known ? (
              <ResourceListView
                context={context}
                gvr={gvr}
                namespace={namespace}
                entry={entry}
                knownNamespaces={namespaces.data?.namespaces ?? []}
                onNamespace={(ns) => navigate(listRoute(context, gvr, ns))}
              />
            ) : (
              <UnknownContext name={context} />
            )}
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

function UnknownContext({ name }: { name: string }) {
  useEffect(() => {
    document.title = `Unknown context — Kubedeck`;
  }, []);
  return (
    <div className="state-panel" role="alert">
      <div className="state-icon warn" aria-hidden="true">
        ?
      </div>
      <h2>There is no context “{name}” in your kubeconfig</h2>
      <p className="state-detail">
        It may have been renamed or removed, or the link comes from another machine. Pick a context with the switcher
        above.
      </p>
    </div>
  );
}
