// Where the app opens and what it remembers per context. The desktop shell
// keeps preferences on disk (Preferences/RememberLocation/SetReadOnly); the
// browser shell does not persist them on the server, so localStorage is the
// source there.
import { api, transport } from '../api/client';
import type { ContextList, Preferences } from '../api/types';
import { load, prefs, save } from './storage';

function serverKeeps(): boolean {
  return transport() === 'desktop';
}

/** The context to open when the URL names none: the last used, kubeconfig's current, the first. */
export function pickContext(data: ContextList, server: Preferences | undefined): string {
  const names = new Set(data.contexts.map((c) => c.name));
  const last = (serverKeeps() ? server?.lastContext : undefined) ?? prefs.lastContext();
  if (last && names.has(last)) return last;
  if (data.current && names.has(data.current)) return data.current;
  return data.contexts[0]?.name ?? '';
}

/** The namespace last used in a context ("" = all namespaces). */
export function rememberedNamespace(context: string, server: Preferences | undefined): string {
  if (serverKeeps()) {
    const ns = server?.contexts?.[context]?.namespace;
    if (ns !== undefined) return ns;
  }
  return prefs.namespaceOf(context) ?? '';
}

let lastSent = '';

/** Remembers the context and namespace on screen (both stores; errors are not worth a word). */
export function rememberLocation(context: string, namespace: string): Promise<Preferences | null> {
  prefs.setLastContext(context);
  prefs.setNamespaceOf(context, namespace);
  const sig = `${context}\u0000${namespace}`;
  if (sig === lastSent) return Promise.resolve(null);
  lastSent = sig;
  return api.RememberLocation(context, namespace).catch(() => null);
}

export function isReadOnly(context: string, server: Preferences | undefined): boolean {
  if (serverKeeps()) return server?.contexts?.[context]?.readOnly === true;
  return load(`readOnly:${context}`) === '1';
}

/** Turns the read-only switch of a context; returns the server's preferences when it kept them. */
export async function setReadOnly(context: string, on: boolean): Promise<Preferences | null> {
  save(`readOnly:${context}`, on ? '1' : null);
  if (!serverKeeps()) return null;
  return api.SetReadOnly(context, on);
}

/** Contexts added in the app live in <config>/kubedeck/kubeconfig; only those can be removed. */
export function isAppAdded(source: string): boolean {
  return source.replace(/\\/g, '/').endsWith('kubedeck/kubeconfig');
}
