// Each plugin's settings (kd.settings), kept by the host in the app's storage
// under kubedeck.plugin.<id>.<key>: the frame has no storage of its own (an
// opaque origin), so it gets a copy in "init" and posts "settings-set"; every
// frame of the plugin then hears the new values ("settings"). Only for a
// plugin granted "settings".

export const MAX_SETTING_BYTES = 64 * 1024;
export const MAX_SETTINGS = 200;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const prefix = (id: string) => `kubedeck.plugin.${id}.`;
const listeners = new Map<string, Set<(s: Record<string, string>) => void>>();

function storage(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Every setting of a plugin. */
export function readSettings(id: string, store: Store | null = storage()): Record<string, string> {
  const out: Record<string, string> = {};
  if (!store) return out;
  const p = prefix(id);
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (!k?.startsWith(p)) continue;
    const v = store.getItem(k);
    if (v !== null) out[k.slice(p.length)] = v;
  }
  return out;
}

/** Stores one setting (null removes it) and tells the plugin's frames; false when it is too big or too many. */
export function writeSetting(id: string, key: string, value: string | null, store: Store | null = storage()): boolean {
  if (key === '' || key.length > 200 || (value !== null && value.length > MAX_SETTING_BYTES)) return false;
  const cur = readSettings(id, store);
  if (value !== null && !(key in cur) && Object.keys(cur).length >= MAX_SETTINGS) return false;
  try {
    if (value === null) store?.removeItem(prefix(id) + key);
    else store?.setItem(prefix(id) + key, value);
  } catch {
    return false;
  }
  const now = readSettings(id, store);
  for (const l of listeners.get(id) ?? []) l(now);
  return true;
}

/** Follows a plugin's settings; returns the unsubscribe. */
export function onSettings(id: string, l: (s: Record<string, string>) => void): () => void {
  let set = listeners.get(id);
  if (!set) listeners.set(id, (set = new Set()));
  set.add(l);
  return () => set.delete(l);
}
