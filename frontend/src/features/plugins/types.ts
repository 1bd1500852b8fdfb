// Kubedeck plugin API, version 1. The host implements it; plugins/types/
// holds the same declarations for plugin authors (a test keeps them equal).
// ---- API v1 ----
import type { ComponentType, ReactNode } from 'react';

/** The plugin API version this file describes. */
export type PluginApiVersion = 1;

/** A kind of resource: { group: 'apps', version: 'v1', resource: 'deployments' } ('' = core group). */
export interface ResourceKind {
  group: string;
  version: string;
  resource: string;
}

/** A Kubernetes object as JSON (Secret values are hidden: "<hidden: N bytes>", unless the plugin was granted secretValues). */
export type KubeObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; uid?: string; labels?: Record<string, string>; [k: string]: unknown };
};

export interface ListOptions {
  /** Default: the namespace on screen ("" = all namespaces). Ignored for cluster-scoped kinds. */
  namespace?: string;
  labelSelector?: string;
  signal?: AbortSignal;
}

/** One write result, as the Apply and Delete actions of Kubedeck report it. */
export interface WriteResult {
  kind: string;
  name: string;
  namespace?: string;
  action?: 'created' | 'configured' | 'unchanged' | 'updated' | 'deleted';
  error?: string;
  status?: number;
}

/** A change seen by watch. */
export type WatchEvent =
  | { type: 'objects'; objects: KubeObject[] }
  | { type: 'added' | 'modified' | 'deleted'; object: KubeObject }
  | { type: 'error'; message: string; status?: number };

/**
 * The cluster client: the current cluster (context) of the view the plugin
 * renders in, under the user's own permissions. Each call is a message to the
 * app, checked against what the user granted the plugin (package.json
 * "kubedeck": { "capabilities": … }) and the context's read-only switch, then
 * again by Kubedeck's Go side; a refused call rejects with an Error whose
 * `refused` is true (and the user sees it). Requests are attributed to the
 * plugin in the app's log and the cluster's audit trail. Plugins never see
 * credentials.
 */
export interface ClusterClient {
  /** The kubeconfig context these requests go to. */
  readonly context: string;
  /** The namespace on screen ("" = all namespaces; "a,b" = several: lists keep those, single objects go to the first). */
  readonly namespace: string;
  /** Every object of a kind (up to 2000), Secret values hidden. */
  list(kind: ResourceKind, options?: ListOptions): Promise<KubeObject[]>;
  /** One object (namespace defaults to the one on screen). */
  get(kind: ResourceKind, name: string, options?: { namespace?: string; signal?: AbortSignal }): Promise<KubeObject>;
  /** The objects now (an 'objects' event), then every change, until the returned function is called. */
  watch(kind: ResourceKind, options: ListOptions, onEvent: (e: WatchEvent) => void): () => void;
  /** Server-side apply of YAML or JSON (several documents allowed); dryRun validates only. */
  apply(yaml: string, options?: { namespace?: string; dryRun?: boolean }): Promise<WriteResult[]>;
  /** Deletes one object. */
  delete(kind: ResourceKind, name: string, options?: { namespace?: string }): Promise<WriteResult[]>;
}

/** What every plugin component receives. */
export interface ViewProps {
  client: ClusterClient;
  context: string;
  namespace: string;
}

export interface DetailsSectionProps extends ViewProps {
  /** The object on screen, kept live. */
  object: KubeObject;
}

export interface SidebarEntry {
  /** Text of the link. */
  label: string;
  /** The route (see registerRoute) it opens. */
  path: string;
}

export interface RouteDef {
  /** A plain path segment: letters, digits, "-" (the page lives at #/c/<context>/p/<plugin>/<path>). */
  path: string;
  /** The page's heading and window title. */
  title: string;
  component: ComponentType<ViewProps>;
}

export interface DetailsSectionDef {
  /** The kind whose details view shows it (version is ignored). */
  kind: Pick<ResourceKind, 'group' | 'resource'>;
  title: string;
  component: ComponentType<DetailsSectionProps>;
}

