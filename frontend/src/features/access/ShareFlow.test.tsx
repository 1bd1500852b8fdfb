import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessCheck, AccessDecision } from '../../api/operations';
import type { RoleRef, ShareCreated, SharePreview, ShareRequest } from '../../api/types';
import { ShareFlow } from './ShareFlow';
import { renderWithQueries } from './testing';

const preview = vi.fn<(context: string, r: ShareRequest) => Promise<SharePreview>>();
const create = vi.fn<(context: string, r: ShareRequest) => Promise<ShareCreated>>();
const roles = vi.fn<(context: string, ns: string) => Promise<RoleRef[]>>();
const access = vi.fn<(context: string, checks: AccessCheck[]) => Promise<AccessDecision[]>>();
const saveFile = vi.fn<(name: string, text: string) => Promise<{ kind: 'downloaded' }>>();

vi.mock('../../api/access', () => ({
  accessApi: {
    SharePreview: (c: string, r: ShareRequest) => preview(c, r),
    ShareCreate: (c: string, r: ShareRequest) => create(c, r),
    ShareRoles: (c: string, n: string) => roles(c, n),
  },
}));
vi.mock('../../api/operations', () => ({ ops: { Access: (c: string, checks: AccessCheck[]) => access(c, checks) } }));
vi.mock('../../api/client', async () => (await import('./clientMock')).clientMock);
vi.mock('../../api/saveFile', () => ({ saveFile: (n: string, t: string) => saveFile(n, t) }));

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-token-value';
const PREVIEW: SharePreview = {
  name: 'alice-example-com',
  objects: [
    { kind: 'ServiceAccount', name: 'alice-example-com', namespace: 'team-a', yaml: 'apiVersion: v1\nkind: ServiceAccount\n' },
    { kind: 'RoleBinding', name: 'alice-example-com', namespace: 'team-a', yaml: 'kind: RoleBinding\nroleRef:\n  name: edit\n' },
  ],
  warnings: ['edit may read Secrets in team-a'],
  expires: '2026-12-02T22:00:00Z',
  grants: [{ resources: ['deployments.apps'], nonResourceURLs: [], resourceNames: [], verbs: ['create', 'get'] }],
};
const CREATED: ShareCreated = {
  share: { name: 'alice-example-com', namespace: 'team-a', recipient: 'alice@example.com', role: 'ClusterRole/edit', clusterWide: false, created: '2026-12-02T14:00:00Z', expiresAt: '2026-12-02T15:00:00Z', expired: false, objects: [] },
  token: TOKEN,
  kubeconfig: `apiVersion: v1\nusers:\n- user:\n    token: ${TOKEN}\n`,
  capped: true,
};

function open() {
  const onClose = vi.fn();
  const onCreated = vi.fn();
  const r = renderWithQueries(<ShareFlow context="kind" namespace="team-a" namespaces={['team-a', 'team-b']} onCreated={onCreated} onClose={onClose} />);
  const dialog = screen.getByRole('dialog', { name: 'Share access' });
  return { ...r, dialog, onClose, onCreated };
}

function fill(dialog: HTMLElement) {
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Recipient' }), { target: { value: 'alice@example.com' } });
  fireEvent.click(within(dialog).getByRole('radio', { name: 'edit' }));
  fireEvent.change(within(dialog).getByRole('combobox', { name: 'Duration' }), { target: { value: '3600' } });
}

const createButton = (d: HTMLElement) => within(d).getByRole('button', { name: 'Create and show token' }) as HTMLButtonElement;

beforeEach(() => {
  for (const f of [preview, create, roles, access, saveFile]) f.mockReset();
  roles.mockResolvedValue([{ kind: 'ClusterRole', name: 'view' }, { kind: 'ClusterRole', name: 'edit' }, { kind: 'ClusterRole', name: 'admin' }, { kind: 'Role', name: 'deployer', namespace: 'team-a' }]);
  access.mockImplementation(async (_c, checks) => checks.map((c) => ({ ...c, allowed: true })));
});
afterEach(() => vi.unstubAllGlobals());

