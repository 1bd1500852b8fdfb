import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSessionExpired, resetSessionExpired } from './errors';
import { listStreamUrl, streamList, toListMessage } from './stream';
import type { ListMessage } from './types';

afterEach(() => {
  vi.unstubAllGlobals();
  resetSessionExpired();
});

describe('listStreamUrl', () => {
  it('encodes every value', () => {
    const url = listStreamUrl({
      context: 'arn:aws:eks:eu-west-1:123:cluster/prod',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'team a',
      labelSelector: 'app in (a,b)',
    });
    expect(url).toBe(
      '/api/stream/list?context=arn%3Aaws%3Aeks%3Aeu-west-1%3A123%3Acluster%2Fprod&group=&version=v1&resource=pods' +
        '&namespace=team%20a&labelSelector=app%20in%20(a%2Cb)&fieldSelector=',
    );
    const params = new URL(url, 'http://x').searchParams;
    expect(params.get('context')).toBe('arn:aws:eks:eu-west-1:123:cluster/prod');
    expect(params.get('labelSelector')).toBe('app in (a,b)');
  });
});

describe('toListMessage', () => {
  it('accepts the documented messages', () => {
    expect(toListMessage({ type: 'columns', columns: [{ name: 'Name', type: 'string', format: 'name', priority: 0 }] }))
      .toEqual({ type: 'columns', columns: [{ name: 'Name', type: 'string', format: 'name', priority: 0, description: '' }] });
    expect(toListMessage({ type: 'events', upserts: [{ key: 'a/b', name: 'b', namespace: 'a', cells: ['b', 1, null] }] }))
      .toEqual({ type: 'events', upserts: [{ key: 'a/b', uid: '', name: 'b', namespace: 'a', cells: ['b', 1, null] }], deletes: [] });
    expect(toListMessage({ type: 'error', message: 'forbidden', status: 403 })).toEqual({
      type: 'error',
      message: 'forbidden',
      status: 403,
    });
    expect(toListMessage({ type: 'error', message: 'x', retrying: true })).toEqual({ type: 'error', message: 'x', retrying: true });
    expect(toListMessage({ type: 'reset' })).toEqual({ type: 'reset' });
  });

  it('ignores unknown messages (heartbeats) and junk', () => {
    expect(toListMessage({ type: 'heartbeat' })).toBeNull();
    expect(toListMessage([1, 2])).toBeNull();
    expect(toListMessage('x')).toBeNull();
  });

  it('drops malformed rows and flattens odd cells', () => {
    const m = toListMessage({ type: 'rows', rows: [{ name: 'no key' }, { key: 'k', cells: [{ a: 1 }] }] });
    expect(m).toEqual({ type: 'rows', rows: [{ key: 'k', uid: '', name: '', cells: ['{"a":1}'] }] });
  });
});

function ndjsonResponse(lines: string[], status = 200): Response {
  return new Response(lines.join(''), { status, headers: { 'Content-Type': 'application/x-ndjson' } });
}

const q = { context: 'me@corp', group: '', version: 'v1', resource: 'pods', namespace: '' };

describe('streamList', () => {
  it('delivers the messages of the stream', async () => {
    const fetchMock = vi.fn(async () =>
      ndjsonResponse(['{"type":"columns","columns":[]}\n', '{"type":"synced","resourceVersion":"1"}\n', '{"type":"heartbeat"}\n']),
    );
    vi.stubGlobal('fetch', fetchMock);
    const got: ListMessage[] = [];
    await streamList(q, (m) => got.push(m), new AbortController().signal);
    expect(got.map((m) => m.type)).toEqual(['columns', 'synced']);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/stream/list?context=me%40corp&group=&version=v1&resource=pods&namespace=&labelSelector=&fieldSelector=',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
  });

  it('rejects with the backend error of a non-2xx answer', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"error":"no such context"}', { status: 404 }));
    await expect(streamList(q, () => {}, new AbortController().signal)).rejects.toMatchObject({
      name: 'ApiError',
      message: 'no such context',
      status: 404,
    });
    expect(isSessionExpired()).toBe(false);
  });

  it('ends the session on 401', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"error":"not signed in"}', { status: 401 }));
    await expect(streamList(q, () => {}, new AbortController().signal)).rejects.toMatchObject({ status: 401 });
    expect(isSessionExpired()).toBe(true);
  });

  it('reports an unreachable backend as a network error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(streamList(q, () => {}, new AbortController().signal)).rejects.toMatchObject({ network: true });
  });

  it('resolves quietly when aborted', async () => {
    const ctl = new AbortController();
    vi.stubGlobal('fetch', async () => {
      ctl.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(streamList(q, () => {}, ctl.signal)).resolves.toBeUndefined();
  });
});
