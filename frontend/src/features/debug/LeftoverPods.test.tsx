import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DebugPod } from '../../api/operations';
import { renderWithQueries } from '../access/testing';
import { LeftoverPods } from './LeftoverPods';

const list = vi.fn<(context: string) => Promise<DebugPod[]>>();
const remove = vi.fn<(context: string, namespace: string, name: string) => Promise<boolean>>();
vi.mock('../../api/operations', () => ({
  ops: { DebugPods: (c: string) => list(c), DebugPodDelete: (c: string, n: string, p: string) => remove(c, n, p) },
}));
vi.mock('../../api/client', async () => (await import('../access/clientMock')).clientMock);

const pod = (name: string, kind: string, source: string, namespace = 'kube-system'): DebugPod => ({ context: 'kind', namespace, name, kind, source, created: '2026-12-02T10:00:00Z', pid: 1, instance: 'x' });

afterEach(() => {
  list.mockReset();
  remove.mockReset();
});

describe('debug pods left behind', () => {
  it('are listed once the cluster is ready; Delete removes one, Keep hides one, Delete all the rest', async () => {
    list.mockResolvedValue([pod('node-shell-kwok-node-1-abcde', 'node-shell', 'kwok-node-1'), pod('web-1-debug-fghij', 'copy', 'web-1', 'team-a'), pod('node-shell-kwok-node-2-klmno', 'node-shell', 'kwok-node-2')]);
    remove.mockResolvedValue(true);
    const { client, rerender } = renderWithQueries(<LeftoverPods context="kind" ready={false} />);
    expect(list).not.toHaveBeenCalled();
    rerender(
      <QueryClientProvider client={client}>
        <LeftoverPods context="kind" ready />
      </QueryClientProvider>,
    );
    const region = await screen.findByRole('region', { name: 'Debug pods left behind' });
    expect(list).toHaveBeenCalledWith('kind');
    expect(region.textContent).toContain('3 debug pods in kind were left behind');
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.split(' · ').slice(0, 2).join(' · '))).toEqual([
      'Node shell kube-system/node-shell-kwok-node-1-abcde · on node kwok-node-1',
      'Debug copy team-a/web-1-debug-fghij · copy of web-1',
      'Node shell kube-system/node-shell-kwok-node-2-klmno · on node kwok-node-2',
    ]);
    fireEvent.click(within(region).getByRole('button', { name: 'Delete kube-system/node-shell-kwok-node-1-abcde' }));
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(2));
    expect(remove).toHaveBeenCalledWith('kind', 'kube-system', 'node-shell-kwok-node-1-abcde');
    fireEvent.click(within(region).getByRole('button', { name: 'Keep team-a/web-1-debug-fghij' }));
    expect(within(region).getAllByRole('listitem')).toHaveLength(1);
    expect(within(region).queryByRole('button', { name: /^Delete all/ })).toBeNull();
    fireEvent.click(within(region).getByRole('button', { name: 'Delete kube-system/node-shell-kwok-node-2-klmno' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Debug pods left behind' })).toBeNull());
    expect(remove).toHaveBeenCalledTimes(2);
  });

  it('keeps a pod that could not be deleted, with why', async () => {
    list.mockResolvedValue([pod('a', 'node-shell', 'n1'), pod('b', 'node-shell', 'n2')]);
    remove.mockImplementation(async (_c, _n, name) => {
      if (name === 'b') throw new Error('pods "b" is forbidden');
      return true;
    });
    renderWithQueries(<LeftoverPods context="kind" ready />);
    const region = await screen.findByRole('region', { name: 'Debug pods left behind' });
    fireEvent.click(within(region).getByRole('button', { name: 'Delete all 2' }));
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(1));
    expect(within(region).getByRole('alert').textContent).toBe('pods "b" is forbidden');
  });

  it('shows nothing when there are none', async () => {
    list.mockResolvedValue([]);
    const { container } = renderWithQueries(<LeftoverPods context="kind" ready />);
    await waitFor(() => expect(list).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });
});
