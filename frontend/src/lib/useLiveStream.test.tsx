import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { PaneActiveContext, StreamEpochContext } from '../features/clusters/clusterHealth';
import { useLiveStream, type ConnectKind, type LiveStreamOptions } from './useLiveStream';

afterEach(() => vi.unstubAllGlobals());

/** open() calls the test ends by hand. */
function connections() {
  const opened: { signal: AbortSignal; send: (m: string) => void; end: (e?: unknown) => void }[] = [];
  const open: LiveStreamOptions<string>['open'] = (onMessage, signal) =>
    new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => resolve());
      opened.push({ signal, send: onMessage, end: (e) => (e === undefined ? resolve() : reject(e)) });
    });
  const last = () => {
    const c = opened[opened.length - 1];
    if (!c) throw new Error('nothing opened');
    return c;
  };
  return { opened, open, last };
}

function wrapper(props: { active: boolean; epoch: number }) {
  return ({ children }: { children: ReactNode }) => (
    <StreamEpochContext.Provider value={props.epoch}>
      <PaneActiveContext.Provider value={props.active}>{children}</PaneActiveContext.Provider>
    </StreamEpochContext.Provider>
  );
}

describe('useLiveStream', () => {
  it('reconnects with the backoff after a failure, and stops after a client error', async () => {
    const c = connections();
    const kinds: ConnectKind[] = [];
    const delays: number[] = [];
    const { result } = renderHook(() =>
      useLiveStream<string>({
        key: 'k',
        open: c.open,
        onMessage: () => {},
        onConnect: (conn) => kinds.push(conn.kind),
        backoff: { delay: (n) => (delays.push(n), 10) },
      }),
    );
    expect(c.opened).toHaveLength(1);
    act(() => c.last().end(new ApiError('gone', 502)));
    await waitFor(() => expect(c.opened).toHaveLength(2));
    act(() => c.last().end(new ApiError('broke', undefined, { network: true })));
    await waitFor(() => expect(c.opened).toHaveLength(3));
    expect(delays).toEqual([1, 2]);
    expect(kinds).toEqual(['new', 'retry', 'retry']);
    act(() => c.last().end(new ApiError('forbidden', 403)));
    await new Promise((r) => setTimeout(r, 50));
    expect(c.opened).toHaveLength(3);
    expect(result.current.nextAttemptAt).toBeNull();
    act(() => result.current.retry());
    expect(c.opened).toHaveLength(4);
    expect(kinds[3]).toBe('restart');
  });

  it('a healthy stream starts the backoff over; a final one is not reconnected', async () => {
    const c = connections();
    const delays: number[] = [];
    renderHook(() =>
      useLiveStream<string>({
        key: 'k',
        open: c.open,
        onMessage: (m, conn) => {
          if (m === 'ok') conn.healthy();
          if (m === 'gone') conn.final = true;
        },
        backoff: { delay: (n) => (delays.push(n), 10) },
      }),
    );
    act(() => c.last().end());
    await waitFor(() => expect(c.opened).toHaveLength(2));
    act(() => c.last().send('ok'));
    act(() => c.last().end());
    await waitFor(() => expect(c.opened).toHaveLength(3));
    expect(delays).toEqual([1, 1]);
    act(() => c.last().send('gone'));
    act(() => c.last().end());
    await new Promise((r) => setTimeout(r, 50));
    expect(c.opened).toHaveLength(3);
  });

  it('pauses while its pane is hidden and reconnects (same stream) when shown; the epoch reconnects too', () => {
    const c = connections();
    const kinds: ConnectKind[] = [];
    const props = { active: true, epoch: 0 };
    const { rerender } = renderHook(
      () => useLiveStream<string>({ key: 'k', open: c.open, onMessage: () => {}, onConnect: (conn) => kinds.push(conn.kind) }),
      { wrapper: ({ children }) => wrapper(props)({ children }) },
    );
    expect(c.opened).toHaveLength(1);
    props.active = false;
    rerender();
    expect(c.last().signal.aborted).toBe(true);
    expect(c.opened).toHaveLength(1);
    props.active = true;
    rerender();
    expect(c.opened).toHaveLength(2);
    props.epoch = 1;
    rerender();
    expect(c.opened).toHaveLength(3);
    expect(c.opened[1]?.signal.aborted).toBe(true);
    expect(kinds).toEqual(['new', 'restart', 'restart']);
  });

  it('opens nothing for a null key, and a new key starts afresh', () => {
    const c = connections();
    const kinds: ConnectKind[] = [];
    let key: string | null = null;
    const { rerender, unmount } = renderHook(() =>
      useLiveStream<string>({ key, open: c.open, onMessage: () => {}, onConnect: (conn) => kinds.push(conn.kind) }),
    );
    expect(c.opened).toHaveLength(0);
    key = 'a';
    rerender();
    key = 'b';
    rerender();
    expect(kinds).toEqual(['new', 'new']);
    unmount();
    expect(c.last().signal.aborted).toBe(true);
  });
});