export interface ListColumnDef {
  kind: Pick<ResourceKind, 'group' | 'resource'>;
  header: string;
  /** The cell of one object's row; null shows nothing. Numbers sort as numbers. */
  value: (object: KubeObject) => string | number | null;
  /** Shown on hover over the header. */
  description?: string;
}

export interface AppBarActionDef {
  label: string;
  /** Runs on click; a rejected promise is shown to the user. */
  run: (props: ViewProps) => void | Promise<void>;
}

export interface SettingsPageDef {
  component: ComponentType<{ settings: PluginSettings }>;
}

/**
 * A small per-plugin key-value store, kept by the app (this browser profile /
 * the desktop app); needs the "settings" capability (otherwise set() is
 * refused). get() reads the copy the frame was given; set() saves and every
 * frame of the plugin sees the new value. Values up to 64 KiB, 200 keys.
 */
export interface PluginSettings {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

/**
 * A plugin's translations: language tag ("en", "de", "ja", …) → keys → text. Keys may nest
 * ({ page: { title: 'Images' } } is "page.title"); "{{name}}" interpolates; a `count` option picks
 * "key_one"/"key_other" (by the language's plural rules; Japanese has only "key_other").
 */
export type PluginTranslations = Record<string, Record<string, unknown>>;

/** Translates a key of the plugin's own namespace in the UI language (English, then the key itself, as fallback). */
export type TranslateFn = (key: string, options?: Record<string, unknown>) => string;

/**
 * What a plugin asks for in package.json ("kubedeck": { "capabilities": … }),
 * shown at approval; the user grants all or some. Kinds: "pods" (core group)
 * or "group/resource"; "*" in read is every kind but Secrets.
 */
export interface PluginCapabilities {
  read?: string[];
  write?: Record<string, ('apply' | 'delete')[]>;
  /** Secret values readable (needs "secrets" in read). Never granted by default. */
  secretValues?: boolean;
  exec?: boolean;
  portForward?: boolean;
  logs?: boolean;
  /** Origins ("https://host[:port]") the frame may connect to. */
  network?: string[];
  settings?: boolean;
}

/** The object a plugin's activate function receives (in its sandboxed frame). */
export interface KubedeckPluginAPI {
  readonly apiVersion: PluginApiVersion;
  readonly plugin: { readonly id: string; readonly name: string; readonly version: string };
  /** The React of the plugin's frame (Kubedeck's runtime brings it): use it, do not bundle your own (hooks need one React). */
  readonly React: typeof import('react');
  readonly settings: PluginSettings;
  registerSidebarEntry(entry: SidebarEntry): void;
  registerRoute(route: RouteDef): void;
  registerDetailsSection(section: DetailsSectionDef): void;
  registerListColumn(column: ListColumnDef): void;
  registerAppBarAction(action: AppBarActionDef): void;
  registerSettingsPage(page: SettingsPageDef): void;
  /**
   * Adds translations to the plugin's own namespace (apart from Kubedeck's and other plugins').
   * Labels, titles, headers and descriptions the plugin registers are looked up there too:
   * register a key ("sidebar.images") and it shows translated; plain text shows as it is.
   */
  registerTranslations(resources: PluginTranslations): void;
  /** Translates in the UI language now (for code outside components, e.g. an action's message). */
  t: TranslateFn;
  /** The UI language now ("en", "de", "ja"). */
  language(): string;
  /** A hook for the plugin's components: { t, language }, re-rendering them when the language changes. */
  useTranslation(): { t: TranslateFn; language: string };
}

/** A plugin module: `export default function activate(kd) {…}` (may be async; may return a cleanup function). */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- an activate function may return nothing (void), a cleanup, or a promise of either; `undefined` would reject plain functions
export type Activate = (kd: KubedeckPluginAPI) => void | (() => void) | Promise<void | (() => void)>;

/** Re-exported for plugin authors who type their components. */
export type { ComponentType, ReactNode };
