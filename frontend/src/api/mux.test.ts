import { afterEach, describe, expect, it } from 'vitest';
import { MuxFrameParser, StreamMux } from './mux';
import type { MuxOpenRequest } from './contract.gen';
import { setStreamMux, streamNdjson } from './openStream';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The mux frames of stream s: start, its body as data frames, end. */
function frames(s: string, body: string, status = 200): Uint8Array {
  const b = enc.encode(body);
  const head = enc.encode(`{"type":"start","stream":"${s}","status":${status}}\n{"type":"data","stream":"${s}","size":${b.length}}\n`);
  const end = enc.encode(`{"type":"end","stream":"${s}"}\n`);
  const out = new Uint8Array(head.length + b.length + end.length);
  out.set(head);
  out.set(b, head.length);
  out.set(end, head.length + b.length);
  return out;
}

describe('MuxFrameParser', () => {
  it('splits frames and their bytes wherever the chunks break, newlines in the bytes included', () => {
    const all = new Uint8Array([...frames('a', '{"n":1}\n{"n":2}\n'), ...enc.encode('{"type":"heartbeat"}\n'), ...frames('b', 'é\n{"x":"\\n"}\n')]);
    for (const size of [1, 2, 3, 7, 64, all.length]) {
      const got: string[] = [];
      const data = new Map<string, string>();
      const bytes = new Map<string, number[]>();
      const p = new MuxFrameParser(
        (f) => got.push(f.type === 'heartbeat' || f.type === 'ready' ? f.type : `${f.type}:${f.stream}`),
        (s, b) => bytes.set(s, [...(bytes.get(s) ?? []), ...b]),
      );
      for (let i = 0; i < all.length; i += size) p.push(all.slice(i, i + size));
      for (const [s, b] of bytes) data.set(s, dec.decode(new Uint8Array(b)));
      expect(got, `chunks of ${size}`).toEqual(['start:a', 'data:a', 'end:a', 'heartbeat', 'start:b', 'data:b', 'end:b']);
      expect(data.get('a')).toBe('{"n":1}\n{"n":2}\n');
      expect(data.get('b')).toBe('é\n{"x":"\\n"}\n');
    }
  });
});

/** A backend for the mux: connections the test writes frames to, and the opens it was sent. */
function fakeBackend(opts: { muxStatus?: number; openStatus?: () => number } = {}) {
  const conns: { id: string; push: (b: Uint8Array | string) => void; end: () => void }[] = [];
  const opens: (MuxOpenRequest & { mux: string })[] = [];
  const cancels: string[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url === '/api/stream/mux') {
      if (opts.muxStatus) return new Response('{"error":"session expired"}', { status: opts.muxStatus });
      const id = new Headers(init?.headers).get('X-Kubedeck-Stream') ?? '';
      let ctl!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => (ctl = c) });
      init?.signal?.addEventListener('abort', () => ctl.error(new DOMException('aborted', 'AbortError')));
      conns.push({ id, push: (b) => ctl.enqueue(typeof b === 'string' ? enc.encode(b) : b), end: () => ctl.close() });
      ctl.enqueue(enc.encode('{"type":"ready"}\n'));
      return new Response(body, { status: 200 });
    }
    if (url.startsWith('/api/stream/mux/open?mux=')) {
      opens.push({ ...(JSON.parse(String(init?.body)) as MuxOpenRequest), mux: decodeURIComponent(url.slice('/api/stream/mux/open?mux='.length)) });
      const status = opts.openStatus?.() ?? 200;
      return new Response(status === 200 ? '{}' : '{"error":"refused"}', { status });
    }
    throw new TypeError(`unexpected fetch ${url}`);
  };
  let n = 0;
  const keys: (string | null)[] = [];
  const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
    keys.push(new Headers(init?.headers).get('X-Kubedeck-Key'));
    return fetchImpl(input, init);
  };
  const mux = new StreamMux({ fetch: recording, headers: () => ({ 'X-Kubedeck-Key': 'k' }), newId: () => `id${++n}`, cancel: (id) => void cancels.push(id) });
  return { mux, conns, opens, cancels, keys };
}

async function text(res: Response): Promise<string> {
  return res.text();
}

afterEach(() => setStreamMux(null));

