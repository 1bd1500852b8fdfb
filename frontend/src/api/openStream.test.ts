import { afterEach, describe, expect, it, vi } from 'vitest';
import { STREAM_HEADER, newStreamId, streamNdjson, streamUrl } from './openStream';
import { streamDrain } from './operations';

afterEach(() => vi.unstubAllGlobals());

/** A backend whose streams send what the test pushes and never end by themselves (a drain blocked by a PodDisruptionBudget). */
function openEnded() {
  const calls: { url: string; init: RequestInit }[] = [];
  let push: ((line: string) => void) | undefined;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (url.startsWith('/api/stream/cancel')) return new Response('{"cancelled":true}');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        push = (line) => c.enqueue(new TextEncoder().encode(line));
        init.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson' } });
  }));
  return {
    calls,
    urls: () => calls.map((c) => c.url),
    opened: () => push !== undefined,
    push: (line: string) => push?.(line),
  };
}


describe('stream cancel', () => {
  it('aborting a drain also cancels its stream on the backend, by the id it was opened with', async () => {
    const s = openEnded();
    const { calls } = s;
    const ctl = new AbortController();
    const types: string[] = [];
    const done = streamDrain('ctx', 'node-1', { force: true, deleteEmptyDirData: false, gracePeriodSeconds: -1, timeoutSeconds: 0 }, (p) => {
      types.push(p.type);
    }, ctl.signal);
    await vi.waitFor(() => expect(s.opened()).toBe(true));
    s.push('{"type":"waiting","message":"Cannot evict pod as it would violate the pod\'s disruption budget."}\n');
    await vi.waitFor(() => expect(types).toEqual(['waiting']));

    const id = new Headers(calls[0]?.init.headers).get(STREAM_HEADER);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    ctl.abort();
    await done;
    const cancel = calls.find((c) => c.url.startsWith('/api/stream/cancel'));
    expect(cancel?.url).toBe(`/api/stream/cancel?id=${id}`);
    expect(cancel?.init.method).toBe('POST');
    expect(calls).toHaveLength(2);
  });

  it('gives every stream its own id', () => {
    const ids = new Set(Array.from({ length: 100 }, newStreamId));
    expect(ids.size).toBe(100);
  });
});

describe('streamNdjson', () => {
  it('treats a stream silent for longer than the heartbeat timeout as broken, and cancels it on the backend', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const s = openEnded();
      const got: unknown[] = [];
      const done = streamNdjson('/api/stream/x', { signal: new AbortController().signal, heartbeatTimeoutMs: 1000, onMessage: (v) => void got.push(v) });
      const outcome = done.then(() => 'resolved', (e: unknown) => e);
      await vi.waitFor(() => expect(s.urls()).toHaveLength(1));
      // Heartbeats keep it alive well past the timeout.
      for (let i = 1; i <= 4; i++) {
        await vi.advanceTimersByTimeAsync(600);
        s.push('{"type":"heartbeat"}\n');
        await vi.waitFor(() => expect(got).toHaveLength(i));
      }
      await vi.advanceTimersByTimeAsync(1100);
      expect(await outcome).toMatchObject({ name: 'ApiError', network: true, message: expect.stringContaining('silent') });
          expect(s.urls().filter((u) => u.startsWith('/api/stream/cancel'))).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes the stream (and cancels it on the backend) when onMessage returns false', async () => {
    const s = openEnded();
    const done = streamNdjson('/api/stream/x', { signal: new AbortController().signal, onMessage: () => false });
    await vi.waitFor(() => expect(s.urls()).toHaveLength(1));
    s.push('{"type":"objects"}\n');
    await expect(done).resolves.toBeUndefined();
    expect(s.urls().filter((u) => u.startsWith('/api/stream/cancel'))).toHaveLength(1);
  });

  it('does not cancel a stream that ended by itself', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      calls.push(url);
      return new Response('{"a":1}\n{"a":2}\n');
    }));
    const got: unknown[] = [];
    await streamNdjson('/api/stream/x', { signal: new AbortController().signal, heartbeatTimeoutMs: 1000, onMessage: (v) => void got.push(v) });
    expect(got).toEqual([{ a: 1 }, { a: 2 }]);
    expect(calls).toEqual(['/api/stream/x']);
  });
});

describe('streamUrl', () => {
  it('encodes every value, keeps the order, leaves out undefined (and empty ones when asked)', () => {
    expect(streamUrl('/p', { a: 'x y', b: '', c: undefined, d: 3, e: true })).toBe('/p?a=x%20y&b=&d=3&e=true');
    expect(streamUrl('/p', { a: 'x', b: '' }, true)).toBe('/p?a=x');
  });
});