describe('the Share dialog', () => {
  it('starts in the namespace with view for 8 hours, and creates only after a preview of the same values', async () => {
    preview.mockResolvedValue(PREVIEW);
    create.mockResolvedValue(CREATED);
    const { dialog, onCreated } = open();
    expect((within(dialog).getByRole('combobox', { name: 'Namespace' }) as HTMLSelectElement).value).toBe('team-a');
    expect((within(dialog).getByRole('radio', { name: 'view' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('radio', { name: 'This namespace' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('combobox', { name: 'Duration' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('8 hours');
    expect((within(dialog).getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(true);
    fill(dialog);
    expect(createButton(dialog).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    const sa = await within(dialog).findByRole('textbox', { name: 'ServiceAccount alice-example-com' });
    expect((sa as HTMLTextAreaElement).value).toContain('kind: ServiceAccount');
    expect((sa as HTMLTextAreaElement).readOnly).toBe(true);
    expect(within(dialog).getByRole('textbox', { name: 'RoleBinding alice-example-com' })).toBeTruthy();
    expect(within(dialog).getByRole('list', { name: 'Warnings' }).textContent).toContain('edit may read Secrets in team-a');
    // What the share grants, in kubectl's can-i --list rows.
    expect(within(within(dialog).getByRole('table', { name: 'What the share grants' })).getByRole('row', { name: /deployments\.apps/ }).textContent).toContain('create');
    const sent: ShareRequest = { recipient: 'alice@example.com', namespace: 'team-a', clusterWide: false, roleKind: 'ClusterRole', roleName: 'edit', rules: [], durationSeconds: 3600 };
    expect(preview).toHaveBeenCalledWith('kind', sent);
    await waitFor(() => expect(createButton(dialog).disabled).toBe(false));
    fireEvent.click(createButton(dialog));
    await screen.findByRole('dialog', { name: 'Access shared' });
    expect(create).toHaveBeenCalledWith('kind', { ...sent, name: PREVIEW.name }); // exactly what was previewed
    expect(onCreated).toHaveBeenCalledOnce();
  });

  it('needs a new preview when a value changes after one', async () => {
    preview.mockResolvedValue(PREVIEW);
    const { dialog } = open();
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(createButton(dialog).disabled).toBe(false));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'admin' }));
    expect(createButton(dialog).disabled).toBe(true);
    expect(within(dialog).getByText(/The form changed since this preview/)).toBeTruthy();
  });

  it('shows the server’s refusal in the dialog and keeps everything typed', async () => {
    preview.mockRejectedValue(new Error('rolebindings.rbac.authorization.k8s.io is forbidden: user "viewer" cannot create'));
    const { dialog, onClose } = open();
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('is forbidden: user "viewer" cannot create');
    expect((within(dialog).getByRole('textbox', { name: 'Recipient' }) as HTMLInputElement).value).toBe('alice@example.com');
    expect((within(dialog).getByRole('radio', { name: 'edit' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('combobox', { name: 'Duration' }) as HTMLSelectElement).value).toBe('3600');
    expect(createButton(dialog).disabled).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('keeps the form and says why when creating fails after a good preview', async () => {
    preview.mockResolvedValue(PREVIEW);
    create.mockRejectedValue(new Error('serviceaccounts "alice-example-com" already exists'));
    const { dialog } = open();
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(createButton(dialog).disabled).toBe(false));
    fireEvent.click(createButton(dialog));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('already exists');
    expect((within(dialog).getByRole('textbox', { name: 'Recipient' }) as HTMLInputElement).value).toBe('alice@example.com');
    expect(screen.queryByRole('dialog', { name: 'Access shared' })).toBeNull();
  });

  it('warns about a cluster-wide binding and sends custom rules built from the grid', async () => {
    preview.mockResolvedValue(PREVIEW);
    const { dialog } = open();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Recipient' }), { target: { value: 'bob' } });
    expect(within(dialog).queryByText(/A ClusterRoleBinding grants the role in every namespace/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Every namespace (ClusterRoleBinding)' }));
    expect(within(dialog).getByText(/A ClusterRoleBinding grants the role in every namespace/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Custom rules' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'get pods' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'get pods/log' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'list deployments' }));
    expect(within(dialog).queryByRole('checkbox', { name: 'delete pods/log' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(preview).toHaveBeenCalled());
    expect(preview.mock.calls[0]?.[1]).toMatchObject({
      recipient: 'bob',
      clusterWide: true,
      roleKind: '',
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list'] },
      ],
    });
  });

  it('offers the existing roles ShareRoles lists', async () => {
    preview.mockResolvedValue(PREVIEW);
    const { dialog } = open();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Recipient' }), { target: { value: 'carol' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Existing role' }));
    const select = (await within(dialog).findByRole('combobox', { name: 'Choose an existing role' })) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('Role/deployer'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(preview.mock.calls[0]?.[1]).toMatchObject({ roleKind: 'Role', roleName: 'deployer' }));
  });
});

describe('the token dialog', () => {
  async function toToken() {
    preview.mockResolvedValue(PREVIEW);
    create.mockResolvedValue(CREATED);
    const r = open();
    fill(r.dialog);
    fireEvent.click(within(r.dialog).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(createButton(r.dialog).disabled).toBe(false));
    fireEvent.click(createButton(r.dialog));
    return { ...r, token: await screen.findByRole('dialog', { name: 'Access shared' }) };
  }

  it('shows the token once with copy and download, says when the server capped it, and drops it on Done', async () => {
    const writeText = vi.fn<(s: string) => Promise<void>>().mockResolvedValue();
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    saveFile.mockResolvedValue({ kind: 'downloaded' });
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { token, onClose, unmount } = await toToken();
    expect(token.textContent).toContain('Shown once: copy it now.');
    expect(token.textContent).toContain('The API server granted a shorter lifetime than asked');
    const box = within(token).getByRole('textbox', { name: 'Token' }) as HTMLInputElement;
    expect(box.value).toBe(TOKEN);
    expect(box.readOnly).toBe(true);
    expect((within(token).getByRole('textbox', { name: 'Kubeconfig' }) as HTMLTextAreaElement).value).toContain(TOKEN);
    fireEvent.click(within(token).getByRole('button', { name: 'Copy token' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(TOKEN));
    fireEvent.click(within(token).getByRole('button', { name: 'Copy kubeconfig' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(CREATED.kubeconfig));
    fireEvent.click(within(token).getByRole('button', { name: 'Download kubeconfig' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledWith('kubeconfig-alice-example-com-team-a.yaml', CREATED.kubeconfig));
    fireEvent.click(within(token).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
    unmount();
    // Nowhere else: not in storage, the URL or the console.
    const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? ''));
    expect(stored.some((v) => v.includes(TOKEN))).toBe(false);
    expect(window.location.href).not.toContain(TOKEN);
    for (const spy of logs) expect(JSON.stringify(spy.mock.calls)).not.toContain(TOKEN);
  });

  it('closing the flow removes the token from the page', async () => {
    const { token, client, rerender } = await toToken();
    expect(within(token).getByRole('textbox', { name: 'Token' })).toBeTruthy();
    act(() => rerender(<></>));
    expect(document.body.textContent).not.toContain(TOKEN);
    // And the query cache never held it.
    expect(JSON.stringify(client.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(TOKEN);
    expect(JSON.stringify(client.getMutationCache().getAll().map((m) => m.state.data))).not.toContain(TOKEN);
  });
});
