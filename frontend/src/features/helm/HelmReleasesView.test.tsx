import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelmLine } from '../../api/helm';
import type { AccessCheck, AccessDecision } from '../../api/operations';
import { renderWithQueries } from '../access/testing';
import { legacyCron, metricsAgent, release, SEEDED, shop } from './fixtures';
import { HelmReleasesView } from './HelmReleasesView';

let push: ((m: HelmLine) => void) | null = null;
const opened: { context: string; namespaces: readonly string[] }[] = [];
const access = vi.fn<(context: string, checks: AccessCheck[]) => Promise<AccessDecision[]>>();

vi.mock('../../api/helm', () => ({
  streamHelm: (context: string, namespaces: readonly string[], onLine: (m: HelmLine) => void, signal: AbortSignal) => {
    opened.push({ context, namespaces });
    push = onLine;
    return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  },
  helmApi: {},
}));
vi.mock('../../api/operations', () => ({ ops: { Access: (c: string, checks: AccessCheck[]) => access(c, checks) } }));
vi.mock('../../api/client', async () => (await import('../access/clientMock')).clientMock);

const send = (m: HelmLine) => act(() => push?.(m));
const forbidden = (driver: string): Extract<HelmLine, { type: 'problem' }> => ({
  type: 'problem', namespace: '', driver, message: `Helm keeps its releases in ${driver}s: needs list ${driver}s cluster-wide`, status: 403, retrying: false, readable: [], partial: false,
});
const names = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('gridcell')[0]?.textContent);

function show(namespace = '', onNamespace = vi.fn()) {
  renderWithQueries(<HelmReleasesView context="kind" namespace={namespace} knownNamespaces={['platform', 'team-a', 'team-b']} onNamespace={onNamespace} />);
  return { onNamespace };
}

beforeEach(() => {
  push = null;
  opened.length = 0;
  access.mockReset();
  access.mockImplementation(async (_c, checks) => checks.map((c) => ({ ...c, allowed: true })));
  window.location.hash = '';
});

