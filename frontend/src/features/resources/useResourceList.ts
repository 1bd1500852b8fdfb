// Follows a list stream: keeps the rows (Map by key), applies message batches
// once per animation frame, reconnects with backoff when the stream breaks
// (useLiveStream), and pauses while its cluster pane is hidden.
import { startTransition, useMemo, useReducer, useRef } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { streamList } from '../../api/stream';
import type { ListMessage, ListQuery } from '../../api/types';
import { defaultBackoff, type Backoff } from '../../lib/backoff';
import { frameBatch } from '../../lib/frameScheduler';
import { isTransient, useLiveStream } from '../../lib/useLiveStream';
import { reportLive, reportTrouble } from '../clusters/clusterHealth';
import { initialListState, listReducer, type ListState, type StreamProblem } from './listReducer';
import { t } from '../../i18n';

export { defaultBackoff, type Backoff } from '../../lib/backoff';

export interface ResourceList extends ListState {
  /** Restart the stream now (Retry button). */
  retry: () => void;
  /** When the next automatic attempt happens (ms since epoch), if one is scheduled. */
  nextAttemptAt: number | null;
}

function problemOf(e: unknown): StreamProblem {
  const p: StreamProblem = { message: errorMessage(e), retrying: false };
  if (e instanceof ApiError && e.status !== undefined) p.status = e.status;
  return p;
}

/**
 * The rows of a list stream. `query` null means "nothing to list". A new query
 * (another context, namespace or resource) starts from scratch.
 */
export function useResourceList(query: ListQuery | null, backoff: Backoff = defaultBackoff): ResourceList {
  const [state, dispatch] = useReducer(listReducer, undefined, initialListState);
  // A transition: typing, scrolling and clicks stay ahead of list updates.
  const batch = useMemo(
    () => frameBatch<ListMessage>((messages) => startTransition(() => dispatch({ type: 'messages', messages }))),
    [],
  );
  // Why the current connection's stream said it is over (a final error message).
  const terminal = useRef<StreamProblem | null>(null);
  const { retry, nextAttemptAt } = useLiveStream<ListMessage>({
    key: query ? JSON.stringify(query) : null,
    backoff,
    open: (onMessage, signal) => (query ? streamList(query, onMessage, signal) : Promise.resolve()),
    onConnect: (c) => {
      terminal.current = null;
      // A Retry of the same query keeps the rows on screen until the new list is in.
      dispatch({ type: 'connect', replace: c.kind !== 'new' });
    },
    onMessage: (m, c) => {
      const context = query?.context ?? '';
      if (m.type === 'synced') c.healthy();
      if (m.type === 'synced' || m.type === 'events') reportLive(context);
      // A 401, or no answer at all from the cluster: ask for the cluster's status.
      if (m.type === 'error' && (m.status === 401 || m.status === undefined)) reportTrouble(context);
      if (m.type === 'error' && !m.retrying) {
        c.final = true;
        terminal.current = { message: m.message, retrying: false };
        if (m.status !== undefined) terminal.current.status = m.status;
      }
      batch.push(m);
    },
    onEnd: (error, c) => {
      batch.flush();
      if (error === undefined && c.final) {
        dispatch({ type: 'ended', problem: terminal.current, retry: false });
        return false;
      }
      if (error !== undefined && !isTransient(error)) {
        dispatch({ type: 'ended', problem: problemOf(error), retry: false });
        return false;
      }
      const problem = error === undefined ? { message: t('errors.connectionLost'), retrying: true } : { ...problemOf(error), retrying: true };
      dispatch({ type: 'ended', problem, retry: true });
      return true;
    },
    onStop: () => batch.cancel(),
  });
  return { ...state, retry, nextAttemptAt };
}
