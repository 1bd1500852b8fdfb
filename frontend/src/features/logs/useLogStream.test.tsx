import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogQuery } from '../../api/operations';
import { fakeStreams } from '../../test/fakeStream';
import { PaneActiveContext } from '../clusters/clusterHealth';
import { useLogStream } from './useLogStream';

afterEach(() => vi.unstubAllGlobals());

const query: LogQuery = { context: 'c', namespace: 'ns', pod: 'web-1', follow: true, tailLines: 100 };
const line = (text: string) => ({ pod: 'web-1', container: 'app', time: '2026-12-01T10:00:00Z', text });

describe('useLogStream', () => {
  it('pauses while its pane is hidden and starts over (nothing repeated) when shown', async () => {
    const f = fakeStreams();
    const pane = { active: true };
    const { result, rerender } = renderHook(() => useLogStream(query), {
      wrapper: ({ children }: { children: ReactNode }) => <PaneActiveContext.Provider value={pane.active}>{children}</PaneActiveContext.Provider>,
    });
    expect(f.streams).toHaveLength(1);
    act(() => f.last().send({ type: 'lines', lines: [line('a'), line('b')] }));
    await waitFor(() => expect(result.current.received).toBe(2));
    expect(result.current.state).toBe('streaming');

    pane.active = false;
    rerender();
    expect(f.last().aborted()).toBe(true);
    expect(f.streams).toHaveLength(1);
    expect(f.cancels).toHaveLength(1);

    pane.active = true;
    rerender();
    expect(f.streams).toHaveLength(2);
    expect(result.current.buffer.length).toBe(0);
    act(() => f.last().send({ type: 'lines', lines: [line('a'), line('b'), line('c')] }));
    await waitFor(() => expect(result.current.buffer.length).toBe(3));
  });

  it('does not reconnect by itself when the stream ends; restart starts over', async () => {
    const f = fakeStreams();
    const { result } = renderHook(() => useLogStream(query));
    act(() => f.last().send({ type: 'lines', lines: [line('a')] }));
    act(() => f.last().close());
    await waitFor(() => expect(result.current.state).toBe('ended'));
    await new Promise((r) => setTimeout(r, 50));
    expect(f.streams).toHaveLength(1);
    act(() => result.current.restart());
    expect(f.streams).toHaveLength(2);
    await waitFor(() => expect(result.current.state).toBe('connecting'));
  });
});
