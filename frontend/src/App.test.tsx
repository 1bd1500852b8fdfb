import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { resetSessionExpired } from './api/errors';
import type { APIResource, ContextList } from './api/types';
import { createQueryClient } from './api/queries';
import { podColumns, podRow } from './test/fakeStream';

const contexts: ContextList = {
  current: 'kubedeck-admin',
  files: [{ path: '/root/.kube/config', exists: true }],
  contexts: [
    { name: 'kubedeck-admin', cluster: 'kubedeck', user: 'admin', namespace: 'default', server: 'https://127.0.0.1:6443', source: '/root/.kube/config' },
    { name: 'arn:aws:eks:eu-west-1:123:cluster/prod', cluster: 'prod', user: 'aws', namespace: '', server: 'https://eks', source: '/root/.kube/config' },
  ],
};

const R = (group: string, kind: string, resource: string, namespaced = true): APIResource => ({
  group,
  version: 'v1',
  kind,
  resource,
  namespaced,
  verbs: ['list', 'watch'],
});
const resources = [R('', 'Pod', 'pods'), R('', 'Node', 'nodes', false), R('apps', 'Deployment', 'deployments'), R('example.com', 'Widget', 'widgets')];

type Handler = (method: string, args: unknown[]) => unknown;

function backend(handler: Handler) {
  const streams: { url: URL; send: (...m: unknown[]) => void }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname.startsWith('/api/call/')) {
      const args = JSON.parse(String(init?.body ?? '[]')) as unknown[];
      try {
        return Response.json(handler(url.pathname.slice('/api/call/'.length), args));
      } catch (e) {
        if (e instanceof Response) return e;
        throw e;
      }
    }
    const enc = new TextEncoder();
    let ctl: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctl = c) });
    init?.signal?.addEventListener('abort', () => ctl?.error(new DOMException('aborted', 'AbortError')));
    streams.push({ url, send: (...m) => ctl?.enqueue(enc.encode(m.map((x) => `${JSON.stringify(x)}\n`).join(''))) });
    return new Response(body, { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, streams };
}

const normal: Handler = (method, args) => {
  switch (method) {
    case 'Contexts':
      return contexts;
    case 'Namespaces':
      return { namespaces: ['default', 'team-a'], restricted: false };
    case 'APIResources':
      return { resources };
    case 'ClusterInfo':
      return { server: 'https://127.0.0.1:6443', gitVersion: 'v1.32.0', user: 'admin', groups: [] };
    case 'ClusterStatus':
      return { context: String(args[0]), state: 'ready', server: 'https://127.0.0.1:6443', gitVersion: 'v1.32.0', user: 'admin', groups: [], auth: 'kubeconfig', tokenStorage: 'memory' };
    case 'Preferences':
      return {};
    default:
      throw Response.json({ error: 'nope' }, { status: 404 });
  }
};

function renderApp() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  return render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
  resetSessionExpired();
});

