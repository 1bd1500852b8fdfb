// The one place that knows how commands reach the Go core: Wails bindings in the
// desktop shell, POST /api/call/<Method> in the browser shell.
import { ApiError, errorMessage, networkError, responseError } from './errors';
import type { CallArgs, CallResult, CommandName } from './contract.gen';
import { t } from '../i18n';

export { ApiError } from './errors';

type Bound = { [M in CommandName]?: (...args: CallArgs<M>) => Promise<CallResult<M>> };

/** Typed functions for the commands K, as `api` and `ops` offer them. */
export type CommandFns<K extends CommandName> = { [M in K]: (...args: CallArgs<M>) => Promise<CallResult<M>> };

declare global {
  interface Window {
    go?: { commands?: { Commands?: Bound } };
  }
}

export type Transport = 'desktop' | 'http';

function wailsCommands(): Bound | undefined {
  return typeof window === 'undefined' ? undefined : window.go?.commands?.Commands;
}

/** The Wails binding of a command by name (the desktop binds every command, operations and plugin ones too). */
function binding(bound: Bound, method: string): ((...args: readonly unknown[]) => Promise<unknown>) | undefined {
  const fn: unknown = Object.getOwnPropertyDescriptor(bound, method)?.value;
  return typeof fn === 'function' ? (...args) => Promise.resolve<unknown>(fn(...args)) : undefined;
}

/** Which transport commands use: desktop when Wails injected its bindings. */
export function transport(): Transport {
  return wailsCommands() ? 'desktop' : 'http';
}

export interface CallOptions {
  /** Extra request headers. They exist only over HTTP, so any header sends the call over HTTP in the desktop too (it serves /api/ through the same handler). */
  headers?: Record<string, string>;
}

/**
 * The one command client: calls method of the Go core with args, through the
 * Wails binding in the desktop shell or POST /api/call/<method> in the
 * browser. Rejects with ApiError (a 401 also ends the browser session).
 * The answer is the command's JSON, unchecked: typed wrappers (call, callOp)
 * name its type, plugin-facing code decodes it.
 */
export async function callCommand(method: string, args: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
  const bound = options.headers ? undefined : wailsCommands();
  if (bound) {
    const fn = binding(bound, method);
    if (!fn) throw new ApiError(t('errors.noBinding', { method }));
    try {
      return await fn(...args);
    } catch (e) {
      throw e instanceof ApiError ? e : new ApiError(errorMessage(e));
    }
  }
  let res: Response;
  try {
    res = await fetch(`/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers },
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
