// The one hook that keeps a stream live: connects, reconnects with the one
// backoff when the stream breaks, pauses while its cluster pane is hidden
// (browsers allow six connections per host and every stream holds one; a
// hidden pane keeps its data and reconnects when shown), and reconnects on
// the pane's stream epoch (Retry, signing in).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors';
import { usePaneActive, useStreamEpoch } from '../features/clusters/clusterHealth';
import { defaultBackoff, type Backoff } from './backoff';

/**
 * Why a connection starts: `new` for a new key (start from scratch),
 * `restart` for the same key again (retry(), the epoch, the pane shown
 * again: keep what is on screen until fresh data is in), `retry` after the
 * backoff.
 */
export type ConnectKind = 'new' | 'restart' | 'retry';

export interface LiveConnection {
  readonly kind: ConnectKind;
  /** The stream delivered what it is for: the next failure starts the backoff over. */
  healthy(): void;
  /** Set when the stream said its last word (deleted, forbidden): its end is then no reason to reconnect. */
  final: boolean;
}

export interface LiveStreamOptions<M> {
  /** Identifies the stream (a new key starts from scratch); null: nothing to follow. */
  key: string | null;
  /** One connection: resolves when the stream ends, rejects (ApiError) when it fails, resolves when signal aborts. */
  open: (onMessage: (m: M) => void, signal: AbortSignal) => Promise<void>;
  onMessage: (m: M, connection: LiveConnection) => void;
  /** A connection is about to open. */
  onConnect?: (connection: LiveConnection) => void;
  /**
   * A connection ended by itself (error undefined) or failed; true
   * reconnects after the backoff. Default: reconnect unless the connection
   * is final or the error is one retrying cannot fix.
   */
  onEnd?: (error: unknown, connection: LiveConnection, retryAt: number) => boolean;
  /** The stream stops (new key, unmount, pane hidden): drop pending work. */
  onStop?: () => void;
  /** Null: never reconnect by itself. */
  backoff?: Backoff | null;
}

export interface LiveStreamControl {
  /** Reconnect now (a Retry button); the data on screen stays until fresh data is in. */
  retry: () => void;
  /** When the next automatic attempt happens (ms since epoch), if one is scheduled. */
  nextAttemptAt: number | null;
}

/** Errors worth retrying by ourselves: the network, the server, timeouts. Client errors (4xx) do not heal. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  if (e.network || e.status === undefined) return true;
  return e.status >= 500 || e.status === 408 || e.status === 429;
}

const defaultOnEnd = (error: unknown, c: LiveConnection): boolean => !c.final && (error === undefined || isTransient(error));

export function useLiveStream<M>(options: LiveStreamOptions<M>): LiveStreamControl {
  // The latest callbacks: the stream runs across renders, its identity is the key.
  const opts = useRef(options);
  opts.current = options;
  const [restarts, setRestarts] = useState(0);
  const [nextAttemptAt, setNextAttemptAt] = useState<number | null>(null);
  const lastKey = useRef<string | null>(null);
  const epoch = useStreamEpoch();
  const active = usePaneActive();
  const { key } = options;

  useEffect(() => {
    if (key === null || !active) return;
    const fresh = lastKey.current !== key;
    lastKey.current = key;
    let stopped = false;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const connect = (kind: ConnectKind) => {
      setNextAttemptAt(null);
      const ctl = new AbortController();
      controller = ctl;
      const conn: LiveConnection = { kind, final: false, healthy: () => void (failures = 0) };
      opts.current.onConnect?.(conn);
      const ended = (error: unknown) => {
        if (stopped || ctl.signal.aborted) return;
        const backoff = opts.current.backoff === undefined ? defaultBackoff : opts.current.backoff;
        const wait = backoff ? backoff.delay(failures + 1) : 0;
        const retryAt = Date.now() + wait;
        const again = (opts.current.onEnd ?? defaultOnEnd)(error, conn, retryAt);
        if (!again || !backoff) return;
        failures++;
        setNextAttemptAt(retryAt);
        timer = setTimeout(() => {
          timer = undefined;
          if (!stopped) connect('retry');
        }, wait);
      };
      opts.current
        .open((m) => {
          if (!stopped && !ctl.signal.aborted) opts.current.onMessage(m, conn);
        }, ctl.signal)
        .then(() => ended(undefined), (e: unknown) => ended(e ?? new ApiError('The stream failed')));
    };

    connect(fresh ? 'new' : 'restart');
    return () => {
      stopped = true;
      controller?.abort();
      clearTimeout(timer);
      opts.current.onStop?.();
    };
  }, [key, restarts, epoch, active]);

  const retry = useCallback(() => setRestarts((n) => n + 1), []);
  return { retry, nextAttemptAt };
}
