// The plugin commands (Plugins, ApprovePlugin, SetPluginEnabled) and the
// plugin stream (GET /api/stream/plugins: the list now and on every change).
import { callCommand } from '../../api/client';
import { HEARTBEAT_TIMEOUT_MS, streamNdjson } from '../../api/openStream';
import type { PluginInfo, PluginState } from '../../api/contract.gen';
import { t } from '../../i18n';

// A plugin folder as the Go side describes it (app/session PluginInfo), from the generated contract.
export type { PluginInfo, PluginState };

// The answers are decoded (toPluginList), so the command client's unchecked JSON is all they need.
export const pluginCommands = {
  list: () => callCommand('Plugins', []).then(toPluginList),
  approve: (id: string, hash: string) => callCommand('ApprovePlugin', [id, hash]).then(toPluginList),
  setEnabled: (id: string, enabled: boolean) => callCommand('SetPluginEnabled', [id, enabled]).then(toPluginList),
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
  await streamNdjson('/api/stream/plugins', {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: (v) => {
      if (!isObj(v)) return;
      if (v.type === 'plugins') onList(toPluginList(v.list));
      else if (v.type === 'error') onError(str(v.message) || t('errors.unknown'));
    },
  });
}
