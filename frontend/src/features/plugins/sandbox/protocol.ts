// The messages between the host page and a plugin's sandboxed frame
// (<iframe sandbox="allow-scripts">, an opaque origin). The host opens a
// MessageChannel and hands one port to the frame in the first message
// ("connect", posted to the frame's window); every later message travels on
// that port, so no other frame can speak for the plugin. Both sides check
// every message with the guards below and drop what does not match.
//
// Roles. Each enabled plugin has one hidden "background" frame: it runs
// activate(), reports what the plugin registered (as data), computes list
// column values and runs app-bar actions. Every page, details section and
// settings page the plugin contributes is a "view" frame of its own: it runs
// activate() again (its components are closures) and renders the one
// component asked for. Registrations made in a view frame are ignored.
//
// The plugin's cluster client is a proxy: each method is a "call" the host
// checks against the grant and the context's read-only state before it asks
// the Go side (which checks again). Nothing in the frame can reach /api/.
//
// Frozen at protocol 1: add optional fields only.

export const PROTOCOL = 1;

export type Role = 'background' | 'view';

/** What a view frame renders. */
export type ViewSpec =
  | { kind: 'route'; path: string }
  | { kind: 'section'; /** Index into the plugin's registered sections. */ index: number }
  | { kind: 'settings' };

/** A Kubernetes kind as the plugin API names it ('' = core group). */
export interface WireKind {
  group: string;
  version: string;
  resource: string;
}

export type WireObject = Record<string, unknown>;

/** Props of a view: the cluster and namespace on screen, and (sections) the live object. */
export interface ViewProps {
  context: string;
  namespace: string;
  object?: WireObject;
}

export interface Theme {
  name: 'dark' | 'light';
  /** CSS custom properties of the host (--kd-*), applied to the frame's :root. */
  vars: Record<string, string>;
}

/** What a plugin registered, as data (the functions stay in its frame). */
export interface Registered {
  sidebar: { label: string; path: string }[];
  routes: { path: string; title: string }[];
  sections: { kind: { group: string; resource: string }; title: string }[];
  columns: { kind: { group: string; resource: string }; header: string; description?: string }[];
  actions: { label: string }[];
  settings: boolean;
  /** registerTranslations' resources, merged: language → nested keys. */
  translations: Record<string, Record<string, unknown>>;
}

export interface CallError {
  message: string;
  status?: number;
  /** The host or the Go side refused it (not granted, read-only, rate limit): not a cluster error. */
  refused?: boolean;
}

/** The cluster client's methods as calls. watch's events come as "watch-event" with the call's id. */
export type Call =
  | { method: 'list'; kind: WireKind; namespace?: string; labelSelector?: string }
  | { method: 'get'; kind: WireKind; name: string; namespace?: string }
  | { method: 'watch'; kind: WireKind; namespace?: string; labelSelector?: string }
  | { method: 'unwatch'; /** The id of the watch call to stop. */ watch: number }
  | { method: 'apply'; yaml: string; namespace?: string; dryRun?: boolean }
  | { method: 'delete'; kind: WireKind; name: string; namespace?: string };

export type WatchEventWire =
  | { type: 'objects'; objects: WireObject[] }
  | { type: 'added' | 'modified' | 'deleted'; object: WireObject }
  | { type: 'error'; message: string; status?: number };

/** Cell values keyed by the object's row key (namespace/name, or name). */
export type ColumnValues = Record<string, string | number | null>;

// ---- host → frame ----

/** Posted to the frame's window (targetOrigin "*": the frame's origin is opaque) with port 2 of a MessageChannel. */
export interface Connect {
  kd: 'connect';
  protocol: typeof PROTOCOL;
}

export type HostMessage =
  | {
      type: 'init';
      role: Role;
      plugin: { id: string; name: string; version: string };
      /** The plugin's ES module, inside the frame's own URL space (/plugin-frame/<token>/plugin/<main>). */
      moduleUrl: string;
      language: string;
      theme: Theme;
      /** The plugin's settings store (kd.settings reads it synchronously; set() posts "settings-set"). */
      settings: Record<string, string>;
      view?: ViewSpec;
      props?: ViewProps;
    }
  | { type: 'props'; props: ViewProps }
  | { type: 'theme'; theme: Theme }
  | { type: 'language'; language: string }
  | { type: 'settings'; settings: Record<string, string> }
  /**
   * Background: compute column `column` (index into Registered.columns) for these objects.
   * objectsJson (optional), when present, holds the same array as JSON text and `objects` is
   * empty: a string crosses postMessage faster than 10,000 cloned objects
   * (the host may pass on the stream's own JSON).
   */
  | { type: 'columns'; request: number; column: number; objects: { key: string; object: WireObject }[]; objectsJson?: string }
  /** Background: run app-bar action `index`. */
  | { type: 'action'; request: number; index: number; props: ViewProps }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: CallError }
  | { type: 'watch-event'; id: number; event: WatchEventWire }
  | { type: 'ping'; seq: number }
  /** Focus moved into the frame from the host (Tab: first focusable; Shift+Tab: last). */
  | { type: 'focus'; edge: 'first' | 'last' };

