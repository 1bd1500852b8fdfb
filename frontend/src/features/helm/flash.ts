// What one Helm page leaves for the next, in memory per context: the message
// an Uninstall leaves for the list it goes back to (shown once), and the
// namespaces the list showed last (where a release page goes back to).
import { useEffect, useState } from 'react';

const messages = new Map<string, string>();
const listNamespaces = new Map<string, string>();

export function leaveMessage(context: string, message: string): void {
  messages.set(context, message);
}

/** The message left for this context (taken once shown), and a way to dismiss it. */
export function useLeftMessage(context: string): [string | null, () => void] {
  const [message, setMessage] = useState<string | null>(() => messages.get(context) ?? null);
  useEffect(() => {
    messages.delete(context);
  }, [context]);
  return [message, () => setMessage(null)];
}

/** The releases list shows namespace ("" all, "a,b" several). */
export function rememberListNamespace(context: string, namespace: string): void {
  listNamespaces.set(context, namespace);
}

/** The namespaces the releases list showed last, else fallback. */
export function listNamespaceOf(context: string, fallback: string): string {
  return listNamespaces.get(context) ?? fallback;
}