describe('the Helm releases list', () => {
  it('shows progress until the list is in, then every release with its columns', () => {
    show('team-a,platform');
    expect(opened).toEqual([{ context: 'kind', namespaces: ['team-a', 'platform'] }]);
    expect(screen.getByRole('progressbar', { name: 'Reading the Helm releases in team-a, platform…' })).toBeTruthy();
    send({ type: 'releases', releases: SEEDED });
    expect(screen.queryByRole('progressbar')).toBeNull();
    const grid = screen.getByRole('grid', { name: 'Helm releases in team-a, platform' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Namespace', 'Revision', 'Status', 'Chart', 'App version', 'Updated']);
    const row = within(grid).getByRole('row', { name: /^shop team-a 3 failed shop-1\.2\.0 2\.4\.1/ });
    expect(within(row).getByText('failed').closest('[data-tone]')?.getAttribute('data-tone')).toBe('bad');
    expect(within(row).getByRole('link', { name: 'shop' }).getAttribute('href')).toBe('#/c/kind/helm/team-a/shop');
    // The configmap driver goes with the link: the release page needs it.
    expect(within(grid).getByRole('link', { name: 'legacy-cron' }).getAttribute('href')).toBe('#/c/kind/helm/team-a/legacy-cron?driver=configmap');
    expect(within(row).getByRole('gridcell', { name: /1h|60m/ }).querySelector('time')?.getAttribute('title')).toBeTruthy();
    expect(screen.getByText('3 releases').getAttribute('role')).toBe('status');
  });

  it('follows changes live: an upgrade updates a row, an uninstall removes it', () => {
    show();
    send({ type: 'releases', releases: SEEDED });
    send({ type: 'changes', releases: [{ ...shop, revision: 4, status: 'deployed' }], deleted: ['team-a/legacy-cron'] });
    const grid = screen.getByRole('grid', { name: 'Helm releases' });
    expect(names(grid)).toEqual(['metrics-agent', 'shop']);
    expect(within(grid).getByRole('row', { name: /^shop team-a 4 deployed/ })).toBeTruthy();
  });

  it('filters by name, namespace or chart, and says so when nothing matches', () => {
    show();
    send({ type: 'releases', releases: SEEDED });
    const filter = screen.getByRole('searchbox', { name: 'Filter releases' });
    // f focuses the filter, as in every list.
    fireEvent.keyDown(document.body, { key: 'f' });
    expect(document.activeElement).toBe(filter);
    fireEvent.change(filter, { target: { value: 'platform' } });
    const grid = screen.getByRole('grid');
    expect(names(grid)).toEqual(['metrics-agent']);
    expect(screen.getByText('1 of 3 releases')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'cron-0.3' } });
    expect(names(grid)).toEqual(['legacy-cron']);
    fireEvent.change(filter, { target: { value: 'nope' } });
    expect(screen.getByText('No release matches “nope”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(names(grid)).toHaveLength(3);
  });

  it('sorts by a column header, saying how in aria-sort', () => {
    show();
    send({ type: 'releases', releases: SEEDED });
    const grid = screen.getByRole('grid');
    const header = (name: string) => within(grid).getByRole('columnheader', { name });
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');
    expect(names(grid)).toEqual(['legacy-cron', 'metrics-agent', 'shop']);
    fireEvent.click(within(header('Name')).getByRole('button'));
    expect(header('Name').getAttribute('aria-sort')).toBe('descending');
    expect(names(grid)).toEqual(['shop', 'metrics-agent', 'legacy-cron']);
    fireEvent.click(within(header('Revision')).getByRole('button'));
    expect(header('Name').getAttribute('aria-sort')).toBeNull();
    expect(header('Revision').getAttribute('aria-sort')).toBe('ascending');
    expect(names(grid)).toEqual(['legacy-cron', 'metrics-agent', 'shop']);
    fireEvent.click(within(header('Updated')).getByRole('button'));
    expect(header('Updated').getAttribute('aria-sort')).toBe('descending');
    expect(names(grid)).toEqual(['shop', 'metrics-agent', 'legacy-cron']);
  });

  it('opens the highlighted release with Enter', () => {
    show();
    send({ type: 'releases', releases: SEEDED });
    const grid = screen.getByRole('grid');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(grid.getAttribute('aria-activedescendant')).toBeTruthy();
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(window.location.hash).toBe('#/c/kind/helm/platform/metrics-agent');
  });

  it('renders only the rows in view of a long list', () => {
    show();
    send({ type: 'releases', releases: Array.from({ length: 600 }, (_, i) => release({ name: `r-${String(i).padStart(3, '0')}` })) });
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('601');
    const rows = within(grid).getAllByRole('row').length;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(100);
  });

  it('says when there are no releases, naming the namespace', () => {
    show('team-b');
    send({ type: 'releases', releases: [] });
    expect(screen.getByRole('heading', { name: 'No Helm releases in team-b' })).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('stands the permission a user lacks in for the list, with namespaces to open instead', () => {
    const { onNamespace } = show();
    send(forbidden('secret'));
    send({ type: 'releases', releases: [] });
    const notice = screen.getByRole('alert', { name: 'You may not read the Helm releases in any namespace' });
    expect(within(notice).getByRole('list', { name: 'What is missing' }).textContent).toBe('Helm keeps its releases in secrets: needs list secrets cluster-wide');
    expect(screen.queryByRole('heading', { name: /No Helm releases/ })).toBeNull();
    // The list stays, empty, saying what to do.
    expect(screen.getByRole('grid', { name: 'Helm releases' }).getAttribute('aria-rowcount')).toBe('1');
    expect(screen.getByText('No releases to show: open a namespace you may read.')).toBeTruthy();
    fireEvent.click(within(within(notice).getByRole('list', { name: 'Namespaces to open' })).getByRole('button', { name: 'team-a' }));
    expect(onNamespace).toHaveBeenCalledWith('team-a');
  });

  it('shows what it could read beside the namespaces it could not', () => {
    show();
    send(forbidden('configmap'));
    send({ type: 'releases', releases: [shop, metricsAgent] });
    expect(screen.getByRole('alert', { name: 'Some releases may be missing: Kubedeck may not read every namespace here' }).textContent).toContain(
      'needs list configmaps cluster-wide',
    );
    expect(names(screen.getByRole('grid'))).toEqual(['metrics-agent', 'shop']);
  });

  it('says when "all namespaces" was narrowed to the namespaces the user may read', () => {
    const { onNamespace } = show();
    send({ ...forbidden('secret'), partial: true, readable: ['team-a', 'platform'], message: 'You may not list secrets cluster-wide: showing the releases in team-a, platform, where you may' });
    send({ type: 'releases', releases: [shop, legacyCron] });
    const note = screen.getByRole('note', { name: 'Showing the releases in team-a, platform only: where you may read Helm’s records' });
    expect(note.textContent).toContain('You may not list secrets cluster-wide');
    fireEvent.click(within(note).getByRole('button', { name: 'platform' }));
    expect(onNamespace).toHaveBeenCalledWith('platform');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns Install chart off on a read-only context, saying why', () => {
    window.localStorage.setItem('kubedeck.readOnly:kind', '1');
    show('team-a');
    const install = screen.getByRole('button', { name: 'Install chart…' });
    expect(install.getAttribute('aria-disabled')).toBe('true');
    expect(install.getAttribute('aria-describedby') && document.getElementById(install.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Read-only context');
    fireEvent.click(install);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Install chart… is not allowed — Read-only context');
  });
});
