// What the plugins contributed and how each is doing, as one external store
// (useSyncExternalStore). Contributions are data the plugin's background
// frame reported (labels, paths, titles, headers); the code stays in its
// frame. They count only while the plugin is running: a failed, disabled or
// unloaded plugin contributes nothing. The requests refused to each plugin
// are kept here too (the last few), for its card and the refusal notice.
import { useSyncExternalStore } from 'react';
import type { PluginInfo } from './backend';
import { removePluginTranslations } from './pluginI18n';
import type { Refusal } from './sandbox/capabilities';

export interface KindRef {
  group: string;
  resource: string;
}

export interface Contributions {
  sidebar: { label: string; path: string }[];
  routes: { path: string; title: string }[];
  /** index: the section's index in the plugin's registrations (the view frame renders that one). */
  sections: { kind: KindRef; title: string; index: number }[];
  columns: { kind: KindRef; header: string; description?: string; index: number }[];
  actions: { label: string; index: number }[];
  settings: boolean;
}

export type Runtime =
  | { status: 'loading' }
  | { status: 'running' }
  | { status: 'failed'; error: string };

export interface LoadedPlugin {
  id: string;
  /** The frame document it runs in (changes with its hash: development reload). */
  frameUrl: string;
  generation: number;
  runtime: Runtime;
  contributions: Contributions;
  /** False when its background frame stopped answering the heartbeat (a busy loop). */
  responding: boolean;
}

/** A refused request as the card lists it. */
export interface RefusalEntry extends Refusal {
  /** When it was last refused (ms since the epoch). */
  at: number;
  /** How many times in a row (floods collapse into one line). */
  count: number;
}

export interface Snapshot {
  /** Every plugin folder, as the backend lists them (null: not known yet). */
  list: PluginInfo[] | null;
  listError: string | null;
  loaded: ReadonlyMap<string, LoadedPlugin>;
  /** The last refusals per plugin, newest first. */
  refusals: ReadonlyMap<string, readonly RefusalEntry[]>;
  /** The newest refusal not yet dismissed (the notice shows it). */
  notice: { pluginId: string; entry: RefusalEntry; seq: number } | null;
}

/** How many refusals a plugin's card keeps. */
export const REFUSALS_KEPT = 20;

export const emptyContributions = (): Contributions => ({ sidebar: [], routes: [], sections: [], columns: [], actions: [], settings: false });

/** A contribution with the plugin it came from. */
export type Owned<T> = T & { pluginId: string };

const sameRefusal = (a: Refusal, b: Refusal) => a.action === b.action && a.target === b.target && a.reason === b.reason;

export class PluginRegistry {
  private snap: Snapshot = { list: null, listError: null, loaded: new Map(), refusals: new Map(), notice: null };
  private listeners = new Set<() => void>();
  private nextGeneration = 1;
  private noticeSeq = 0;

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

  /** The plugin as the backend lists it now. */
  info(id: string): PluginInfo | undefined {
    return this.snap.list?.find((p) => p.id === id);
  }

  /** Starts (re)loading a plugin; returns the generation its reports must carry. */
  begin(id: string, frameUrl: string): number {
    this.unload(id);
    const generation = this.nextGeneration++;
    const loaded = new Map(this.snap.loaded);
    loaded.set(id, { id, frameUrl, generation, runtime: { status: 'loading' }, contributions: emptyContributions(), responding: true });
    this.set({ loaded });
    return generation;
  }

  /** The background frame reported what the plugin registered: it runs. False when that load is stale. */
  registered(id: string, gen: number, contributions: Contributions): boolean {
    return this.update(id, gen, (p) => (p.runtime.status === 'failed' ? p : { ...p, runtime: { status: 'running' }, contributions }));
  }

  /** Marks a plugin failed (gen omitted: whichever load is current, e.g. a view that threw). */
  fail(id: string, error: string, gen?: number): void {
    const p = this.snap.loaded.get(id);
    if (!p || (gen !== undefined && p.generation !== gen) || p.runtime.status === 'failed') return;
    this.update(id, p.generation, (q) => ({ ...q, runtime: { status: 'failed', error }, contributions: emptyContributions() }));
  }

  setResponding(id: string, gen: number, responding: boolean): void {
    const p = this.snap.loaded.get(id);
    if (p?.responding === responding) return;
    this.update(id, gen, (q) => ({ ...q, responding }));
  }

  unload(id: string): void {
    if (!this.snap.loaded.has(id)) return;
    removePluginTranslations(id);
    const loaded = new Map(this.snap.loaded);
    loaded.delete(id);
    this.set({ loaded });
  }

  /** Records a refused request (a repeat of the newest one only counts up). */
  refuse(id: string, refusal: Refusal, at = Date.now()): void {
    const cur = this.snap.refusals.get(id) ?? [];
    const newest = cur[0];
    const refusals = new Map(this.snap.refusals);
    if (newest && sameRefusal(newest, refusal)) {
      const entry = { ...newest, at, count: newest.count + 1 };
      refusals.set(id, [entry, ...cur.slice(1)]);
      const notice = this.snap.notice?.pluginId === id ? { ...this.snap.notice, entry } : this.snap.notice;
      this.set({ refusals, notice });
      return;
    }
    const entry: RefusalEntry = { ...refusal, at, count: 1 };
    refusals.set(id, [entry, ...cur].slice(0, REFUSALS_KEPT));
    this.set({ refusals, notice: { pluginId: id, entry, seq: ++this.noticeSeq } });
  }

  dismissNotice(): void {
    if (this.snap.notice) this.set({ notice: null });
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
