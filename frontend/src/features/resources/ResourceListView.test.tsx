import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryOf } from '../navigation/catalog';
import { fakeStreams, podColumns, podRow } from '../../test/fakeStream';
import { ResourceListView } from './ResourceListView';

const podsEntry = entryOf({ group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, verbs: ['list'] });
const pods = podsEntry.gvr;

function view(namespace = '', knownNamespaces: string[] = []) {
  const onNamespace = vi.fn();
  render(
    <ResourceListView
      context="arn:aws:eks:eu-west-1:123:cluster/prod"
      gvr={pods}
      namespace={namespace}
      entry={podsEntry}
      knownNamespaces={knownNamespaces}
      onNamespace={onNamespace}
    />,
  );
  return { onNamespace };
}

const bodyRows = () => screen.getAllByRole('row').slice(1);
const cellTexts = (row: HTMLElement) => within(row).getAllByRole('gridcell').map((c) => c.textContent);

afterEach(() => vi.unstubAllGlobals());

describe('ResourceListView', () => {
  it('asks the stream for the kind, context and namespace', () => {
    const f = fakeStreams();
    view('team-a');
    expect(Object.fromEntries(f.last().params)).toEqual({
      context: 'arn:aws:eks:eu-west-1:123:cluster/prod',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'team-a',
      labelSelector: '',
      fieldSelector: '',
    });
    expect(document.title).toBe('Pods · arn:aws:eks:eu-west-1:123:cluster/prod — Kubedeck');
  });

  it('loads, then shows the rows with the kubectl columns and a namespace column', async () => {
    const f = fakeStreams();
    view('');
    expect(screen.getByRole('status', { name: 'Loading pods' })).toBeTruthy();
    expect(screen.getByText('Connecting')).toBeTruthy();
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'web-1'), podRow('team-b', 'db-0', 'Pending')] }));
    const table = await screen.findByRole('grid', { name: 'Pods' });
    expect(screen.getByText('Loading… 2 loaded')).toBeTruthy();
    act(() => f.last().send({ type: 'rows', rows: [podRow('team-a', 'web-2', 'CrashLoopBackOff')] }, { type: 'synced', resourceVersion: '10' }));
    await screen.findByText('3 pods');
    expect(screen.getByText('Live')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Namespace',
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(bodyRows().map(cellTexts)).toEqual([
      ['team-a', 'web-1', '1/1', 'Running', '0', '120m'],
      ['team-a', 'web-2', '1/1', 'CrashLoopBackOff', '0', '120m'],
      ['team-b', 'db-0', '1/1', 'Pending', '0', '120m'],
    ]);
    // Status colours.
    expect(screen.getByText('Running').closest('[data-tone]')?.getAttribute('data-tone')).toBe('ok');
    expect(screen.getByText('Pending').closest('[data-tone]')?.getAttribute('data-tone')).toBe('warn');
    expect(screen.getByText('CrashLoopBackOff').closest('[data-tone]')?.getAttribute('data-tone')).toBe('bad');
  });

  it('applies watch events', async () => {
    const f = fakeStreams();
    view('team-a');
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'a'), podRow('team-a', 'b')] }, { type: 'synced', resourceVersion: '1' }));
    await screen.findByText('2 pods');
    act(() => f.last().send({ type: 'events', upserts: [podRow('team-a', 'a', 'Terminating'), podRow('team-a', 'c')], deletes: ['team-a/b'] }));
    await screen.findByText('Terminating');
    expect(bodyRows().map((r) => cellTexts(r)[0])).toEqual(['a', 'c']);
    // In one namespace there is no Namespace column.
    expect(screen.queryByRole('columnheader', { name: 'Namespace' })).toBeNull();
  });

  it('filters by name or namespace; "f" focuses the filter', async () => {
    const f = fakeStreams();
    view('');
    act(() =>
      f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'web-1'), podRow('team-b', 'web-2'), podRow('team-b', 'db-0')] }, { type: 'synced', resourceVersion: '1' }),
    );
    await screen.findByText('3 pods');
    fireEvent.keyDown(window, { key: 'f' });
    const filter = screen.getByRole('searchbox', { name: 'Filter' });
    expect(document.activeElement).toBe(filter);
    fireEvent.change(filter, { target: { value: 'team-b' } });
    await screen.findByText('2 of 3 pods');
    fireEvent.change(filter, { target: { value: 'WEB' } });
    await screen.findByText('2 of 3 pods');
    expect(bodyRows().map((r) => cellTexts(r)[1])).toEqual(['web-1', 'web-2']);
    fireEvent.change(filter, { target: { value: 'nope' } });
    await screen.findByText('No pods match “nope”.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    await screen.findByText('3 pods');
  });

  it('sorts by a clicked column header and says so with aria-sort', async () => {
    const f = fakeStreams();
    view('team-a');
    act(() =>
      f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'web-10'), podRow('team-a', 'web-2'), podRow('team-a', 'api', 'Pending')] }, { type: 'synced', resourceVersion: '1' }),
    );
    await screen.findByText('3 pods');
    const name = screen.getByRole('columnheader', { name: 'Name' });
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows().map((r) => cellTexts(r)[0])).toEqual(['api', 'web-2', 'web-10']);
    fireEvent.click(within(name).getByRole('button'));
    expect(name.getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows().map((r) => cellTexts(r)[0])).toEqual(['web-10', 'web-2', 'api']);
    const status = screen.getByRole('columnheader', { name: 'Status' });
    fireEvent.click(within(status).getByRole('button'));
    expect(status.getAttribute('aria-sort')).toBe('ascending');
    expect(name.getAttribute('aria-sort')).toBeNull();
    expect(bodyRows().map((r) => cellTexts(r)[2])).toEqual(['Pending', 'Running', 'Running']);
  });

  it('moves a highlighted row with the arrow keys', async () => {
    const f = fakeStreams();
    view('team-a');
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'a'), podRow('team-a', 'b'), podRow('team-a', 'c')] }, { type: 'synced', resourceVersion: '1' }));
    const table = await screen.findByRole('grid', { name: 'Pods' });
    table.focus();
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    expect(bodyRows()[0]?.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    expect(bodyRows().map((r) => r.getAttribute('aria-current'))).toEqual([null, null, 'true']);
    fireEvent.keyDown(table, { key: 'Home' });
    expect(bodyRows()[0]?.getAttribute('aria-current')).toBe('true');
  });

  it('shows the wide columns with the Wide toggle', async () => {
    const f = fakeStreams();
    view('team-a');
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'a')] }, { type: 'synced', resourceVersion: '1' }));
    await screen.findByText('1 pod');
    const wide = screen.getByRole('button', { name: 'Wide' });
    expect(wide.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(wide);
    expect(wide.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('columnheader', { name: 'IP' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Node' })).toBeTruthy();
  });

  it('says when there is nothing', async () => {
    const f = fakeStreams();
    view('team-a');
    act(() => f.last().send(podColumns, { type: 'synced', resourceVersion: '1' }));
    await screen.findByRole('heading', { name: 'No pods in team-a' });
    expect(screen.getByText('0 pods')).toBeTruthy();
  });

  it('explains a forbidden list, suggests namespaces, and retries on demand', async () => {
    const f = fakeStreams();
    const { onNamespace } = view('team-a', ['team-a', 'team-b']);
    act(() => {
      f.last().send({ type: 'error', message: 'pods is forbidden: User "dev" cannot list resource "pods" in the namespace "team-a"', status: 403 });
      f.last().close();
    });
    await screen.findByRole('heading', { name: 'You are not allowed to list pods in team-a' });
    expect(screen.getByText(/User "dev" cannot list/)).toBeTruthy();
    expect(screen.getByText('Disconnected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'team-b' }));
    expect(onNamespace).toHaveBeenCalledWith('team-b');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(f.streams).toHaveLength(2));
    act(() => f.last().send(podColumns, { type: 'rows', rows: [podRow('team-a', 'a')] }, { type: 'synced', resourceVersion: '1' }));
    await screen.findByText('1 pod');
  });

  it('shows an HTTP error before the stream and does not hammer the backend for a 4xx', async () => {
    const f = fakeStreams();
    f.failNext(404, 'context "gone" not found');
    view('team-a');
    await screen.findByRole('heading', { name: 'This cluster does not serve pods (v1)' });
    expect(screen.getByText('context "gone" not found')).toBeTruthy();
    expect(f.fetchMock).toHaveBeenCalledTimes(1);
  });

  it('closes the stream when the view goes away', async () => {
    const f = fakeStreams();
    const { unmount } = render(
      <ResourceListView context="c" gvr={pods} namespace="" entry={podsEntry} knownNamespaces={[]} onNamespace={() => {}} />,
    );
    await waitFor(() => expect(f.streams).toHaveLength(1));
    unmount();
    expect(f.last().aborted()).toBe(true);
    // The desktop never cancels an aborted request: the backend is told.
    await waitFor(() => expect(f.cancels).toHaveLength(1));
  });
});
