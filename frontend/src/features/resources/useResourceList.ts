// Follows a list stream: keeps the rows (Map by key), applies message batches
// once per animation frame, reconnects with backoff when the stream breaks.
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { streamList } from '../../api/stream';
import type { ListMessage, ListQuery } from '../../api/types';
import { reportLive, reportTrouble, usePaneActive, useStreamEpoch } from '../clusters/clusterHealth';
import { initialListState, listReducer, type ListState, type StreamProblem } from './listReducer';

export interface Backoff {
  /** Delay before attempt n (n ≥ 1 counts failures in a row). */
  delay(n: number): number;
}

export const defaultBackoff: Backoff = {
  delay: (n) => Math.min(30_000, 1000 * 2 ** Math.max(0, n - 1)) * (0.8 + Math.random() * 0.4),
};

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

/** Errors worth retrying by ourselves: the network, the server, timeouts. */
function transient(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  if (e.network || e.status === undefined) return true;
  return e.status >= 500 || e.status === 408 || e.status === 429;
}

function schedule(fn: () => void): () => void {
  // rAF coalesces to one state update per frame; the timeout covers hidden tabs
  // (no frames) and environments without rAF.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const t = setTimeout(run, 250);
  return () => {
    done = true;
    if (raf !== null) cancelAnimationFrame(raf);
    clearTimeout(t);
  };
}

/**
 * The rows of a list stream. `query` null means "nothing to list". A new query
 * (another context, namespace or resource) starts from scratch.
 */
export function useResourceList(query: ListQuery | null, backoff: Backoff = defaultBackoff): ResourceList {
  const [state, dispatch] = useReducer(listReducer, undefined, initialListState);
  const [restarts, setRestarts] = useState(0);
  const [nextAttemptAt, setNextAttemptAt] = useState<number | null>(null);
  const key = query ? JSON.stringify(query) : '';
  const queryRef = useRef(query);
  queryRef.current = query;
  const backoffRef = useRef(backoff);
  backoffRef.current = backoff;
  const lastKey = useRef<string | null>(null);
  const epoch = useStreamEpoch();
  // Hidden panes (other open clusters) pause their streams and keep their rows:
  // browsers allow only 6 connections per host, and streams hold one each.
  const active = usePaneActive();

  useEffect(() => {
    const q = queryRef.current;
    if (!q || !active) return;
    // A Retry of the same query keeps the rows on screen until the new list is in.
    const sameQuery = lastKey.current === key;
    lastKey.current = key;

    let stopped = false;
    let controller: AbortController | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let cancelFlush: (() => void) | null = null;
    let queue: ListMessage[] = [];
    let failures = 0;

    const flush = () => {
      cancelFlush = null;
      if (queue.length === 0) return;
      const messages = queue;
      queue = [];
      // A transition: typing, scrolling and clicks stay ahead of list updates.
      startTransition(() => dispatch({ type: 'messages', messages }));
    };
    const flushNow = () => {
      cancelFlush?.();
      flush();
    };

    const connect = (replace: boolean) => {
      setNextAttemptAt(null);
      const ctl = new AbortController();
      controller = ctl;
      dispatch({ type: 'connect', replace });
      let terminal: StreamProblem | null = null;
      streamList(
        q,
        (m) => {
          if (m.type === 'synced') failures = 0;
          if (m.type === 'synced' || m.type === 'events') reportLive(q.context);
          // A 401, or no answer at all from the cluster: ask for the cluster's status.
          if (m.type === 'error' && (m.status === 401 || m.status === undefined)) reportTrouble(q.context);
          if (m.type === 'error' && !m.retrying) {
            terminal = { message: m.message, retrying: false };
            if (m.status !== undefined) terminal.status = m.status;
          }
          queue.push(m);
          cancelFlush ??= schedule(flush);
        },
        ctl.signal,
      ).then(
        () => {
          if (stopped || ctl.signal.aborted) return;
          flushNow();
          if (terminal) {
            dispatch({ type: 'ended', problem: terminal, retry: false });
          } else {
            retryLater({ message: 'The connection to the backend was lost.', retrying: true });
          }
        },
        (e: unknown) => {
          if (stopped || ctl.signal.aborted) return;
          flushNow();
          if (transient(e)) retryLater({ ...problemOf(e), retrying: true });
          else dispatch({ type: 'ended', problem: problemOf(e), retry: false });
        },
      );
    };

    const retryLater = (problem: StreamProblem) => {
      failures++;
      dispatch({ type: 'ended', problem, retry: true });
      const wait = backoffRef.current.delay(failures);
      setNextAttemptAt(Date.now() + wait);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!stopped) connect(true);
      }, wait);
    };

    connect(sameQuery);
    return () => {
      stopped = true;
      controller?.abort();
      cancelFlush?.();
      if (retryTimer) clearTimeout(retryTimer);
    };
  }, [key, restarts, epoch, active]);

  const retry = useCallback(() => setRestarts((n) => n + 1), []);
  return { ...state, retry, nextAttemptAt };
}
