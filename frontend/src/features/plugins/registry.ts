// What the plugins contributed and how each is doing, as one external store
// (useSyncExternalStore). Contributions of a plugin count only while it is
// running: a failed, disabled or unloaded plugin contributes nothing.
import { useSyncExternalStore } from 'react';
import type { PluginInfo } from './backend';
import { removePluginTranslations } from './pluginI18n';
import type { AppBarActionDef, DetailsSectionDef, ListColumnDef, RouteDef, SettingsPageDef, SidebarEntry } from './types';

export interface Contributions {
  sidebar: SidebarEntry[];
  routes: RouteDef[];
  sections: DetailsSectionDef[];
  columns: ListColumnDef[];
  actions: AppBarActionDef[];
  settings: SettingsPageDef | null;
}

export type Runtime =
  | { status: 'loading' }
  | { status: 'running' }
  | { status: 'failed'; error: string };

export interface LoadedPlugin {
  id: string;
  /** The bundle URL it was loaded from (changes with its hash). */
  url: string;
  generation: number;
  runtime: Runtime;
  contributions: Contributions;
  cleanup: (() => void) | null;
}

export interface Snapshot {
  /** Every plugin folder, as the backend lists them (null: not known yet). */
  list: PluginInfo[] | null;
  listError: string | null;
  loaded: ReadonlyMap<string, LoadedPlugin>;
}

export const emptyContributions = (): Contributions => ({ sidebar: [], routes: [], sections: [], columns: [], actions: [], settings: null });

/** A contribution with the plugin it came from. */
export type Owned<T> = T & { pluginId: string };

export class PluginRegistry {
  private snap: Snapshot = { list: null, listError: null, loaded: new Map() };
  private listeners = new Set<() => void>();
  private nextGeneration = 1;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  snapshot = (): Snapshot => this.snap;

  private set(next: Partial<Snapshot>): void {
    this.snap = { ...this.snap, ...next };
    for (const l of this.listeners) l();
  }

  private update(id: string, gen: number, fn: (p: LoadedPlugin) => LoadedPlugin): boolean {
    const p = this.snap.loaded.get(id);
    if (!p || p.generation !== gen) return false;
    const loaded = new Map(this.snap.loaded);
    loaded.set(id, fn(p));
    this.set({ loaded });
    return true;
  }

  setList(list: PluginInfo[]): void {
    this.set({ list, listError: null });
  }

  setListError(message: string | null): void {
    this.set({ listError: message });
  }

  /** Starts (re)loading a plugin; returns the generation its registrations must carry. */
  begin(id: string, url: string): number {
    this.unload(id);
    const generation = this.nextGeneration++;
    const loaded = new Map(this.snap.loaded);
    loaded.set(id, { id, url, generation, runtime: { status: 'loading' }, contributions: emptyContributions(), cleanup: null });
    this.set({ loaded });
    return generation;
  }

  /** Adds a contribution; false when that load is stale (the plugin was reloaded or removed). */
  contribute<K extends keyof Contributions>(id: string, gen: number, key: K, value: Contributions[K] extends (infer T)[] ? T : Contributions[K]): boolean {
    return this.update(id, gen, (p) => {
      const c = { ...p.contributions };
      const cur = c[key];
      (c as Record<keyof Contributions, unknown>)[key] = Array.isArray(cur) ? [...cur, value] : value;
      return { ...p, contributions: c };
    });
  }

  running(id: string, gen: number, cleanup: (() => void) | null): boolean {
    return this.update(id, gen, (p) => ({ ...p, runtime: { status: 'running' }, cleanup }));
  }

  /** Marks a plugin failed (gen omitted: whichever load is current, e.g. a render error). */
  fail(id: string, error: string, gen?: number): void {
    const p = this.snap.loaded.get(id);
    if (!p || (gen !== undefined && p.generation !== gen) || p.runtime.status === 'failed') return;
    this.runCleanup(p);
    this.update(id, p.generation, (q) => ({ ...q, runtime: { status: 'failed', error }, contributions: emptyContributions(), cleanup: null }));
  }

  unload(id: string): void {
    const p = this.snap.loaded.get(id);
    if (!p) return;
    this.runCleanup(p);
    removePluginTranslations(id);
    const loaded = new Map(this.snap.loaded);
    loaded.delete(id);
    this.set({ loaded });
  }

  private runCleanup(p: LoadedPlugin): void {
    try {
      p.cleanup?.();
    } catch (e) {
      console.warn(`kubedeck: plugin ${p.id} failed to clean up`, e);
    }
  }
}

export const registry = new PluginRegistry();

export function usePlugins(): Snapshot {
  return useSyncExternalStore(registry.subscribe, registry.snapshot, registry.snapshot);
}

/** The contributions of running plugins, each tagged with its plugin. */
export function running<K extends Exclude<keyof Contributions, 'settings'>>(
  snap: Snapshot,
  key: K,
): Owned<Contributions[K][number]>[] {
  const out: Owned<Contributions[K][number]>[] = [];
  for (const p of snap.loaded.values()) {
    if (p.runtime.status !== 'running') continue;
    for (const c of p.contributions[key]) out.push({ ...c, pluginId: p.id });
  }
  return out;
}
