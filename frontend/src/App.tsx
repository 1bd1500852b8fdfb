import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { errorMessage, isSessionExpired, onSessionExpired } from './api/errors';
import type { ContextList, Preferences } from './api/types';
import { AddClusterDialog } from './features/clusters/AddClusterDialog';
import { ClusterTabs } from './features/clusters/ClusterTabs';
import { ContextSwitcher } from './features/clusters/ContextSwitcher';
import { KubeconfigBanner } from './features/clusters/KubeconfigBanner';
import { Logo } from './components/Logo';
import { SignOutButton } from './features/clusters/SignOutButton';
import { ThemeToggle } from './components/ThemeToggle';
import { LanguagePicker } from './i18n/LanguagePicker';
import { useTranslation } from 'react-i18next';
import { pickContext, rememberedNamespace } from './lib/location';
import { DEFAULT_GVR, helmRoute, isBuiltinGroupRoute, listRoute, navigate, routeContext, useRoute, type Route } from './router';
import { listNamespaceOf } from './features/helm/flash';
import { contextsStream } from './api/snapshots';
import { mountedClusters, useOpenClusters } from './features/clusters/openClusters';
import { queryKeys, useContexts, usePreferences } from './api/queries';
import { useSnapshotStream } from './features/clusters/useSnapshotStream';
import { ClusterPane } from './features/clusters/ClusterPane';
import { usePluginHost } from './features/plugins/host';
import { BackendUnavailable, NoKubeconfig, SessionExpired, Starting } from './features/clusters/GlobalStates';
import { SearchDialog } from './features/search/SearchDialog';
import { CommandBar } from './features/keyboard/CommandBar';
import { KeyNoticeBar } from './features/keyboard/KeyNoticeBar';
import { ShortcutsDialog } from './features/keyboard/ShortcutsDialog';
import { announce } from './features/keyboard/notice';
import { keymap } from './features/keyboard/keymap';
import { commandTarget } from './features/keyboard/runCommand';
import type { Command } from './features/keyboard/commands';
import { useKeyBindings } from './features/keyboard/useKeyBindings';

export { pickContext } from './lib/location';

function useSessionExpired(): boolean {
  return useSyncExternalStore(onSessionExpired, isSessionExpired, () => false);
}

export function App() {
  const expired = useSessionExpired();
  const contexts = useContexts();
  const prefs = usePreferences();
  const route = useRoute();
  usePluginHost();
  // Kubeconfig files are watched by the backend: follow the context list live.
  useSnapshotStream(contexts.isSuccess && !expired ? contextsStream() : null, queryKeys.contexts);
  if (expired) return <SessionExpired />;
  if (contexts.isPending || prefs.isPending) return <Starting />;
  if (contexts.isError) {
    return <BackendUnavailable message={errorMessage(contexts.error)} onRetry={() => void contexts.refetch()} />;
  }
  if (contexts.data.contexts.length === 0) {
    return <NoKubeconfig files={contexts.data.files} onRetry={() => void contexts.refetch()} />;
  }
  return <Shell route={route} data={contexts.data} prefs={prefs.data} />;
}

