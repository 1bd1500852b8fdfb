// Loads one plugin: imports its ES module from the URL the backend serves it
// at, hands its activate function the API object, and marks it running, or
// failed with its error (it does not parse, throws, exports no activate
// function, or does not finish within the load timeout).
import * as React from 'react';
import { errorMessage } from '../../api/errors';
import type { PluginInfo } from './backend';
import type { PluginRegistry } from './registry';
import type { Activate, KubedeckPluginAPI, PluginSettings } from './types';
import { addPluginTranslations, pluginT, usePluginTranslation } from './pluginI18n';
import { currentLanguage, t } from '../../i18n';

export const LOAD_TIMEOUT_MS = 10_000;
const PATH_SEGMENT = /^[a-z0-9][a-z0-9-]*$/i;

export type Importer = (url: string) => Promise<Record<string, unknown>>;

/** The browser's dynamic import, hidden from Vite (the URL is only known at run time). */
export const browserImport: Importer = (url) => import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>;

export function pluginSettings(id: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.localStorage ?? null): PluginSettings {
  const key = (k: string) => `kubedeck.plugin.${id}.${k}`;
  return {
    get: (k) => {
      try {
        return storage?.getItem(key(k)) ?? null;
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        if (v === null) storage?.removeItem(key(k));
        else storage?.setItem(key(k), v);
      } catch {
        // storage full or disabled: settings last for this session only
      }
    },
  };
}

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(t('plugins.errors.timeout', { what, seconds: ms / 1000 }))), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function need(cond: boolean, message: string): void {
  if (!cond) throw new TypeError(message);
}

/** The API object of one load of a plugin. Registrations are checked: a bad one fails the plugin. */
export function pluginApi(info: PluginInfo, reg: PluginRegistry, gen: number): KubedeckPluginAPI {
  const kind = (k: unknown, what: string) =>
    need(typeof k === 'object' && k !== null && typeof (k as { resource?: unknown }).resource === 'string' && typeof (k as { group?: unknown }).group === 'string', `${what}: kind needs group and resource`);
  const fn = (f: unknown, what: string) => need(typeof f === 'function', `${what} must be a function`);
  const text = (s: unknown, what: string) => need(typeof s === 'string' && s.trim() !== '', `${what} must be a non-empty string`);
  return Object.freeze({
    apiVersion: 1 as const,
    plugin: Object.freeze({ id: info.id, name: info.name, version: info.version }),
    React,
    settings: pluginSettings(info.id),
    registerSidebarEntry(e) {
      text(e.label, 'registerSidebarEntry label');
      need(PATH_SEGMENT.test(e.path), `registerSidebarEntry path "${e.path}" must be letters, digits and "-"`);
      reg.contribute(info.id, gen, 'sidebar', { label: e.label, path: e.path });
    },
    registerRoute(r) {
      need(PATH_SEGMENT.test(r.path), `registerRoute path "${r.path}" must be letters, digits and "-"`);
      text(r.title, 'registerRoute title');
      fn(r.component, 'registerRoute component');
      reg.contribute(info.id, gen, 'routes', { path: r.path, title: r.title, component: r.component });
    },
    registerDetailsSection(s) {
      kind(s.kind, 'registerDetailsSection');
      text(s.title, 'registerDetailsSection title');
      fn(s.component, 'registerDetailsSection component');
      reg.contribute(info.id, gen, 'sections', { kind: { group: s.kind.group, resource: s.kind.resource }, title: s.title, component: s.component });
    },
    registerListColumn(c) {
      kind(c.kind, 'registerListColumn');
      text(c.header, 'registerListColumn header');
      fn(c.value, 'registerListColumn value');
      const col: Parameters<KubedeckPluginAPI['registerListColumn']>[0] = { kind: { group: c.kind.group, resource: c.kind.resource }, header: c.header, value: c.value };
      if (typeof c.description === 'string') col.description = c.description;
      reg.contribute(info.id, gen, 'columns', col);
    },
    registerAppBarAction(a) {
      text(a.label, 'registerAppBarAction label');
      fn(a.run, 'registerAppBarAction run');
      reg.contribute(info.id, gen, 'actions', { label: a.label, run: a.run });
    },
    registerSettingsPage(p) {
      fn(p.component, 'registerSettingsPage component');
      reg.contribute(info.id, gen, 'settings', { component: p.component });
    },
    registerTranslations(resources) {
      addPluginTranslations(info.id, resources);
    },
    t: pluginT(info.id),
    language: () => currentLanguage(),
    useTranslation: () => usePluginTranslation(info.id),
  } satisfies KubedeckPluginAPI);
}

/** Loads (or reloads) one enabled plugin. Never rejects: failures land in the registry. */
export async function loadPlugin(info: PluginInfo, reg: PluginRegistry, importer: Importer = browserImport, timeoutMs = LOAD_TIMEOUT_MS): Promise<void> {
  if (!info.url) return;
  const gen = reg.begin(info.id, info.url);
  try {
    let mod: Record<string, unknown>;
    try {
      mod = await withTimeout(importer(info.url), timeoutMs, t('plugins.errors.loading'));
    } catch (e) {
      if (e instanceof Timeout) throw e;
      throw new Error(t('plugins.errors.load', { error: errorMessage(e) }), { cause: e });
    }
    const activate = mod.default ?? mod.activate;
    if (typeof activate !== 'function') throw new Error(t('plugins.errors.noActivate'));
    const result = await withTimeout(Promise.resolve((activate as Activate)(pluginApi(info, reg, gen))), timeoutMs, 'activate()');
    reg.running(info.id, gen, typeof result === 'function' ? result : null);
  } catch (e) {
    console.error(`kubedeck: plugin ${info.id} failed`, e);
    reg.fail(info.id, errorMessage(e), gen);
  }
}
