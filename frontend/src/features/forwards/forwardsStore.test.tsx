import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queries';
import type { Forward } from '../../api/operations';
import { useForwards, useStopForward } from './forwardsStore';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const forward = (id: string, state: Forward['state']): Forward => ({
  id,
  request: { context: 'c', namespace: 'ns', kind: 'pod', name: 'web', port: '80', localPort: 0 },
  pod: 'web',
  podPort: 80,
  localPort: 5000,
  url: 'http://127.0.0.1:5000',
  state,
  started: '2026-12-01T10:00:00Z',
});

describe('forwards', () => {
  it('polls every 3 s while one is active, not when none is; a stop shows the forwards left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let answer: Forward[] = [forward('a', 'active')];
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      calls.push(url);
      if (url === '/api/call/PortForwardStop') return Response.json([]);
      return Response.json(answer);
    }));
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => ({ list: useForwards(), stop: useStopForward() }), { wrapper });
    expect(result.current.list.loaded).toBe(false);
    await vi.waitFor(() => expect(result.current.list.forwards).toHaveLength(1));
    expect(result.current.list.loaded).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(3100));
    expect(calls.filter((u) => u === '/api/call/PortForwards')).toHaveLength(2);
    answer = [forward('a', 'failed')];
    await act(() => vi.advanceTimersByTimeAsync(3000));
    await vi.waitFor(() => expect(result.current.list.forwards[0]?.state).toBe('failed'));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls.filter((u) => u === '/api/call/PortForwards')).toHaveLength(3);
    await act(async () => {
      await result.current.stop('a');
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(result.current.list.forwards).toEqual([]);
    expect(result.current.list.error).toBeNull();
  });

  it('says when the forwards cannot be listed', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'backend down' }, { status: 503 }));
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useForwards(), { wrapper });
    await waitFor(() => expect(result.current.error).toBe('Could not list port-forwards: backend down'));
    expect(result.current.loaded).toBe(true);
  });
});
