// What a background frame reports it registered, checked: the frame is
// untrusted, so every field is verified before it becomes a link, a route,
// a section or a column of the host. A malformed report fails the plugin
// with a message naming the field.
import type { Contributions, KindRef } from '../registry';

const PATH_SEGMENT = /^[a-z0-9][a-z0-9-]*$/i;
const MAX_TEXT = 200;
const MAX_ITEMS = 100;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Malformed extends Error {}

function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new Malformed(`${what} is not a list`);
  if (v.length > MAX_ITEMS) throw new Malformed(`${what}: more than ${MAX_ITEMS} entries`);
  return v;
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_TEXT) throw new Malformed(`${what} must be a non-empty string of up to ${MAX_TEXT} characters`);
  return v;
}

function path(v: unknown, what: string): string {
  if (typeof v !== 'string' || !PATH_SEGMENT.test(v)) throw new Malformed(`${what} "${String(v)}" must be letters, digits and "-"`);
  return v;
}

function kind(v: unknown, what: string): KindRef {
  if (!isObj(v) || typeof v.group !== 'string' || typeof v.resource !== 'string' || v.resource === '') throw new Malformed(`${what}: kind needs group and resource`);
  return { group: v.group, resource: v.resource };
}

function item(v: unknown, what: string, i: number): Record<string, unknown> {
  if (!isObj(v)) throw new Malformed(`${what} ${i} is not an object`);
  return v;
}

/** The contributions a report describes; throws (with the field) when it is malformed. */
export function toContributions(reg: unknown): Contributions {
  if (!isObj(reg)) throw new Malformed('the registration report is not an object');
  const sidebar = list(reg.sidebar, 'sidebar').map((v, i) => {
    const e = item(v, 'sidebar entry', i);
    return { label: text(e.label, 'sidebar label'), path: path(e.path, 'sidebar path') };
  });
  const routes = list(reg.routes, 'routes').map((v, i) => {
    const r = item(v, 'route', i);
    return { path: path(r.path, 'route path'), title: text(r.title, 'route title') };
  });
  const sections = list(reg.sections, 'sections').map((v, i) => {
    const s = item(v, 'section', i);
    return { kind: kind(s.kind, 'section'), title: text(s.title, 'section title'), index: i };
  });
  const columns = list(reg.columns, 'columns').map((v, i) => {
    const c = item(v, 'column', i);
    const col: Contributions['columns'][number] = { kind: kind(c.kind, 'column'), header: text(c.header, 'column header'), index: i };
    if (c.description !== undefined) col.description = text(c.description, 'column description');
    return col;
  });
  const actions = list(reg.actions, 'actions').map((v, i) => ({ label: text(item(v, 'action', i).label, 'action label'), index: i }));
  return { sidebar, routes, sections, columns, actions, settings: reg.settings === true };
}

/** The translations of a report (an object of languages), or an empty set. */
export function translationsOf(reg: unknown): Record<string, Record<string, unknown>> {
  if (!isObj(reg) || !isObj(reg.translations)) return {};
  const out: Record<string, Record<string, unknown>> = {};
  for (const [lang, tree] of Object.entries(reg.translations)) {
    if (isObj(tree)) out[lang] = tree;
  }
  return out;
}

export const isMalformed = (e: unknown): e is Error => e instanceof Malformed;
