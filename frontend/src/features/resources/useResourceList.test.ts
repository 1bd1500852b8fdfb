import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListQuery } from '../../api/types';
import { fakeStreams, podColumns, podRow } from '../../test/fakeStream';
import { useResourceList } from './useResourceList';

const query: ListQuery = { context: 'c', group: '', version: 'v1', resource: 'pods', namespace: 'ns' };
const fast = { delay: () => 20 };

afterEach(() => vi.unstubAllGlobals());

describe('useResourceList', () => {
  it('batches a burst of events into few renders', async () => {
    const f = fakeStreams();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useResourceList(query, fast);
    });
    act(() => f.last().send(podColumns, { type: 'synced', resourceVersion: '1' }));
    await waitFor(() => expect(result.current.synced).toBe(true));
    const before = renders;
    act(() => {
      for (let i = 0; i < 500; i++) f.last().send({ type: 'events', upserts: [podRow('ns', `p${i}`)], deletes: [] });
    });
    await waitFor(() => expect(result.current.rows.size).toBe(500));
    expect(renders - before).toBeLessThan(20);
  });

  it('reconnects with backoff when the stream ends unexpectedly, and replaces the rows', async () => {
    const f = fakeStreams();
    const { result } = renderHook(() => useResourceList(query, fast));
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('ns', 'a'), podRow('ns', 'gone')] }, { type: 'synced', resourceVersion: '1' }));
    await waitFor(() => expect(result.current.rows.size).toBe(2));
    act(() => f.last().close());
    await waitFor(() => expect(result.current.connection).toBe('reconnecting'));
    // The old rows stay on screen while reconnecting.
    expect(result.current.rows.size).toBe(2);
    await waitFor(() => expect(f.streams).toHaveLength(2));
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('ns', 'a'), podRow('ns', 'new')] }, { type: 'synced', resourceVersion: '9' }));
    await waitFor(() => expect(result.current.connection).toBe('live'));
    expect([...result.current.rows.keys()]).toEqual(['ns/a', 'ns/new']);
    expect(result.current.error).toBeNull();
  });

  it('keeps retrying while the backend is unreachable', async () => {
    const f = fakeStreams();
    f.failNext(502, 'dial tcp 10.0.0.1:6443: connect: connection refused');
    f.failNext(502, 'dial tcp 10.0.0.1:6443: connect: connection refused');
    const { result } = renderHook(() => useResourceList(query, fast));
    await waitFor(() => expect(result.current.error?.message).toContain('connection refused'));
    expect(result.current.connection).toBe('reconnecting');
    await waitFor(() => expect(f.streams).toHaveLength(1));
    act(() => f.last().send(podColumns, { type: 'synced', resourceVersion: '1' }));
    await waitFor(() => expect(result.current.connection).toBe('live'));
    expect(f.fetchMock).toHaveBeenCalledTimes(3);
  });

  it('stops after a terminal error until retry() is called', async () => {
    const f = fakeStreams();
    const { result } = renderHook(() => useResourceList(query, fast));
    act(() => {
      f.last().send({ type: 'error', message: 'forbidden', status: 403 });
      f.last().close();
    });
    await waitFor(() => expect(result.current.connection).toBe('failed'));
    await new Promise((r) => setTimeout(r, 60));
    expect(f.streams).toHaveLength(1);
    act(() => result.current.retry());
    await waitFor(() => expect(f.streams).toHaveLength(2));
    expect(result.current.connection).not.toBe('failed');
  });

  it('opens nothing without a query', () => {
    const f = fakeStreams();
    renderHook(() => useResourceList(null));
    expect(f.fetchMock).not.toHaveBeenCalled();
  });
});
