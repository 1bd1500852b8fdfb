import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessCheck } from '../../api/operations';
import type { HelmChartInfo, HelmInstallRequest } from '../../api/types';
import { renderWithQueries } from '../access/testing';
import { access, helm, resetHelmMocks } from './helmMock';
import { InstallDialog } from './InstallDialog';
import { typeInto } from './testing';

let shell: 'http' | 'desktop' = 'http';
vi.mock('../../api/helm', async () => (await import('./helmMock')).helmModule);
vi.mock('../../api/operations', async () => {
  const m = await import('./helmMock');
  return { ops: { Access: (c: string, checks: AccessCheck[]) => m.access(c, checks) } };
});
vi.mock('../../api/client', async () => ({ ...(await import('../access/clientMock')).clientMock, transport: () => shell }));

const CHART: HelmChartInfo = { name: 'shop', version: '1.2.0', appVersion: '2.4.1', description: 'A shop', values: 'replicas: 1\n', hasSchema: true, path: '' };
const result = (req: HelmInstallRequest) => ({
  release: { name: req.name, namespace: req.namespace, revision: 1, status: 'deployed', chart: 'shop', chartVersion: '1.2.0', appVersion: '2.4.1', updated: '', description: '', driver: 'secret', revisions: 1 },
  dryRun: req.dryRun,
  manifest: 'kind: Deployment\nmetadata:\n  name: shop\n',
  notes: 'Thanks for installing',
  message: req.dryRun ? `Dry run: ${req.name} would be installed.` : `Installed ${req.name} (revision 1).`,
});

function open() {
  const onClose = vi.fn();
  renderWithQueries(<InstallDialog context="kind" namespace="team-a" knownNamespaces={['team-a', 'team-b']} onClose={onClose} />);
  return { dialog: screen.getByRole('dialog', { name: 'Install a chart' }), onClose };
}

beforeEach(() => {
  resetHelmMocks();
  shell = 'http';
  helm.HelmInstall.mockImplementation(async (_c, req) => result(req));
  window.location.hash = '';
});

describe('installing a chart', () => {
  it('in the browser uploads the archive, previews the dry run, and installs with the archive’s bytes', async () => {
    helm.HelmReadChart.mockResolvedValue(CHART);
    const { dialog } = open();
    const file = new File([new Uint8Array([31, 139, 8, 0])], 'shop-1.2.0.tgz', { type: 'application/gzip' });
    const input = within(dialog).getByLabelText('Chart archive') as HTMLInputElement;
    expect(input.accept).toBe('.tgz,.tar.gz');
    fireEvent.change(input, { target: { files: [file] } });
    const form = await screen.findByRole('dialog', { name: 'Install shop-1.2.0' });
    const archive = btoa(String.fromCharCode(31, 139, 8, 0));
    expect(helm.HelmReadChart).toHaveBeenCalledWith(archive);
    expect((within(form).getByRole('textbox', { name: 'Release name' }) as HTMLInputElement).value).toBe('shop');
    expect((within(form).getByRole('textbox', { name: 'Namespace' }) as HTMLInputElement).value).toBe('team-a');
    expect(within(form).getByRole('note').textContent).toContain('values.schema.json');
    const values = await within(form).findByRole('textbox', { name: 'Values for shop' });
    expect(values.textContent).toBe('replicas: 1');
    typeInto(values, 'replicas: 2\n');
    // A namespace the user knows is one click away.
    fireEvent.click(within(within(form).getByRole('list', { name: 'Namespaces' })).getByRole('button', { name: 'team-b' }));
    expect((within(form).getByRole('textbox', { name: 'Namespace' }) as HTMLInputElement).value).toBe('team-b');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview (dry run)' }));
    expect(await within(form).findByText('Dry run: shop would be installed.')).toBeTruthy();
    expect(helm.HelmInstall).toHaveBeenLastCalledWith('kind', { namespace: 'team-b', name: 'shop', chartPath: '', archive, values: 'replicas: 2\n', dryRun: true });
    expect((await within(form).findByRole('textbox', { name: 'Manifest shop would apply' })).textContent).toContain('kind: Deployment');
    await waitFor(() => expect(access).toHaveBeenCalledWith('kind', [{ verb: 'create', group: '', resource: 'secrets', namespace: 'team-b' }]));
    fireEvent.click(within(form).getByRole('button', { name: 'Install' }));
    expect(await within(form).findByText('Installed shop (revision 1).')).toBeTruthy();
    expect(helm.HelmInstall).toHaveBeenLastCalledWith('kind', { namespace: 'team-b', name: 'shop', chartPath: '', archive, values: 'replicas: 2\n', dryRun: false });
    fireEvent.click(within(form).getByRole('button', { name: 'Open shop' }));
    expect(window.location.hash).toBe('#/c/kind/helm/team-b/shop');
  });

  it('in the desktop asks Go for a folder or an archive; a cancelled dialog changes nothing', async () => {
    shell = 'desktop';
    helm.HelmPickChart.mockResolvedValueOnce({ ...CHART, path: '' }).mockResolvedValueOnce({ ...CHART, path: '/home/me/charts/shop' });
    const { dialog } = open();
    expect(within(dialog).queryByLabelText('Chart archive')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chart archive…' }));
    await waitFor(() => expect(helm.HelmPickChart).toHaveBeenCalledWith(false));
    // Cancelled: still picking, the buttons back once the answer is in.
    const folder = within(dialog).getByRole('button', { name: 'Chart folder…' }) as HTMLButtonElement;
    await waitFor(() => expect(folder.disabled).toBe(false));
    expect(screen.getByRole('dialog', { name: 'Install a chart' })).toBeTruthy();
    fireEvent.click(folder);
    const form = await screen.findByRole('dialog', { name: 'Install shop-1.2.0' });
    expect(helm.HelmPickChart).toHaveBeenLastCalledWith(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Install' }));
    await within(form).findByText('Installed shop (revision 1).');
    expect(helm.HelmInstall).toHaveBeenCalledWith('kind', { namespace: 'team-a', name: 'shop', chartPath: '/home/me/charts/shop', archive: '', values: 'replicas: 1\n', dryRun: false });
  });

  it('checks the name and the permission before installing', async () => {
    shell = 'desktop';
    helm.HelmPickChart.mockResolvedValue({ ...CHART, path: '/c' });
    access.mockImplementation(async (_c, checks) => checks.map((c) => ({ ...c, allowed: false })));
    const { dialog } = open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chart folder…' }));
    const form = await screen.findByRole('dialog', { name: 'Install shop-1.2.0' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Release name' }), { target: { value: 'Shop_1' } });
    expect(within(form).getByRole('alert').textContent).toContain('A release name is lower-case letters');
    expect((within(form).getByRole('button', { name: 'Preview (dry run)' }) as HTMLButtonElement).disabled).toBe(true);
    const install = await within(form).findByRole('button', { name: 'Install', description: 'needs: create secrets in team-a' });
    fireEvent.click(install);
    expect(helm.HelmInstall).not.toHaveBeenCalled();
  });
});
