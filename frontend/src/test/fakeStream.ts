// A stand-in for the backend's NDJSON list streams: every fetch opens a stream
// the test writes messages to (or answers with an HTTP error).
import { vi } from 'vitest';

export interface FakeStream {
  url: string;
  params: URLSearchParams;
  send: (...messages: unknown[]) => void;
  close: () => void;
  aborted: () => boolean;
}

export function fakeStreams() {
  const streams: FakeStream[] = [];
  const errors: { status: number; body: unknown }[] = [];
  const enc = new TextEncoder();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const next = errors.shift();
    if (next) return new Response(JSON.stringify(next.body), { status: next.status });
    let ctl: ReadableStreamDefaultController<Uint8Array> | undefined;
    let closed = false;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        ctl = c;
      },
    });
    const signal = init?.signal;
    signal?.addEventListener('abort', () => {
      if (!closed) {
        closed = true;
        ctl?.error(new DOMException('aborted', 'AbortError'));
      }
    });
    streams.push({
      url,
      params: new URL(url, 'http://localhost').searchParams,
      send: (...messages) => {
        if (!closed) ctl?.enqueue(enc.encode(messages.map((m) => `${JSON.stringify(m)}\n`).join('')));
      },
      close: () => {
        if (!closed) {
          closed = true;
          ctl?.close();
        }
      },
      aborted: () => !!signal?.aborted,
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
  });
  // Ending a stream also cancels it on the backend (POST /api/stream/cancel):
  // those calls are answered and recorded apart from the streams.
  const cancels: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/stream/cancel')) {
      cancels.push(new URL(url, 'http://localhost').searchParams.get('id') ?? '');
      return Response.json({ cancelled: true });
    }
    return fetchMock(input, init);
  });
  return {
    streams,
    fetchMock,
    /** The stream ids the client cancelled on the backend. */
    cancels,
    /** The next fetch answers with this HTTP error. */
    failNext: (status: number, error: string) => errors.push({ status, body: { error } }),
    last: (): FakeStream => {
      const s = streams[streams.length - 1];
      if (!s) throw new Error('no stream was opened');
      return s;
    },
  };
}

export const podColumns = {
  type: 'columns',
  columns: [
    { name: 'Name', type: 'string', format: 'name', priority: 0, description: 'Name must be unique' },
    { name: 'Ready', type: 'string', format: '', priority: 0, description: '' },
    { name: 'Status', type: 'string', format: '', priority: 0, description: '' },
    { name: 'Restarts', type: 'string', format: '', priority: 0, description: '' },
    { name: 'Age', type: 'string', format: '', priority: 0, description: '' },
    { name: 'IP', type: 'string', format: '', priority: 1, description: '' },
    { name: 'Node', type: 'string', format: '', priority: 1, description: '' },
  ],
};

// Two hours old: kubectl prints 120m for a whole minute, so the Age cell is stable in tests.
const TWO_HOURS_AGO = new Date(Date.now() - 2 * 3_600_000).toISOString();

export function podRow(ns: string, name: string, status = 'Running', created = TWO_HOURS_AGO) {
  return {
    key: `${ns}/${name}`,
    uid: `uid-${ns}-${name}`,
    namespace: ns,
    name,
    created,
    cells: [name, '1/1', status, '0', '5m', '10.0.0.1', 'node-1'],
  };
}
