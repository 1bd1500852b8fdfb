// Hash routes, so they work in both shells (no server routing) and survive reloads:
//   #/                                   → home (pick the last used context)
//   #/c/<context>                        → a context's default view
//   #/c/<context>/r/<group|core>/<version>/<resource>[?ns=<namespace>]
//   #/c/<context>/r/<group|core>/<version>/<resource>/<namespace or _>/<name>[?tab=<section>]   → an object's details
//   #/c/<context>/overview                → the cluster overview
//   #/c/<context>/access                  → who can do what, my access, shared tokens
//   #/c/<context>/helm[?ns=<namespace>[,<namespace>…]]                     → Helm releases
//   #/c/<context>/helm/<namespace>/<release>[?driver=configmap][&tab=<section>] → one release
// Every dynamic segment is encodeURIComponent'ed: context names hold ':', '/', '@', spaces…
// A missing or empty ns means all namespaces.
import { useMemo, useSyncExternalStore } from 'react';
import type { GVR } from './api/types';
import { isBuiltinGroup } from './features/navigation/catalog';

export type Route =
  | { name: 'home' }
  | { name: 'context'; context: string }
  | { name: 'list'; context: string; gvr: GVR; namespace: string }
  | { name: 'details'; context: string; gvr: GVR; namespace: string; objectName: string; tab?: string }
  | { name: 'overview'; context: string }
  | { name: 'access'; context: string }
  | { name: 'helm'; context: string; namespace: string }
  | { name: 'helmRelease'; context: string; namespace: string; release: string; driver?: string; tab?: string }
  | { name: 'plugins'; context: string }
  | { name: 'plugin'; context: string; plugin: string; path: string }
  | { name: 'notFound'; path: string };

export const CORE_GROUP_SEGMENT = 'core';
export const DEFAULT_GVR: GVR = { group: '', version: 'v1', resource: 'pods' };
/** The namespace segment of a cluster-scoped object's details route. */
export const NO_NAMESPACE_SEGMENT = '_';

function enc(s: string): string {
  return encodeURIComponent(s);
}

function dec(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The hash (with its leading '#') of a route. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'context':
      return `#/c/${enc(route.context)}`;
    case 'list': {
      const g = route.gvr.group || CORE_GROUP_SEGMENT;
      const q = route.namespace ? `?ns=${enc(route.namespace)}` : '';
      return `#/c/${enc(route.context)}/r/${enc(g)}/${enc(route.gvr.version)}/${enc(route.gvr.resource)}${q}`;
    }
    case 'details': {
      const g = route.gvr.group || CORE_GROUP_SEGMENT;
      const ns = route.namespace || NO_NAMESPACE_SEGMENT;
      const tab = route.tab ? `?tab=${enc(route.tab)}` : '';
      return `#/c/${enc(route.context)}/r/${enc(g)}/${enc(route.gvr.version)}/${enc(route.gvr.resource)}/${enc(ns)}/${enc(route.objectName)}${tab}`;
    }
    case 'overview':
      return `#/c/${enc(route.context)}/overview`;
    case 'access':
      return `#/c/${enc(route.context)}/access`;
    case 'helm':
      return `#/c/${enc(route.context)}/helm${route.namespace ? `?ns=${enc(route.namespace)}` : ''}`;
    case 'helmRelease': {
      // The secret driver is Helm's default: only the other one is written.
      const q = [route.driver && route.driver !== 'secret' ? `driver=${enc(route.driver)}` : '', route.tab ? `tab=${enc(route.tab)}` : ''].filter(Boolean).join('&');
      return `#/c/${enc(route.context)}/helm/${enc(route.namespace)}/${enc(route.release)}${q ? `?${q}` : ''}`;
    }
    case 'plugins':
      return `#/c/${enc(route.context)}/plugins`;
    case 'plugin':
      return `#/c/${enc(route.context)}/p/${enc(route.plugin)}/${enc(route.path)}`;
    case 'notFound':
      return `#${route.path}`;
  }
}