function Shell({ route, data, prefs }: { route: Route; data: ContextList; prefs: Preferences | undefined }) {
  const { t } = useTranslation();
  // Fill in what the URL leaves out.
  useEffect(() => {
    if (route.name === 'home' || route.name === 'notFound') {
      const ctx = pickContext(data, prefs);
      navigate(listRoute(ctx, DEFAULT_GVR, rememberedNamespace(ctx, prefs)), { replace: true });
    } else if (route.name === 'context') {
      navigate(listRoute(route.context, DEFAULT_GVR, rememberedNamespace(route.context, prefs)), { replace: true });
    }
  }, [route, data, prefs]);

  const active = route.name === 'context' ? null : routeContext(route);
  const open = useOpenClusters(active);
  const known = useMemo(() => new Set(data.contexts.map((c) => c.name)), [data.contexts]);
  // Contexts seen in this session: one that disappears was removed from the kubeconfig.
  const seen = useRef(new Set<string>());
  for (const c of known) seen.current.add(c);

  // Each open cluster's last route, so its pane keeps showing it while hidden.
  const lastRoutes = useRef(new Map<string, Route>());
  if (active) lastRoutes.current.set(active, route);

  const [adding, setAdding] = useState(false);
  const [searching, setSearching] = useState(false);
  const [commanding, setCommanding] = useState(false);
  const [helping, setHelping] = useState(false);
  const noCluster = !active || !known.has(active) ? t('keyboard.noCluster') : undefined;
  useKeyBindings([
    { id: 'search', keys: ['Mod+K', '/'], label: t('keyboard.bind.search'), group: 'Global', run: () => setSearching(true), disabled: noCluster },
    { id: 'command', keys: [':'], label: t('keyboard.bind.command'), group: 'Global', run: () => setCommanding(true), disabled: noCluster },
    { id: 'help', keys: ['?'], label: t('keyboard.bind.help'), group: 'Global', run: () => setHelping(true) },
    ...(route.name === 'details'
      ? [{ id: 'details.back', keys: ['Escape'], label: t('keyboard.bind.back'), group: 'Details' as const, run: () => navigate(listRoute(route.context, route.gvr, route.namespace)) }]
      : route.name === 'helmRelease'
        ? [{ id: 'details.back', keys: ['Escape'], label: t('keyboard.bind.back'), group: 'Details' as const, run: () => navigate(helmRoute(route.context, listNamespaceOf(route.context, route.namespace))) }]
        : []),
  ]);
  // A disabled shortcut says why it did nothing.
  useEffect(() => keymap.onDisabled((b) => announce(t('keyboard.disabled', { label: b.label, reason: b.disabled ?? t('keyboard.notAvailable') }), 'bad')), [t]);

  const routeOf = (ctx: string): Route =>
    lastRoutes.current.get(ctx) ?? listRoute(ctx, DEFAULT_GVR, rememberedNamespace(ctx, prefs));

  const switchContext = (ctx: string) => {
    if (open.tabs.includes(ctx)) return navigate(routeOf(ctx));
    // From a Helm page, the other cluster's Helm releases.
    if (route.name === 'helm' || route.name === 'helmRelease') return navigate(helmRoute(ctx, rememberedNamespace(ctx, prefs)));
    // Stay on the same kind when it is a built-in one; custom kinds may not exist elsewhere.
    const gvr = isBuiltinGroupRoute(route) ?? DEFAULT_GVR;
    navigate(listRoute(ctx, gvr, rememberedNamespace(ctx, prefs)));
  };

  const closeTab = (ctx: string) => {
    const rest = open.mru.filter((c) => c !== ctx);
    open.close(ctx);
    lastRoutes.current.delete(ctx);
    if (ctx === active) {
      const next = rest[0];
      navigate(next ? routeOf(next) : { name: 'home' });
    }
  };

  const runCommand = (cmd: Command) => {
    if (!active) return;
    const to = commandTarget(cmd, active, route, rememberedNamespace(active, prefs));
    if (to && 'go' in to) navigate(to.go);
    else if (to) switchContext(to.context);
  };

  const fallback = (data.current && known.has(data.current) ? data.current : data.contexts[0]?.name) ?? '';
  const mounted = active ? mountedClusters(open).concat(open.mru.includes(active) ? [] : [active]) : mountedClusters(open);
  const tabs = active && !open.tabs.includes(active) ? [...open.tabs, active] : open.tabs;

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/" aria-label={t('app.home')}>
          <Logo />
          <span>Kubedeck</span>
        </a>
        <ContextSwitcher contexts={data.contexts} current={active} files={data.files} onSelect={switchContext} />
        <ClusterTabs tabs={tabs} active={active} known={known} onSelect={switchContext} onClose={closeTab} />
        <div className="topbar-spacer" />
        <button
          type="button"
          className="btn search-button"
          aria-label={t('app.search')}
          title={t('app.searchTitle')}
          onClick={() => setSearching(true)}
          disabled={!active || !known.has(active)}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <span>{t('app.search')}</span>
          <kbd aria-hidden="true">{t('app.searchKeys')}</kbd>
        </button>
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          {t('app.addCluster')}
        </button>
        <button
          type="button"
          className="btn icon-button"
          aria-label={t('keyboard.helpButton')}
          title={t('keyboard.helpButtonTitle')}
          aria-haspopup="dialog"
          onClick={() => setHelping(true)}
        >
          <span aria-hidden="true">?</span>
        </button>
        <ThemeToggle />
        <LanguagePicker />
        <SignOutButton />
      </header>
      <KubeconfigBanner files={data.files} />
      {active === null ? (
        <Starting />
      ) : (
        mounted.map((ctx) => (
          <ClusterPane
            key={ctx}
            context={ctx}
            route={ctx === active ? route : routeOf(ctx)}
            info={data.contexts.find((c) => c.name === ctx)}
            wasKnown={seen.current.has(ctx)}
            active={ctx === active}
            prefs={prefs}
            fallbackContext={fallback === ctx ? '' : fallback}
            onRemoved={() => closeTab(ctx)}
          />
        ))
      )}
      {adding && (
        <AddClusterDialog
          onClose={() => setAdding(false)}
          onOpen={(ctx) => {
            setAdding(false);
            switchContext(ctx);
          }}
        />
      )}
      {searching && active && known.has(active) && (
        <SearchDialog context={active} onClose={() => setSearching(false)} />
      )}
      {commanding && active && known.has(active) && (
        <CommandBar context={active} contexts={data.contexts.map((c) => c.name)} onRun={runCommand} onClose={() => setCommanding(false)} />
      )}
      {helping && <ShortcutsDialog onClose={() => setHelping(false)} />}
      <KeyNoticeBar />
    </div>
  );
}
