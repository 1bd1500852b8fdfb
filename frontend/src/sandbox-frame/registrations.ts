// What a plugin registers inside its frame: the definitions with their
// functions (they stay here) and, for the host, the same as data. Each
// register* call is checked as the host's loader checked it before the
// sandbox: a bad registration throws a TypeError, which fails the plugin.
import type { Registered } from '../features/plugins/sandbox/protocol';
import type {
  AppBarActionDef,
  DetailsSectionDef,
  ListColumnDef,
  RouteDef,
  SettingsPageDef,
  SidebarEntry,
} from '../features/plugins/types';

const PATH_SEGMENT = /^[a-z0-9][a-z0-9-]*$/i;

export interface Registrations {
  sidebar: SidebarEntry[];
  routes: RouteDef[];
  sections: DetailsSectionDef[];
  columns: ListColumnDef[];
  actions: AppBarActionDef[];
  settings: SettingsPageDef | null;
}

export const emptyRegistrations = (): Registrations => ({ sidebar: [], routes: [], sections: [], columns: [], actions: [], settings: null });

function need(cond: boolean, message: string): void {
  if (!cond) throw new TypeError(message);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function def(v: unknown, what: string): Record<string, unknown> {
  need(isObj(v), `${what} needs an object`);
  return v as Record<string, unknown>;
}

function kind(k: unknown, what: string): { group: string; resource: string } {
  need(isObj(k) && typeof k.resource === 'string' && typeof k.group === 'string', `${what}: kind needs group and resource`);
  const { group, resource } = k as { group: string; resource: string };
  return { group, resource };
}

const fn = (f: unknown, what: string) => need(typeof f === 'function', `${what} must be a function`);
const text = (s: unknown, what: string) => need(typeof s === 'string' && s.trim() !== '', `${what} must be a non-empty string`);
const path = (p: unknown, what: string) => need(typeof p === 'string' && PATH_SEGMENT.test(p), `${what} path "${String(p)}" must be letters, digits and "-"`);

/** The register* functions of the API object, adding to `reg`. */
export function registerFunctions(reg: Registrations) {
  return {
    registerSidebarEntry(entry: SidebarEntry): void {
      const e = def(entry, 'registerSidebarEntry');
      text(e.label, 'registerSidebarEntry label');
      path(e.path, 'registerSidebarEntry');
      reg.sidebar.push({ label: e.label as string, path: e.path as string });
    },
    registerRoute(route: RouteDef): void {
      const r = def(route, 'registerRoute');
      path(r.path, 'registerRoute');
      text(r.title, 'registerRoute title');
      fn(r.component, 'registerRoute component');
      reg.routes.push({ path: r.path as string, title: r.title as string, component: r.component as RouteDef['component'] });
    },
    registerDetailsSection(section: DetailsSectionDef): void {
      const s = def(section, 'registerDetailsSection');
      const k = kind(s.kind, 'registerDetailsSection');
      text(s.title, 'registerDetailsSection title');
      fn(s.component, 'registerDetailsSection component');
      reg.sections.push({ kind: k, title: s.title as string, component: s.component as DetailsSectionDef['component'] });
    },
    registerListColumn(column: ListColumnDef): void {
      const c = def(column, 'registerListColumn');
      const k = kind(c.kind, 'registerListColumn');
      text(c.header, 'registerListColumn header');
      fn(c.value, 'registerListColumn value');
      const col: ListColumnDef = { kind: k, header: c.header as string, value: c.value as ListColumnDef['value'] };
      if (typeof c.description === 'string') col.description = c.description;
      reg.columns.push(col);
    },
    registerAppBarAction(action: AppBarActionDef): void {
      const a = def(action, 'registerAppBarAction');
      text(a.label, 'registerAppBarAction label');
      fn(a.run, 'registerAppBarAction run');
      reg.actions.push({ label: a.label as string, run: a.run as AppBarActionDef['run'] });
    },
    registerSettingsPage(page: SettingsPageDef): void {
      const p = def(page, 'registerSettingsPage');
      fn(p.component, 'registerSettingsPage component');
      reg.settings = { component: p.component as SettingsPageDef['component'] };
    },
  };
}

/** The registrations as data for the host (Registered of the protocol). */
export function registeredData(reg: Registrations, translations: Registered['translations']): Registered {
  return {
    sidebar: reg.sidebar.map(({ label, path: p }) => ({ label, path: p })),
    routes: reg.routes.map(({ path: p, title }) => ({ path: p, title })),
    sections: reg.sections.map(({ kind: k, title }) => ({ kind: { group: k.group, resource: k.resource }, title })),
    columns: reg.columns.map(({ kind: k, header, description }) => ({
      kind: { group: k.group, resource: k.resource },
      header,
      ...(description === undefined ? {} : { description }),
    })),
    actions: reg.actions.map(({ label }) => ({ label })),
    settings: reg.settings !== null,
    translations,
  };
}
