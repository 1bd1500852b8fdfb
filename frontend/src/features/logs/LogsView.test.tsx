import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeStreams } from '../../test/fakeStream';
import { LogsView } from './LogsView';
import type { LogTarget } from './logTarget';

const pod: LogTarget = {
  namespace: 'team-a',
  name: 'web-1',
  kind: 'Pod',
  containers: [
    { name: 'setup', kind: 'init' },
    { name: 'nginx', kind: 'container' },
  ],
};
const line = (text: string, container = 'nginx') => ({ pod: 'web-1', container, time: '2026-01-01T00:00:00Z', text });
const log = () => screen.getByRole('log', { name: 'Log lines of web-1' });

describe('LogsView', () => {
  it('asks for a followed pod log with the chosen options', async () => {
    const f = fakeStreams();
    render(<LogsView context="ctx:a/b" target={pod} />);
    expect(Object.fromEntries(f.last().params)).toEqual({
      context: 'ctx:a/b', namespace: 'team-a', pod: 'web-1', previous: 'false', follow: 'true', tailLines: '1000',
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Container' }), { target: { value: 'setup' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Previous container' }));
    await waitFor(() => expect(f.streams.length).toBe(3));
    expect(f.last().params.get('container')).toBe('setup');
    expect(f.last().params.get('previous')).toBe('true');
    expect(f.last().params.get('follow')).toBe('false');
    expect(f.streams[0]?.aborted()).toBe(true);
    expect(screen.getByRole('option', { name: 'setup (init)' })).toBeTruthy();
  });

  it('shows lines (tagged by container when several), counts search matches, pauses and drops beyond capacity', async () => {
    const f = fakeStreams();
    render(<LogsView context="c" target={pod} capacity={5} />);
    act(() => f.last().send({ type: 'lines', lines: [line('GET /a'), line('init done', 'setup'), line('get /b')] }));
    await waitFor(() => expect(log().textContent).toContain('nginx GET /a'));
    expect(log().textContent).toContain('setup init done');
    expect(screen.getByText('Following')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search logs' }), { target: { value: 'get' } });
    await waitFor(() => expect(screen.getByText('2 matches')).toBeTruthy());
    expect(log().querySelectorAll('mark').length).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => f.last().send({ type: 'lines', lines: [line('x1'), line('x2'), line('GET /c'), line('x4')] }));
    await waitFor(() => expect(screen.getByText('Paused · 4 new lines')).toBeTruthy());
    expect(log().textContent).not.toContain('x1');
    expect(screen.getByText('2 older lines dropped')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(log().textContent).toContain('x4'));
    expect(log().textContent).not.toContain('GET /a');
    expect(screen.getByText('2 matches')).toBeTruthy(); // "get /b" and "GET /c" are left
  });

  it('says why a stream failed and reconnects on request', async () => {
    const f = fakeStreams();
    render(<LogsView context="c" target={pod} />);
    act(() => {
      f.last().send({ type: 'error', message: 'pods "web-1" not found' });
      f.last().close();
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('pods "web-1" not found'));
    expect(screen.getByText('Stream failed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(f.streams.length).toBe(2));
  });
});
