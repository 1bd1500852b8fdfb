import { afterEach, describe, expect, it, vi } from 'vitest';
import { STREAM_HEADER, newStreamId } from './openStream';
import { streamDrain } from './operations';

afterEach(() => vi.unstubAllGlobals());

describe('stream cancel', () => {
  it('aborting a drain also cancels its stream on the backend, by the id it was opened with', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    let push: ((line: string) => void) | undefined;
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (url.startsWith('/api/stream/cancel')) return new Response('{"cancelled":true}');
      // A drain that never ends by itself (blocked by a PodDisruptionBudget).
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          push = (line) => c.enqueue(new TextEncoder().encode(line));
          init.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson' } });
    }));
    const ctl = new AbortController();
    const types: string[] = [];
    const done = streamDrain('ctx', 'node-1', { force: true, deleteEmptyDirData: false, gracePeriodSeconds: -1, timeoutSeconds: 0 }, (p) => {
      types.push(p.type);
    }, ctl.signal);
    await vi.waitFor(() => expect(push).toBeDefined());
    push?.('{"type":"waiting","message":"Cannot evict pod as it would violate the pod\'s disruption budget."}\n');
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