describe('App', () => {
  it('opens the current context on pods, with the resource sidebar', async () => {
    const b = backend(normal);
    renderApp();
    await waitFor(() => expect(window.location.hash).toBe('#/c/kubedeck-admin/r/core/v1/pods'));
    const nav = await screen.findByRole('navigation', { name: 'Resources' });
    const pods = await within(nav).findByRole('link', { name: 'Pods' });
    expect(pods.getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Deployments' }).getAttribute('href')).toBe('#/c/kubedeck-admin/r/apps/v1/deployments');
    expect(within(nav).getByRole('link', { name: 'Widgets' })).toBeTruthy();
    expect(within(nav).getByRole('heading', { name: 'Custom resources' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Context: kubedeck-admin' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Namespace: All namespaces' })).toBeTruthy();
    await screen.findByRole('button', { name: 'Cluster status: Ready' });
    const list = () => b.streams.find((st) => st.url.pathname === '/api/stream/list');
    await waitFor(() => expect(list()).toBeTruthy());
    expect(list()?.url.searchParams.get('resource')).toBe('pods');
    act(() => list()?.send(podColumns, { type: 'rows', rows: [podRow('default', 'web-1')] }, { type: 'synced', resourceVersion: '1' }));
    await screen.findByRole('grid', { name: 'Pods' });
    expect(document.title).toBe('Pods · kubedeck-admin — Kubedeck');
  });

  it('follows the sidebar, the namespace picker and the context switcher in the URL', async () => {
    backend(normal);
    renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Resources' });
    fireEvent.click(await within(nav).findByRole('link', { name: 'Deployments' }));
    await waitFor(() => expect(window.location.hash).toBe('#/c/kubedeck-admin/r/apps/v1/deployments'));
    await waitFor(() => expect(document.title).toBe('Deployments · kubedeck-admin — Kubedeck'));

    fireEvent.click(screen.getByRole('button', { name: /namespace/i }));
    fireEvent.click(await screen.findByRole('option', { name: 'team-a' }));
    await waitFor(() => expect(window.location.hash).toBe('#/c/kubedeck-admin/r/apps/v1/deployments?ns=team-a'));
    expect(screen.getByRole('button', { name: 'Namespace: team-a' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /context/i }));
    const search = screen.getByRole('combobox', { name: 'Search contexts' });
    fireEvent.change(search, { target: { value: 'prod' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() =>
      expect(window.location.hash).toBe('#/c/arn%3Aaws%3Aeks%3Aeu-west-1%3A123%3Acluster%2Fprod/r/apps/v1/deployments'),
    );
    expect(await screen.findByRole('button', { name: 'Context: arn:aws:eks:eu-west-1:123:cluster/prod' })).toBeTruthy();
    // The namespace picked in a context is remembered for it.
    expect(window.localStorage.getItem('kubedeck.namespace:kubedeck-admin')).toBe('team-a');
    expect(window.localStorage.getItem('kubedeck.lastContext')).toBe('arn:aws:eks:eu-west-1:123:cluster/prod');
  });

  it('follows kubeconfig changes from the contexts stream', async () => {
    const b = backend(normal);
    renderApp();
    await screen.findByRole('button', { name: 'Context: kubedeck-admin' });
    const stream = () => b.streams.find((st) => st.url.pathname === '/api/stream/contexts');
    await waitFor(() => expect(stream()).toBeTruthy());
    const added = { ...contexts.contexts[0]!, name: 'new-cluster', source: '/root/.kube/new.yaml' };
    act(() => stream()?.send({ type: 'heartbeat' }, { type: 'contexts', list: { ...contexts, contexts: [...contexts.contexts, added] } }));
    fireEvent.click(screen.getByRole('button', { name: /context/i }));
    expect(await screen.findByRole('option', { name: 'new-cluster' })).toBeTruthy();
  });

  it('reopens the last used context and its namespace', async () => {
    window.localStorage.setItem('kubedeck.lastContext', 'arn:aws:eks:eu-west-1:123:cluster/prod');
    window.localStorage.setItem('kubedeck.namespace:arn:aws:eks:eu-west-1:123:cluster/prod', 'team-a');
    backend(normal);
    renderApp();
    await waitFor(() =>
      expect(window.location.hash).toBe('#/c/arn%3Aaws%3Aeks%3Aeu-west-1%3A123%3Acluster%2Fprod/r/core/v1/pods?ns=team-a'),
    );
  });

  it('says so when a link names a context that does not exist', async () => {
    window.history.replaceState(null, '', '/#/c/gone/r/core/v1/pods');
    backend(normal);
    renderApp();
    expect(await screen.findByRole('heading', { name: 'There is no context “gone” in your kubeconfig' })).toBeTruthy();
  });

  it('opens the namespace a restricted user has instead of all namespaces', async () => {
    backend((method, args) =>
      method === 'Namespaces'
        ? { namespaces: ['team-a'], restricted: true, message: 'You may not list namespaces.' }
        : normal(method, args),
    );
    renderApp();
    await waitFor(() => expect(window.location.hash).toBe('#/c/kubedeck-admin/r/core/v1/pods?ns=team-a'));
    fireEvent.click(screen.getByRole('button', { name: /namespace/i }));
    expect(screen.getByRole('note').textContent).toContain('You may not list namespaces.');
  });

  it('lets a restricted user add a namespace by hand', async () => {
    const added: unknown[][] = [];
    backend((method, args) => {
      if (method === 'Namespaces') return { namespaces: ['team-a'], restricted: true, message: 'You may not list namespaces.' };
      if (method === 'AddNamespace') {
        added.push(args);
        return { namespaces: ['team-a', 'team-z'], restricted: true };
      }
      return normal(method, args);
    });
    renderApp();
    await waitFor(() => expect(window.location.hash).toBe('#/c/kubedeck-admin/r/core/v1/pods?ns=team-a'));
    fireEvent.click(screen.getByRole('button', { name: /namespace/i }));
    const search = screen.getByRole('combobox', { name: 'Search namespaces' });
    fireEvent.change(search, { target: { value: 'team-z' } });
    fireEvent.click(screen.getByRole('option', { name: 'Add namespace team-z' }));
    await waitFor(() => expect(added).toEqual([['kubedeck-admin', 'team-z']]));
    await waitFor(() => expect(window.location.hash).toBe('#/c/kubedeck-admin/r/core/v1/pods?ns=team-z'));
  });

  it('shows a sign-in screen for a signed-out cluster; a wrong token is refused inline, a good one signs in', async () => {
    let signedIn = false;
    const b = backend((method, args) => {
      if (method === 'ClusterStatus' && !signedIn) {
        return { context: args[0], state: 'signed-out', message: 'No credentials.', server: 'https://x', groups: [], auth: 'kubeconfig', tokenStorage: 'memory' };
      }
      if (method === 'SignIn') {
        if (args[1] !== 'good') throw Response.json({ error: 'the cluster rejected this token (401)' }, { status: 422 });
        signedIn = true;
        return { user: 'viewer', groups: ['viewers'], storage: 'memory' };
      }
      return normal(method, args);
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Sign in to kubedeck-admin' })).toBeTruthy();
    expect(screen.getByText('No credentials.')).toBeTruthy();
    const token = screen.getByLabelText('Bearer token');
    expect(token.getAttribute('type')).toBe('password');
    fireEvent.change(token, { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('rejected this token');
    expect((token as HTMLInputElement).value).toBe('bad');
    fireEvent.change(token, { target: { value: 'good' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as viewer (viewers)')).toBeTruthy();
    expect(screen.getByText(/in memory only, until Kubedeck quits/)).toBeTruthy();
    await screen.findByRole('button', { name: 'Cluster status: Ready' });
    await waitFor(() => expect(b.streams.some((st) => st.url.pathname === '/api/stream/list')).toBe(true));
  });

  it('keeps the rows of a cluster that stops answering, marked as not live', async () => {
    let down = false;
    const b = backend((method, args) =>
      method === 'ClusterStatus' && down
        ? { context: args[0], state: 'unreachable', message: 'connection refused', server: 'https://x', groups: [], auth: 'kubeconfig', tokenStorage: 'memory' }
        : normal(method, args),
    );
    renderApp();
    const list = () => b.streams.find((st) => st.url.pathname === '/api/stream/list');
    await waitFor(() => expect(list()).toBeTruthy());
    await screen.findByRole('button', { name: 'Cluster status: Ready' });
    act(() => list()?.send(podColumns, { type: 'rows', rows: [podRow('default', 'web-1')] }, { type: 'synced', resourceVersion: '1' }));
    const table = await screen.findByRole('grid', { name: 'Pods' });
    down = true;
    act(() => list()?.send({ type: 'error', message: 'watch: connection refused' }));
    const banner = await screen.findByText(/^Showing data from \d\d:\d\d — not live: the cluster does not answer/);
    expect(banner.textContent).toContain('connection refused');
    expect(within(table).getByRole('row', { name: /web-1/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cluster status: Unreachable' })).toBeTruthy();
  });

  it('explains where kubeconfig is looked for when there are no contexts', async () => {
    backend((method) => (method === 'Contexts' ? { contexts: [], current: '', files: [{ path: '/root/.kube/config', exists: false }] } : {}));
    renderApp();
    expect(await screen.findByRole('heading', { name: 'No Kubernetes contexts found' })).toBeTruthy();
    expect(screen.getByText('KUBECONFIG')).toBeTruthy();
    expect(screen.getByText('~/.kube/config')).toBeTruthy();
    expect(screen.getByText('does not exist')).toBeTruthy();
  });

  it('shows a session-expired page on 401', async () => {
    backend(() => {
      throw Response.json({ error: 'not signed in' }, { status: 401 });
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Session expired' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toContain('Open the newest sign-in address that kubedeck serve printed');
  });

  it('shows a retryable error when the backend is not there', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Kubedeck cannot reach its backend' })).toBeTruthy();
    backend(normal);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('button', { name: 'Context: kubedeck-admin' })).toBeTruthy();
  });
});