describe('StreamMux', () => {
  it('runs many streams over one connection, each answered with its own status and body', async () => {
    const b = fakeBackend();
    const signal = new AbortController().signal;
    const answers = Array.from({ length: 8 }, (_, i) => b.mux.open(`/api/stream/list?i=${i}`, `s${i}`, undefined, signal));
    await expect.poll(() => b.opens.length).toBe(8);
    expect(b.conns).toHaveLength(1);
    expect(new Set(b.opens.map((o) => o.mux))).toEqual(new Set([b.conns[0]?.id]));
    for (let i = 7; i >= 0; i--) b.conns[0]?.push(frames(`s${i}`, `{"i":${i}}\n`, i === 3 ? 403 : 200));
    const res = await Promise.all(answers);
    expect(res.map((r) => r.status)).toEqual([200, 200, 200, 403, 200, 200, 200, 200]);
    expect(await Promise.all(res.map(text))).toEqual(Array.from({ length: 8 }, (_, i) => `{"i":${i}}\n`));
    expect(b.opens.map((o) => o.path)).toEqual(Array.from({ length: 8 }, (_, i) => `/api/stream/list?i=${i}`));
    expect(b.keys).toEqual(Array(9).fill('k')); // the app key on the connection and on every open
  });

  it('fails the streams of a connection that broke off, and the next stream opens a new one', async () => {
    const b = fakeBackend();
    const signal = new AbortController().signal;
    const first = b.mux.open('/api/stream/contexts', 'a', undefined, signal);
    await expect.poll(() => b.opens.length).toBe(1);
    b.conns[0]?.push('{"type":"start","stream":"a","status":200}\n{"type":"data","stream":"a","size":3}\n{"a');
    const reading = (await first).text();
    b.conns[0]?.end();
    await expect(reading).rejects.toThrow(/broke off/);
    expect(b.cancels).toEqual([b.conns[0]?.id]); // the backend is told too
    const second = b.mux.open('/api/stream/contexts', 'b', undefined, signal);
    await expect.poll(() => b.conns.length).toBe(2);
    await expect.poll(() => b.opens.length).toBe(2);
    expect(b.opens[1]?.mux).toBe(b.conns[1]?.id);
    b.conns[1]?.push(frames('b', 'ok\n'));
    expect(await text(await second)).toBe('ok\n');
  });

  it('hands a refused connection (an expired session) to every stream as its answer', async () => {
    const b = fakeBackend({ muxStatus: 401 });
    const res = await b.mux.open('/api/stream/contexts', 'a', undefined, new AbortController().signal);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'session expired' });
  });

  it('opens once more on a new connection when the backend forgot the mux', async () => {
    let first = true;
    const b = fakeBackend({ openStatus: () => (first ? ((first = false), 404) : 200) });
    const answer = b.mux.open('/api/stream/contexts', 'a', 'my-plugin', new AbortController().signal);
    await expect.poll(() => b.opens.length).toBe(2);
    expect(b.opens.map((o) => o.mux)).toEqual([b.conns[0]?.id, b.conns[1]?.id]);
    expect(b.opens[1]).toMatchObject({ stream: 'a', plugin: 'my-plugin' });
    b.conns[1]?.push(frames('a', 'x\n'));
    expect(await text(await answer)).toBe('x\n');
  });

  it('ends a stream when its signal aborts, the others going on', async () => {
    const b = fakeBackend();
    const ctl = new AbortController();
    const a = b.mux.open('/api/stream/a', 'a', undefined, ctl.signal);
    const other = b.mux.open('/api/stream/b', 'b', undefined, new AbortController().signal);
    await expect.poll(() => b.opens.length).toBe(2);
    b.conns[0]?.push('{"type":"start","stream":"a","status":200}\n{"type":"start","stream":"b","status":200}\n');
    const reading = (await a).text();
    ctl.abort();
    await expect(reading).rejects.toThrow(/aborted/);
    b.conns[0]?.push('{"type":"data","stream":"a","size":2}\nno{"type":"data","stream":"b","size":4}\nyes\n{"type":"end","stream":"b"}\n');
    expect(await text(await other)).toBe('yes\n');
  });

  it('is what streamNdjson reads a GET stream through', async () => {
    const b = fakeBackend();
    setStreamMux(b.mux);
    const got: unknown[] = [];
    const done = streamNdjson('/api/stream/contexts', { signal: new AbortController().signal, onMessage: (v) => void got.push(v) });
    await expect.poll(() => b.opens.length).toBe(1);
    const id = b.opens[0]?.stream ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    b.conns[0]?.push(frames(id, '{"type":"contexts","n":1}\n{"type":"heartbeat"}\n'));
    await done;
    expect(got).toEqual([{ type: 'contexts', n: 1 }, { type: 'heartbeat' }]);
  });
});
