import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessCheck, AccessDecision } from '../../api/operations';
import type { Share, ShareRevoked } from '../../api/types';
import { fakeStreams } from '../../test/fakeStream';
import { AccessView } from './AccessView';
import { renderWithQueries } from './testing';

const shares = vi.fn<(context: string, ns: string) => Promise<Share[]>>();
const revoke = vi.fn<(context: string, ns: string, name: string) => Promise<ShareRevoked>>();
const access = vi.fn<(context: string, checks: AccessCheck[]) => Promise<AccessDecision[]>>();

vi.mock('../../api/access', () => ({
  accessApi: {
    Shares: (c: string, n: string) => shares(c, n),
    ShareRevoke: (c: string, n: string, name: string) => revoke(c, n, name),
    ShareRoles: () => Promise.resolve([]),
  },
  streamAccess: (_c: string, _n: string, _on: unknown, signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())),
}));
vi.mock('../../api/operations', () => ({ ops: { Access: (c: string, checks: AccessCheck[]) => access(c, checks) } }));
vi.mock('../../api/client', async () => (await import('./clientMock')).clientMock);

const HOUR = 3_600_000;
const share = (recipient: string, over: Partial<Share> = {}): Share => ({
  name: recipient,
  namespace: 'team-a',
  recipient,
  role: 'ClusterRole/edit',
  clusterWide: false,
  sharedBy: 'admin',
  created: new Date(Date.now() - HOUR).toISOString(),
  expiresAt: new Date(Date.now() + 7 * HOUR + 30 * 60_000).toISOString(),
  expired: false,
  objects: [],
  ...over,
});

const allow = async (_c: string, checks: AccessCheck[]) => checks.map((c) => ({ ...c, allowed: true }));

function openShared() {
  renderWithQueries(<AccessView context="kind" defaultNamespace="team-a" />);
  fireEvent.click(screen.getByRole('tab', { name: 'Shared' }));
}

let streams: ReturnType<typeof fakeStreams>;
beforeEach(() => {
  streams = fakeStreams();
  for (const f of [shares, revoke, access]) f.mockReset();
  access.mockImplementation(allow);
});
afterEach(() => vi.unstubAllGlobals());

describe('the Access page', () => {
  it('has the heading, the three tabs and the namespace select with Cluster-wide', () => {
    renderWithQueries(<AccessView context="kind" defaultNamespace="team-a" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Access' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Who can do what', 'My access', 'Shared']);
    const ns = screen.getByRole('combobox', { name: 'Namespace' }) as HTMLSelectElement;
    expect(ns.value).toBe('team-a');
    expect([...ns.options].map((o) => [o.value, o.textContent])).toContainEqual(['', 'Cluster-wide']);
    expect(screen.getAllByRole('button', { name: 'Share access' })).toHaveLength(1);
  });
});

describe('the Shared tab', () => {
  it('lists the shares with their expiry, and says so when there are none', async () => {
    shares.mockResolvedValue([share('alice'), share('bob', { expired: true, clusterWide: true, role: 'custom' })]);
    openShared();
    const table = await screen.findByRole('table', { name: 'Shared access in team-a' });
    expect(shares).toHaveBeenCalledWith('kind', 'team-a');
    const alice = within(table).getByRole('row', { name: /alice/ });
    expect(alice.textContent).toContain('ClusterRole/edit');
    expect(alice.textContent).toMatch(/in 7h(29|30)m/);
    const bob = within(table).getByRole('row', { name: /bob/ });
    expect(bob.textContent).toContain('Expired');
    expect(bob.textContent).toContain('every namespace');
    expect(bob.textContent).toContain('custom rules');
    // Exactly one Share button on screen: the tab's.
    expect(screen.getAllByRole('button', { name: 'Share access' })).toHaveLength(1);
  });

  it('shows the empty state', async () => {
    shares.mockResolvedValue([]);
    openShared();
    expect(await screen.findByRole('heading', { name: 'Nothing shared in team-a' })).toBeTruthy();
  });

  it('revokes after confirming, then lists again', async () => {
    shares.mockResolvedValueOnce([share('alice')]).mockResolvedValue([]);
    revoke.mockResolvedValue({ deleted: [{ kind: 'RoleBinding', name: 'alice', yaml: '' }, { kind: 'ServiceAccount', name: 'alice', yaml: '' }] });
    openShared();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke alice' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Revoke the access of alice?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('kind', 'team-a', 'alice'));
    expect(await screen.findByText('Revoked the access of alice (2 objects deleted).')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Nothing shared in team-a' })).toBeTruthy();
  });

  it('lists again when the shares’ ServiceAccounts change (watched, not polled)', async () => {
    shares.mockResolvedValue([]);
    openShared();
    await screen.findByRole('heading', { name: 'Nothing shared in team-a' });
    const sa = streams.streams.find((s) => s.params.get('labelSelector') === 'kubedeck.io/share');
    expect(sa?.params.get('namespace')).toBe('team-a');
    const columns = { type: 'columns', columns: [{ name: 'Name', type: 'string', format: 'name', priority: 0, description: '' }] };
    const row = (name: string) => ({ key: `team-a/${name}`, uid: name, namespace: 'team-a', name, cells: [name] });
    act(() => sa?.send(columns, { type: 'rows', rows: [] }, { type: 'synced', resourceVersion: '1' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(shares).toHaveBeenCalledTimes(1);
    shares.mockResolvedValue([share('carol')]);
    act(() => sa?.send({ type: 'events', upserts: [row('carol')], deletes: [] }));
    expect(await screen.findByRole('button', { name: 'Revoke carol' })).toBeTruthy();
    expect(shares).toHaveBeenCalledTimes(2);
  });
});

describe('permissions', () => {
  it('disables Share with the permission it needs', async () => {
    access.mockImplementation(async (_c, checks) => checks.map((c) => ({ ...c, allowed: !(c.resource === 'serviceaccounts' && !c.subresource && c.verb === 'create') })));
    shares.mockResolvedValue([share('alice')]);
    renderWithQueries(<AccessView context="kind" defaultNamespace="team-a" />);
    const button = screen.getByRole('button', { name: 'Share access' });
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(button.getAttribute('title')).toBe('needs: create serviceaccounts in team-a');
    const why = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toBe('needs: create serviceaccounts in team-a');
    fireEvent.click(button);
    expect(screen.queryByRole('dialog', { name: 'Share access' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('needs: create serviceaccounts in team-a');
  });

  it('disables Share and Revoke on a read-only context', async () => {
    localStorage.setItem('kubedeck.readOnly:kind', '1');
    shares.mockResolvedValue([share('alice')]);
    openShared();
    const revokeButton = await screen.findByRole('button', { name: 'Revoke alice' });
    expect(revokeButton.getAttribute('aria-disabled')).toBe('true');
    expect(revokeButton.getAttribute('title')).toBe('Read-only context');
    expect(screen.getByRole('button', { name: 'Share access' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(revokeButton);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('opens the Share dialog when allowed', async () => {
    renderWithQueries(<AccessView context="kind" defaultNamespace="team-a" />);
    const button = screen.getByRole('button', { name: 'Share access' });
    await waitFor(() => expect(access).toHaveBeenCalled());
    fireEvent.click(button);
    expect(screen.getByRole('dialog', { name: 'Share access' })).toBeTruthy();
  });
});
