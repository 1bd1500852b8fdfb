// Small typed wrapper over localStorage (which may be missing or full).
const PREFIX = 'kubedeck.';

export function load(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function save(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // private mode or quota: preferences are a nicety
  }
}

export function loadJSON<T>(key: string, guard: (v: unknown) => v is T): T | null {
  const raw = load(key);
  if (raw === null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return guard(v) ? v : null;
  } catch {
    return null;
  }
}

export function saveJSON(key: string, value: unknown): void {
  save(key, JSON.stringify(value));
}

// ---- what the app remembers ----

export const prefs = {
  lastContext: () => load('lastContext'),
  setLastContext: (ctx: string) => save('lastContext', ctx),
  /** The namespace last used in a context; "" = all namespaces; null = never chosen. */
  namespaceOf: (ctx: string) => load(`namespace:${ctx}`),
  setNamespaceOf: (ctx: string, ns: string) => save(`namespace:${ctx}`, ns),
  wide: () => load('wide') === '1',
  setWide: (on: boolean) => save('wide', on ? '1' : '0'),
};
