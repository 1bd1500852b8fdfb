// The one function that opens a stream (every /api/stream/ fetch goes
// through it). Each stream carries an id; aborting it also tells the backend
// to cancel it, because the desktop shell (Wails) never cancels a request
// whose fetch was aborted: without this, a cancelled drain went on evicting.
// streamNdjson below is the one reader of those streams.
import { ApiError, errorMessage, networkError, responseError } from './errors';
import { readNdjson } from './ndjson';
import { apiHeaders } from './client';
import { STREAM_HEADER, StreamMux } from './mux';
import { t } from '../i18n';

export { STREAM_HEADER } from './mux';

/** A random id of 32 hex digits (crypto.getRandomValues works outside secure contexts too). */
export function newStreamId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Asks the backend to stop the stream id; failures are ignored (the stream may be gone). */
export async function cancelStream(id: string): Promise<void> {
  try {
    await fetch(`/api/stream/cancel?id=${encodeURIComponent(id)}`, {
      method: 'POST',
      headers: apiHeaders(),
      credentials: 'same-origin',
      keepalive: true,
    });
  } catch {
    // nothing to do: the backend is gone or the stream ended
  }
}

/**
 * fetch for a stream: same-origin credentials, NDJSON accepted, the app key
 * (apiHeaders), a fresh stream id in STREAM_HEADER, and on abort of signal a cancel call for that
 * id as well as the aborted fetch.
 */
export function openStream(url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
  const id = newStreamId();
  const headers: Record<string, string> = { Accept: 'application/x-ndjson' };
  new Headers(init.headers).forEach((v, k) => {
    headers[k === 'accept' ? 'Accept' : k === 'content-type' ? 'Content-Type' : k] = v;
  });
  if (!signal.aborted) signal.addEventListener('abort', () => void cancelStream(id), { once: true });
  const mux = streamMux();
  if (mux && (init.method ?? 'GET') === 'GET') return mux.open(url, id, headers[PLUGIN_HEADER.toLowerCase()], signal);
  headers[STREAM_HEADER] = id;
  Object.assign(headers, apiHeaders());
  return fetch(url, { credentials: 'same-origin', ...init, headers, signal });
}

/** The request header a plugin's requests carry (their grant applies). */
export const PLUGIN_HEADER = 'X-Kubedeck-Plugin';

// GET streams share one connection (mux.ts); POST streams (drain, copy) and
// unit tests of single streams (setStreamMux(null)) fetch on their own.
let mux: StreamMux | null | undefined;

function streamMux(): StreamMux | null {
  if (mux === undefined) {
    mux = new StreamMux({ fetch: (input, init) => fetch(input, init), headers: apiHeaders, newId: newStreamId, cancel: (id) => void cancelStream(id) });
  }
  return mux;
}

/** Sets the stream connection GET streams use; null: each fetches on its own. */
export function setStreamMux(m: StreamMux | null): void {
  mux = m;
}

/**
 * How long a stream that sends heartbeats may stay silent before it counts as
 * broken. The backend's quietest streams (contexts, API resources, plugins,
 * plugin object lists) send one every 30 s; list, object and log streams every
 * 10 s while they watch, but a list or object stream that retries against its
 * cluster waits up to 37.5 s (30 s backoff plus jitter) and then a request,
 * so three times the slowest heartbeat leaves room for both.
 */
export const HEARTBEAT_TIMEOUT_MS = 90_000;

export interface NdjsonStreamOptions {
  init?: RequestInit;
  signal: AbortSignal;
  /** Each decoded line (heartbeats included). Returning false closes the stream (it then resolves). */
  onMessage: (value: unknown) => boolean | undefined;
  /** A stream silent for longer (no line at all) is aborted and rejects as broken. Omitted: no limit. */
  heartbeatTimeoutMs?: number;
  /** A line that is not JSON (skipped). */
  onBadLine?: (line: string, error: unknown) => void;
}

/**
 * The one NDJSON transport: opens url with openStream (headers, stream id,
 * backend cancel on abort) and hands every line to onMessage until the stream
 * ends (resolves), fails (rejects with ApiError: HTTP errors as the backend
 * said them, a lost or silent connection as a network error), onMessage
 * returns false (resolves) or the signal aborts (resolves).
 */
export async function streamNdjson(url: string, o: NdjsonStreamOptions): Promise<void> {
  const { signal } = o;
  if (signal.aborted) return;
  // Our own controller: a silent stream or onMessage's false closes it (and
  // cancels it on the backend) without touching the caller's signal.
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  signal.addEventListener('abort', stop, { once: true });
  let silent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    if (o.heartbeatTimeoutMs === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      silent = true;
      ctl.abort();
    }, o.heartbeatTimeoutMs);
  };
  const broken = (e: unknown): ApiError =>
    silent
      ? new ApiError(t('errors.silent', { seconds: Math.round((o.heartbeatTimeoutMs ?? 0) / 1000) }), undefined, { network: true, cause: e })
      : new ApiError(t('errors.brokeOff', { error: errorMessage(e) }), undefined, { network: true, cause: e });
  try {
    watch();
    let res: Response;
    try {
      res = await openStream(url, o.init ?? {}, ctl.signal);
    } catch (e) {
      if (signal.aborted) return;
      throw silent ? broken(e) : networkError(e);
    }
    if (!res.ok) throw await responseError(res);
    if (!res.body) throw new ApiError(t('errors.emptyStream'), res.status);
    try {
      for await (const value of readNdjson(res.body, o.onBadLine)) {
        if (signal.aborted) return;
        watch();
        if (o.onMessage(value) === false) {
          ctl.abort(); // closes the connection, here and on the backend
          return;
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      throw broken(e);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

/**
 * path?k=v&… with every value encodeURIComponent'ed, in the order given.
 * undefined values are left out, and empty ones too with dropEmpty.
 */
export function streamUrl(path: string, params: Record<string, string | number | boolean | undefined>, dropEmpty = false): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && !(dropEmpty && v === ''))
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${path}?${q}`;
}

/** An onMessage for streamNdjson that decodes each line and passes on the ones that are messages (not heartbeats, not junk). */
export function decoded<M>(decode: (v: unknown) => M | null, onMessage: (m: M) => void): (v: unknown) => undefined {
  return (v) => {
    const m = decode(v);
    if (m !== null) onMessage(m);
    return undefined;
  };
}
