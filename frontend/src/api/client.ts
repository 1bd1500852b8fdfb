// The one place that knows how commands reach the Go core: the Wails gate in the
// desktop shell, POST /api/call/<Method> in the browser shell (and in the
// desktop for calls with headers). In the desktop every way in needs the
// per-launch app key, which this module takes out of index.html once.
import { ApiError, errorMessage, networkError, responseError } from './errors';
import type { CallArgs, CallResult, CommandName } from './contract.gen';
import { t } from '../i18n';

export { ApiError } from './errors';

/** Typed functions for the commands K, as `api` and `ops` offer them. */
export type CommandFns<K extends CommandName> = { [M in K]: (...args: CallArgs<M>) => Promise<CallResult<M>> };

/** The one object the desktop binds (app/commands/gate.go): every command by name, opened by the app key. */
export interface Gate {
  Call: (key: string, method: string, args: readonly unknown[]) => Promise<unknown>;
}

declare global {
  interface Window {
    go?: {
      commands?: {
        Gate?: Gate;
        /** @deprecated No longer bound (the Gate replaced it); typed only while old test fixtures still set it. */
        Commands?: Record<string, unknown>;
      };
    };
  }
}

export type Transport = 'desktop' | 'http';

/** The request header that carries the app key on every /api/ request in the desktop. */
export const APP_KEY_HEADER = 'X-Kubedeck-Key';
/** The <meta name> the desktop shell puts the app key in (app/desktop/appkey.go). */
export const APP_KEY_META = 'kubedeck-key';

/**
 * Takes the app key out of doc: its value, and the <meta> removed, so
 * nothing that later reads the page finds it. '' when there is none (the
 * browser shell, whose cookie is its credential).
 */
export function takeAppKey(doc: Document): string {
  const metas = doc.querySelectorAll<HTMLMetaElement>(`meta[name="${APP_KEY_META}"]`);
  const key = metas[0]?.content ?? '';
  metas.forEach((m) => m.remove());
  return key;
}

// Read once, when the app's code first runs.
const appKey = typeof document === 'undefined' ? '' : takeAppKey(document);

/** The headers every /api/ request carries: the app key in the desktop, none in the browser. */
export function apiHeaders(): Record<string, string> {
  return appKey ? { [APP_KEY_HEADER]: appKey } : {};
}

function wailsGate(): Gate | undefined {
  const gate = typeof window === 'undefined' ? undefined : window.go?.commands?.Gate;
  return typeof gate?.Call === 'function' ? gate : undefined;
}

/** Which transport commands use: desktop when Wails injected its gate. */
export function transport(): Transport {
  return wailsGate() ? 'desktop' : 'http';
}

export interface CallOptions {
  /** Extra request headers. They exist only over HTTP, so any header sends the call over HTTP in the desktop too (it serves /api/ through the same handler). */
  headers?: Record<string, string>;
}

/**
 * The one command client: calls method of the Go core with args, through the
 * Wails gate (with the app key) in the desktop shell or POST /api/call/<method> in the
 * browser. Rejects with ApiError (a 401 also ends the browser session).
 * The answer is the command's JSON, unchecked: typed wrappers (call, callOp)
 * name its type, plugin-facing code decodes it.
 */
export async function callCommand(method: string, args: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
  const gate = options.headers ? undefined : wailsGate();
  if (gate) {
    try {
      return await gate.Call(appKey, method, args);
    } catch (e) {
      throw e instanceof ApiError ? e : new ApiError(errorMessage(e));
    }
  }
  let res: Response;
  try {
    res = await fetch(`/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers, ...apiHeaders() },
      body: JSON.stringify(args),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await responseError(res);
  try {
    return (await res.json()) as unknown;
  } catch (e) {
    throw new ApiError(t('errors.invalidJson', { method, error: errorMessage(e) }), res.status);
  }
}

/** Calls a command of the Go core, typed by the generated contract. Rejects with ApiError. */
export function call<M extends CommandName>(method: M, ...args: CallArgs<M>): Promise<CallResult<M>> {
  return callCommand(method, args) as Promise<CallResult<M>>;
}

/** A typed object view of the commands: api.Contexts(), api.Namespaces(ctx)… */
export const api: CommandFns<
  | 'Version'
  | 'Contexts'
  | 'Namespaces'
  | 'APIResources'
  | 'ClusterInfo'
  | 'ClusterStatus'
  | 'SignIn'
  | 'SignOut'
  | 'Preferences'
  | 'RememberLocation'
  | 'AddNamespace'
  | 'SetReadOnly'
  | 'ReviewKubeconfig'
  | 'AddKubeconfig'
  | 'AddServer'
  | 'RemoveCluster'
  | 'RevealSecret'
> = {
  Version: () => call('Version'),
  Contexts: () => call('Contexts'),
  Namespaces: (context) => call('Namespaces', context),
  APIResources: (context) => call('APIResources', context),
  ClusterInfo: (context) => call('ClusterInfo', context),
  ClusterStatus: (context) => call('ClusterStatus', context),
  SignIn: (context, token) => call('SignIn', context, token),
  SignOut: (context) => call('SignOut', context),
  Preferences: () => call('Preferences'),
  RememberLocation: (context, namespace) => call('RememberLocation', context, namespace),
  AddNamespace: (context, namespace) => call('AddNamespace', context, namespace),
  SetReadOnly: (context, readOnly) => call('SetReadOnly', context, readOnly),
  ReviewKubeconfig: (pasted) => call('ReviewKubeconfig', pasted),
  AddKubeconfig: (pasted, consent) => call('AddKubeconfig', pasted, consent),
  AddServer: (name, server, ca, token) => call('AddServer', name, server, ca, token),
  RemoveCluster: (context) => call('RemoveCluster', context),
  RevealSecret: (context, namespace, name, key) => call('RevealSecret', context, namespace, name, key),
};
