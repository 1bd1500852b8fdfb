// The plugin commands (Plugins, ApprovePlugin, SetPluginEnabled) and the
// plugin stream (GET /api/stream/plugins: the list now and on every change).
import { callOp } from '../../api/operations';
import { ApiError, errorMessage, networkError, responseError } from '../../api/errors';
import { readNdjson } from '../../api/ndjson';
import { openStream } from '../../api/openStream';

export type PluginState = 'enabled' | 'disabled' | 'waiting-approval' | 'invalid';

/** A plugin folder as the Go side describes it (app/commands PluginInfo). */
export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description: string;
  main: string;
  apiVersion: number;
  path: string;
  hash: string;
  dev: boolean;
  error?: string;
  state: PluginState;
  /** Where its bundle is served (enabled plugins only). */
  url?: string;
}

interface PluginCommands {
  Plugins(): PluginInfo[];
  ApprovePlugin(id: string, hash: string): PluginInfo[];
  SetPluginEnabled(id: string, enabled: boolean): PluginInfo[];
}

// callOp is typed for the operation commands; these three share its transport.
const call = callOp as unknown as <M extends keyof PluginCommands>(
  m: M,
  ...args: Parameters<PluginCommands[M]>
) => Promise<ReturnType<PluginCommands[M]>>;

export const pluginCommands = {
  list: () => call('Plugins').then(toPluginList),
  approve: (id: string, hash: string) => call('ApprovePlugin', id, hash).then(toPluginList),
  setEnabled: (id: string, enabled: boolean) => call('SetPluginEnabled', id, enabled).then(toPluginList),
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const STATES: readonly PluginState[] = ['enabled', 'disabled', 'waiting-approval', 'invalid'];

export function toPluginInfo(v: unknown): PluginInfo | null {
  if (!isObj(v) || typeof v.id !== 'string' || !v.id) return null;
  const state = STATES.find((s) => s === v.state) ?? 'invalid';
  const p: PluginInfo = {
    id: v.id,
    name: str(v.name) || v.id,
    version: str(v.version),
    description: str(v.description),
    main: str(v.main),
    apiVersion: typeof v.apiVersion === 'number' ? v.apiVersion : 0,
    path: str(v.path),
    hash: str(v.hash),
    dev: v.dev === true,
    state,
  };
  if (str(v.error)) p.error = str(v.error);
  if (str(v.url)) p.url = str(v.url);
  return p;
}

export function toPluginList(v: unknown): PluginInfo[] {
  return Array.isArray(v) ? v.map(toPluginInfo).filter((p): p is PluginInfo => p !== null) : [];
}

/** Follows the plugin list until the signal aborts; rejects when the stream fails. */
export async function streamPlugins(onList: (list: PluginInfo[]) => void, onError: (message: string) => void, signal: AbortSignal): Promise<void> {
  let res: Response;
  try {
    res = await openStream('/api/stream/plugins', {}, signal);
  } catch (e) {
    if (signal.aborted) return;
    throw networkError(e);
  }
  if (!res.ok) throw await responseError(res);
  if (!res.body) throw new ApiError('The backend sent an empty stream', res.status);
  try {
    for await (const v of readNdjson(res.body)) {
      if (signal.aborted) return;
      if (!isObj(v)) continue;
      if (v.type === 'plugins') onList(toPluginList(v.list));
      else if (v.type === 'error') onError(str(v.message) || 'Unknown error');
    }
  } catch (e) {
    if (signal.aborted) return;
    throw new ApiError(`The stream broke off (${errorMessage(e)})`, undefined, { network: true, cause: e });
  }
}
