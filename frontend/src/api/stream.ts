// List streams: GET /api/stream/list → NDJSON messages (decoded in
// listMessages.ts), over the one NDJSON transport.
import { toListMessage } from './listMessages';
import { streamLists } from './multiStream';
import { decoded, HEARTBEAT_TIMEOUT_MS, streamNdjson, streamUrl } from './openStream';
import type { ListMessage, ListQuery } from './types';

export { toListMessage } from './listMessages';

/** The URL of a list stream; every value is encodeURIComponent'ed. */
export function listStreamUrl(q: ListQuery): string {
  const { context, group, version, resource, namespace } = q;
  return streamUrl('/api/stream/list', {
    context,
    group,
    version,
    resource,
    namespace,
    labelSelector: q.labelSelector ?? '',
    fieldSelector: q.fieldSelector ?? '',
  });
}

/**
 * Opens a list stream and delivers its messages until the stream ends
 * (resolves) or fails (rejects with ApiError). Aborting the signal resolves.
 * An HTTP 401 also signals that the browser session expired.
 */
export async function streamList(
  q: ListQuery,
  onMessage: (m: ListMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const namespaces = splitNamespaces(q.namespace);
  if (namespaces.length > 1) return streamSeveralNamespaces(q, namespaces, onMessage, signal);
  await streamNdjson(listStreamUrl(q), {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onBadLine: (line, e) => console.warn('kubedeck: skipping a malformed stream line', line.slice(0, 200), e),
    onMessage: decoded(toListMessage, onMessage),
  });
}

/** "a,b" → ["a", "b"]: several namespaces are written comma-separated. */
export function splitNamespaces(namespace: string): string[] {
  return namespace
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/**
 * A list over several namespaces: one live list per namespace over a single
 * multiplexed connection, merged into one stream of messages (rows keys
 * carry their namespace, so they never collide). Columns come once; synced
 * comes when every namespace has synced; a terminal error of any namespace
 * (e.g. 403 in one of them) ends the whole list, as it would for one.
 */
export async function streamSeveralNamespaces(
  q: ListQuery,
  namespaces: string[],
  onMessage: (m: ListMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const queries = namespaces.map((namespace) => {
    const x: { group: string; version: string; resource: string; namespace: string; labelSelector?: string; fieldSelector?: string } = {
      group: q.group,
      version: q.version,
      resource: q.resource,
      namespace,
    };
    if (q.labelSelector) x.labelSelector = q.labelSelector;
    if (q.fieldSelector) x.fieldSelector = q.fieldSelector;
    return x;
  });
  const merge = severalNamespacesMerger(namespaces.length, onMessage);
  await streamLists(q.context, queries, merge, signal);
}

/** Merges the messages of n per-namespace lists into one list's messages. */
export function severalNamespacesMerger(n: number, onMessage: (m: ListMessage) => void): (index: number, m: ListMessage) => void {
  let columnsSent = false;
  const synced = new Set<number>();
  let allSynced = false;
  return (index, m) => {
    switch (m.type) {
      case 'columns':
        if (!columnsSent) onMessage(m);
        columnsSent = true;
        return;
      case 'synced':
        synced.add(index);
        if (!allSynced && synced.size === n) {
          allSynced = true;
          onMessage(m);
        }
        return;
      case 'reset':
        return; // one namespace relisting must not wipe the others' rows
      default:
        onMessage(m);
    }
  };
}
