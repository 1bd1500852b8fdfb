// The one function that opens a stream (every /api/stream/ fetch goes
// through it). Each stream carries an id; aborting it also tells the backend
// to cancel it, because the desktop shell (Wails) never cancels a request
// whose fetch was aborted: without this, a cancelled drain went on evicting.

/** The request header naming a stream, for POST /api/stream/cancel?id=. */
export const STREAM_HEADER = 'X-Kubedeck-Stream';

/** A random id of 32 hex digits (crypto.getRandomValues works outside secure contexts too). */
export function newStreamId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Asks the backend to stop the stream id; failures are ignored (the stream may be gone). */
export async function cancelStream(id: string): Promise<void> {
  try {
    await fetch(`/api/stream/cancel?id=${encodeURIComponent(id)}`, { method: 'POST', credentials: 'same-origin', keepalive: true });
  } catch {
    // nothing to do: the backend is gone or the stream ended
  }
}

/**
 * fetch for a stream: same-origin credentials, NDJSON accepted, a fresh
 * stream id in STREAM_HEADER, and on abort of signal a cancel call for that
 * id as well as the aborted fetch.
 */
export function openStream(url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
  const id = newStreamId();
  const headers: Record<string, string> = { Accept: 'application/x-ndjson' };
  new Headers(init.headers).forEach((v, k) => {
    headers[k === 'accept' ? 'Accept' : k === 'content-type' ? 'Content-Type' : k] = v;
  });
  headers[STREAM_HEADER] = id;
  if (!signal.aborted) signal.addEventListener('abort', () => void cancelStream(id), { once: true });
  return fetch(url, { credentials: 'same-origin', ...init, headers, signal });
}
