// The command bar's language, k9s-like: a resource by any of its names
// (":po", ":deploy", ":svc", ":certificates.cert-manager.io", optionally with a
// namespace: ":po kube-system"), ":ctx NAME", ":ns NAME" / ":ns all".
// Completions use the pickers' matcher (filterItems), so typing finds the same
// things everywhere.
import { filterItems, type PickerItem } from '../../components/Picker';
import type { CatalogEntry, CatalogSection } from '../navigation/catalog';
import { t } from '../../i18n';

export interface CommandData {
  /** Every listable kind the cluster serves (the catalog's order: built-in kinds first). */
  entries: readonly CatalogEntry[];
  contexts: readonly string[];
  namespaces: readonly string[];
}

export type Command =
  | { type: 'none' }
  | { type: 'resource'; entry: CatalogEntry; namespace?: string }
  | { type: 'context'; name: string }
  /** namespace "" = all namespaces. */
  | { type: 'namespace'; namespace: string }
  | { type: 'error'; message: string };

export interface Completion extends PickerItem {
  /** The command it stands for (what Enter runs, Tab puts in the box). */
  command: string;
}

const CONTEXT_WORDS = new Set(['ctx', 'context', 'contexts']);
const NAMESPACE_WORDS = new Set(['ns', 'namespace']);
/** A namespace name (RFC 1123 label). */
const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Every entry of the catalog, in its order. */
export function catalogEntries(sections: readonly CatalogSection[]): CatalogEntry[] {
  return sections.flatMap((s) => [...s.entries, ...(s.groups ?? []).flatMap((g) => g.entries)]);
}

/** The names a kind answers to: plural, singular, kind, short names, and plural.group. */
export function aliasesOf(e: CatalogEntry): string[] {
  const names = [e.plural, e.singular, e.kind.toLowerCase(), ...e.shortNames.map((s) => s.toLowerCase())];
  if (e.gvr.group) names.push(`${e.plural}.${e.gvr.group}`, `${e.singular}.${e.gvr.group}`);
  return [...new Set(names)];
}

/** The kind a word names (case-insensitive); the first in catalog order when several do. */
export function findResource(entries: readonly CatalogEntry[], word: string): CatalogEntry | undefined {
  const w = word.toLowerCase();
  return entries.find((e) => aliasesOf(e).includes(w));
}

function split(text: string): { head: string; arg: string; spaced: boolean } {
  const t = text.replace(/^\s*:?/, '');
  const m = /^(\S*)(\s+)?([\s\S]*)$/.exec(t);
  return { head: (m?.[1] ?? '').toLowerCase(), arg: (m?.[3] ?? '').trim(), spaced: !!m?.[2] };
}

export function parseCommand(text: string, data: CommandData): Command {
  const { head, arg } = split(text);
  if (!head) return { type: 'none' };
  if (CONTEXT_WORDS.has(head)) {
    if (!arg) return { type: 'error', message: t('keyboard.bar.ctxMissing') };
    const name = data.contexts.find((c) => c === arg) ?? data.contexts.find((c) => c.toLowerCase() === arg.toLowerCase());
    return name ? { type: 'context', name } : { type: 'error', message: t('keyboard.bar.noContext', { name: arg }) };
  }
  if (NAMESPACE_WORDS.has(head)) {
    if (!arg) return { type: 'error', message: t('keyboard.bar.nsMissing') };
    if (arg === 'all' || arg === '*') return { type: 'namespace', namespace: '' };
    return NAMESPACE_RE.test(arg) ? { type: 'namespace', namespace: arg } : { type: 'error', message: t('keyboard.bar.notNamespace', { name: arg }) };
  }
  const entry = findResource(data.entries, head);
  if (!entry) return { type: 'error', message: t('keyboard.bar.noResource', { name: head }) };
  if (!arg) return { type: 'resource', entry };
  if (arg === 'all' || arg === '*') return { type: 'resource', entry, namespace: '' };
  if (!entry.namespaced) return { type: 'error', message: t('keyboard.bar.clusterScoped', { label: entry.label }) };
  return NAMESPACE_RE.test(arg) ? { type: 'resource', entry, namespace: arg } : { type: 'error', message: t('keyboard.bar.notNamespace', { name: arg }) };
}

function resourceItem(e: CatalogEntry): Completion {
  const gv = e.gvr.group ? `${e.gvr.group}/${e.gvr.version}` : e.gvr.version;
  const short = e.shortNames.length ? ` · ${e.shortNames.join(', ')}` : '';
  return {
    id: `r:${e.gvr.group}/${e.plural}`,
    label: e.plural,
    details: [`${e.kind} · ${gv}${short}`],
    keywords: aliasesOf(e).join(' '),
    command: e.gvr.group ? `${e.plural}.${e.gvr.group}` : e.plural,
  };
}

/** The item named exactly as typed first ("ctx kind-a" before "kind-a-admin"). */
function exactFirst(items: Completion[], typed: string): Completion[] {
  const i = items.findIndex((c) => c.label === typed);
  if (i <= 0) return items;
  const copy = items.slice();
  const [hit] = copy.splice(i, 1);
  return hit ? [hit, ...copy] : items;
}

function namespaceItems(prefix: string, data: CommandData, typed: string, withAll: boolean): Completion[] {
  const items: Completion[] = [
    ...(withAll ? [{ id: 'ns:', label: 'all', details: [t('keyboard.bar.allNamespaces')], command: `${prefix} all` }] : []),
    ...data.namespaces.map((n) => ({ id: `ns:${n}`, label: n, command: `${prefix} ${n}` })),
  ];
  const shown = exactFirst(filterItems(items, typed), typed);
  if (typed && NAMESPACE_RE.test(typed) && typed !== 'all' && !data.namespaces.includes(typed)) {
    shown.push({ id: `ns:${typed}`, label: typed, details: [t('keyboard.bar.notListed')], command: `${prefix} ${typed}` });
  }
  return shown;
}

/** What the box could become, best first, for what is typed so far. */
export function completions(text: string, data: CommandData, limit = 50): Completion[] {
  const { head, arg, spaced } = split(text);
  if (spaced && CONTEXT_WORDS.has(head)) {
    const items = data.contexts.map((c) => ({ id: `ctx:${c}`, label: c, command: `ctx ${c}` }));
    return exactFirst(filterItems(items, arg), arg).slice(0, limit);
  }
  if (spaced && NAMESPACE_WORDS.has(head)) return namespaceItems('ns', data, arg, true).slice(0, limit);
  if (spaced) {
    const entry = findResource(data.entries, head);
    if (!entry?.namespaced) return [];
    return namespaceItems(resourceItem(entry).command, data, arg, true).slice(0, limit);
  }
  const meta: Completion[] = [
    { id: 'cmd:ctx', label: 'ctx', details: [t('keyboard.bar.ctxHelp')], keywords: 'context', command: 'ctx ' },
    { id: 'cmd:ns', label: 'ns', details: [t('keyboard.bar.nsHelp')], keywords: 'namespace', command: 'ns ' },
  ];
  const resources = data.entries.map(resourceItem);
  if (!head) return [...meta, ...resources].slice(0, limit);
  // A kind named exactly by what was typed comes first (":po" → pods, not podtemplates).
  const exact = data.entries.filter((e) => aliasesOf(e).includes(head)).map(resourceItem);
  const rest = filterItems([...meta, ...resources], head);
  const ids = new Set(exact.map((c) => c.id));
  return [...exact, ...rest.filter((c) => !ids.has(c.id))].slice(0, limit);
}
