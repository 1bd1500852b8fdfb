// The plugin commands (Plugins, ApprovePlugin, SetPluginEnabled) and the
// plugin stream (GET /api/stream/plugins: the list now and on every change).
import { callCommand } from '../../api/client';
import { HEARTBEAT_TIMEOUT_MS, streamNdjson } from '../../api/openStream';
import type { Capabilities, PluginInfo, PluginState } from '../../api/contract.gen';
import { t } from '../../i18n';

// A plugin folder as the Go side describes it (app/session PluginInfo), from the generated contract.
export type { Capabilities, PluginInfo, PluginState };

// The answers are decoded (toPluginList), so the command client's unchecked JSON is all they need.
export const pluginCommands = {
  list: () => callCommand('Plugins', []).then(toPluginList),
  /** Approves plugin id at hash with what the user granted (the Go side refuses more than the plugin requests). */
  approve: (id: string, hash: string, granted: Capabilities) => callCommand('ApprovePlugin', [id, hash, granted]).then(toPluginList),
  setEnabled: (id: string, enabled: boolean) => callCommand('SetPluginEnabled', [id, enabled]).then(toPluginList),
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const STATES: readonly PluginState[] = ['enabled', 'disabled', 'waiting-approval', 'invalid'];

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const BOOLEANS = ['secretValues', 'exec', 'portForward', 'logs', 'settings'] as const;
const LISTS = ['read', 'network'] as const;
const CAPABILITY_KEYS: readonly string[] = [...BOOLEANS, ...LISTS, 'write'];

function toWrite(v: unknown): Record<string, string[]> | null {
  if (!isObj(v)) return null;
  const out: Record<string, string[]> = {};
  for (const [kind, verbs] of Object.entries(v)) {
    if (!isStrings(verbs) || !verbs.every((verb) => verb === 'apply' || verb === 'delete')) return null;
    out[kind] = [...verbs];
  }
  return out;
}

/**
 * Decodes capabilities strictly: an unknown key or a value of the wrong
 * type gives null (the caller treats the plugin as invalid, never as
 * granted what it could not read). Absent keys are simply not there.
 */
export function toCapabilities(v: unknown): Capabilities | null {
  if (!isObj(v) || Object.keys(v).some((k) => !CAPABILITY_KEYS.includes(k))) return null;
  const c: Capabilities = {};
  for (const key of LISTS) {
    const list = v[key];
    if (list === undefined) continue;
    if (!isStrings(list)) return null;
    c[key] = [...list];
  }
  if (v.write !== undefined) {
    const write = toWrite(v.write);
    if (!write) return null;
    c.write = write;
  }
  for (const key of BOOLEANS) {
    const b = v[key];
    if (b === undefined) continue;
    if (typeof b !== 'boolean') return null;
    c[key] = b;
  }
  return c;
}

/**
 * What the approval dialog ticks by default: everything the plugin asks for
 * except Secret values, which the user must tick themselves.
 */
export function defaultGrant(requested: Capabilities): Capabilities {
  const grant = toCapabilities(requested) ?? {};
  delete grant.secretValues;
  return grant;
}

/** A plugin whose description from the Go side is malformed: shown as invalid, granted nothing. */
function malformed(p: PluginInfo, what: string): PluginInfo {
  const out: PluginInfo = { ...p, state: 'invalid', error: `the app sent malformed ${what} for this plugin` };
  delete out.granted;
  delete out.url;
  delete out.frameUrl;
  return out;
}

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
    requested: {},
    state,
  };
  if (str(v.error)) p.error = str(v.error);
  if (str(v.url)) p.url = str(v.url);
  if (str(v.frameUrl)) p.frameUrl = str(v.frameUrl);
  const requested = toCapabilities(v.requested ?? {});
  if (!requested) return malformed(p, 'requested capabilities');
  p.requested = requested;
  if (v.granted !== undefined) {
    const granted = toCapabilities(v.granted);
    if (!granted) return malformed(p, 'granted capabilities');
    p.granted = granted;
  }
  if (p.frameUrl !== undefined && !/^\/plugin-frame\/[0-9a-f]{32}\/$/.test(p.frameUrl)) return malformed(p, 'a frame address');
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