// ---- frame → host ----

export type FrameMessage =
  /** The runtime is up and listening on the port. */
  | { type: 'ready' }
  /** Background: activate() finished; what it registered. View: activate() finished and the view rendered. */
  | { type: 'registered'; registered: Registered }
  /** The plugin failed (module did not load, activate threw or timed out, the view threw while rendering). */
  | { type: 'failed'; message: string }
  | { type: 'call'; id: number; call: Call }
  | { type: 'column-values'; request: number; values: ColumnValues; error?: string }
  | { type: 'action-done'; request: number; error?: string }
  | { type: 'settings-set'; key: string; value: string | null }
  /** View: the rendered content's height in CSS pixels (the host sizes the frame to it). */
  | { type: 'size'; height: number }
  | { type: 'pong'; seq: number }
  /** Tab (forward) or Shift+Tab (backward) left the frame's last/first focusable element. */
  | { type: 'focus-out'; direction: 'forward' | 'backward' }
  /** The browser refused something the plugin tried (a CSP violation: a fetch, a frame, an image). */
  | { type: 'refused'; what: string };

// ---- guards (both sides check every message) ----

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export function isConnect(v: unknown): v is Connect {
  return isObj(v) && v.kd === 'connect' && v.protocol === PROTOCOL;
}

function isKind(v: unknown): v is WireKind {
  return isObj(v) && isStr(v.group) && isStr(v.version) && isStr(v.resource);
}

const optStr = (v: unknown) => v === undefined || isStr(v);

export function isCall(v: unknown): v is Call {
  if (!isObj(v)) return false;
  switch (v.method) {
    case 'list':
    case 'watch':
      return isKind(v.kind) && optStr(v.namespace) && optStr(v.labelSelector);
    case 'get':
    case 'delete':
      return isKind(v.kind) && isStr(v.name) && optStr(v.namespace);
    case 'unwatch':
      return isNum(v.watch);
    case 'apply':
      return isStr(v.yaml) && optStr(v.namespace) && (v.dryRun === undefined || typeof v.dryRun === 'boolean');
    default:
      return false;
  }
}

/** The frame's messages as the host accepts them (anything else is dropped). */
export function isFrameMessage(v: unknown): v is FrameMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'registered':
      return isObj(v.registered);
    case 'failed':
      return isStr(v.message);
    case 'call':
      return isNum(v.id) && isCall(v.call);
    case 'column-values':
      return isNum(v.request) && isObj(v.values) && optStr(v.error);
    case 'action-done':
      return isNum(v.request) && optStr(v.error);
    case 'settings-set':
      return isStr(v.key) && (v.value === null || isStr(v.value));
    case 'size':
      return isNum(v.height);
    case 'pong':
      return isNum(v.seq);
    case 'focus-out':
      return v.direction === 'forward' || v.direction === 'backward';
    case 'refused':
      return isStr(v.what);
    default:
      return false;
  }
}

/** The host's messages as the frame accepts them. */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'init':
      return (v.role === 'background' || v.role === 'view') && isObj(v.plugin) && isStr(v.moduleUrl) && isStr(v.language) && isObj(v.theme) && isObj(v.settings);
    case 'props':
      return isObj(v.props);
    case 'theme':
      return isObj(v.theme);
    case 'language':
      return isStr(v.language);
    case 'settings':
      return isObj(v.settings);
    case 'columns':
      return isNum(v.request) && isNum(v.column) && Array.isArray(v.objects);
    case 'action':
      return isNum(v.request) && isNum(v.index) && isObj(v.props);
    case 'reply':
      return isNum(v.id) && typeof v.ok === 'boolean';
    case 'watch-event':
      return isNum(v.id) && isObj(v.event);
    case 'ping':
      return isNum(v.seq);
    case 'focus':
      return v.edge === 'first' || v.edge === 'last';
    default:
      return false;
  }
}