/** Parses a location hash ("#/c/…", "/c/…" or ""). */
export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const qi = raw.indexOf('?');
  const path = qi === -1 ? raw : raw.slice(0, qi);
  const query = qi === -1 ? '' : raw.slice(qi + 1);
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'home' };
  const decoded = parts.map(dec);
  if (decoded.some((p) => p === null)) return { name: 'notFound', path };
  const [c, context, r, group, version, resource, ...rest] = decoded as string[];
  if (c !== 'c' || context === undefined || context === '') return { name: 'notFound', path };
  if (r === undefined) return { name: 'context', context };
  if (r === 'overview' && group === undefined) return { name: 'overview', context };
  if (r === 'access' && group === undefined) return { name: 'access', context };
  if (r === 'plugins' && group === undefined) return { name: 'plugins', context };
  if (r === 'p' && group && version && resource === undefined) return { name: 'plugin', context, plugin: group, path: version };
  const param = (name: string): string => {
    let v = '';
    for (const pair of query.split('&')) {
      const eq = pair.indexOf('=');
      const k = eq === -1 ? pair : pair.slice(0, eq);
      if (k === name) v = dec(eq === -1 ? '' : pair.slice(eq + 1).replace(/\+/g, ' ')) ?? '';
    }
    return v;
  };
  if (r === 'helm') {
    if (group === undefined) return { name: 'helm', context, namespace: param('ns') };
    if (!group || !version || resource !== undefined) return { name: 'notFound', path };
    const driver = param('driver');
    const tab = param('tab');
    return { name: 'helmRelease', context, namespace: group, release: version, ...(driver ? { driver } : {}), ...(tab ? { tab } : {}) };
  }
  if (r !== 'r' || !group || !version || !resource) return { name: 'notFound', path };
  const gvr = { group: group === CORE_GROUP_SEGMENT ? '' : group, version, resource };
  if (rest.length === 2 && rest[0] && rest[1]) {
    const ns = rest[0] === NO_NAMESPACE_SEGMENT ? '' : rest[0];
    const tab = param('tab');
    return { name: 'details', context, gvr, namespace: ns, objectName: rest[1], ...(tab ? { tab } : {}) };
  }
  if (rest.length > 0) return { name: 'notFound', path };
  const namespace = param('ns');
  return {
    name: 'list',
    context,
    gvr: { group: group === CORE_GROUP_SEGMENT ? '' : group, version, resource },
    namespace,
  };
}

export function listRoute(context: string, gvr: GVR, namespace: string): Route {
  return { name: 'list', context, gvr, namespace };
}

/** An object's details; tab opens one of its sections ("yaml", "logs", "terminal"). */
export function detailsRoute(context: string, gvr: GVR, namespace: string, objectName: string, tab?: string): Route {
  return { name: 'details', context, gvr, namespace, objectName, ...(tab ? { tab } : {}) };
}

/** The Helm releases of namespace ("" all, "a,b" several). */
export function helmRoute(context: string, namespace: string): Route {
  return { name: 'helm', context, namespace };
}

/** One Helm release; driver "configmap" for releases kept in ConfigMaps, tab opens a section ("values", "history"…). */
export function helmReleaseRoute(context: string, namespace: string, release: string, driver?: string, tab?: string): Route {
  return { name: 'helmRelease', context, namespace, release, ...(driver && driver !== 'secret' ? { driver } : {}), ...(tab ? { tab } : {}) };
}

/** The context a route is about, if any. */
export function routeContext(route: Route): string | null {
  switch (route.name) {
    case 'home':
    case 'notFound':
      return null;
    default:
      return route.context;
  }
}

// ---- the live location ----

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const getHash = () => window.location.hash;

/** The current route; re-renders on navigation (back/forward included). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return useMemo(() => parseHash(hash), [hash]);
}

/** Goes to a route: pushes a history entry, or replaces the current one. */
export function navigate(route: Route, options?: { replace?: boolean }): void {
  const hash = routeHash(route);
  if (hash === window.location.hash) return;
  if (options?.replace) {
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  } else {
    window.location.hash = hash;
  }
}

/** The kind on screen when it is a built-in one (custom kinds may not exist in another cluster). */
export function isBuiltinGroupRoute(route: Route): GVR | null {
  return (route.name === 'list' || route.name === 'details') && isBuiltinGroup(route.gvr.group) ? route.gvr : null;
}
