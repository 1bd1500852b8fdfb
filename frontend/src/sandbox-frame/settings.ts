// kd.settings inside the frame: synchronous reads over the cache the host
// sent in "init" (and refreshes with "settings" messages); set() updates the
// cache and posts "settings-set" (the host stores it).
import type { FrameMessage } from '../features/plugins/sandbox/protocol';
import type { PluginSettings } from '../features/plugins/types';

const strings = (v: Record<string, unknown>): Map<string, string> =>
  new Map(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));

export class SettingsCache {
  private values: Map<string, string>;
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  constructor(
    initial: Record<string, unknown>,
    private readonly send: (m: FrameMessage) => void,
  ) {
    this.values = strings(initial);
  }

  /** The host's store changed (another frame of the plugin wrote, or the user reset it). */
  replace(values: Record<string, unknown>): void {
    this.values = strings(values);
    this.emit();
  }

  readonly api: PluginSettings = Object.freeze({
    get: (key: string): string | null => {
      if (typeof key !== 'string') throw new TypeError('settings.get: key must be a string');
      return this.values.get(key) ?? null;
    },
    set: (key: string, value: string | null): void => {
      if (typeof key !== 'string' || key === '') throw new TypeError('settings.set: key must be a non-empty string');
      if (value !== null && typeof value !== 'string') throw new TypeError('settings.set: value must be a string or null');
      if (value === null) this.values.delete(key);
      else this.values.set(key, value);
      this.send({ type: 'settings-set', key, value });
      this.emit();
    },
  });

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Counts changes (a snapshot for useSyncExternalStore). */
  readonly version = (): number => this.changes;

  private emit(): void {
    this.changes += 1;
    for (const l of this.listeners) l();
  }
}
