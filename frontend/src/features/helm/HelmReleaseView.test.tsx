import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessCheck } from '../../api/operations';
import { revision, shop, shopDetails } from './fixtures';
import { access, helm, resetHelmMocks, send } from './helmMock';
import { showRelease, typeInto } from './testing';

vi.mock('../../api/helm', async () => (await import('./helmMock')).helmModule);
vi.mock('../../api/operations', async () => {
  const m = await import('./helmMock');
  return { ops: { Access: (c: string, checks: AccessCheck[]) => m.access(c, checks) } };
});
vi.mock('../../api/client', async () => (await import('../access/clientMock')).clientMock);

const REF = { namespace: 'team-a', name: 'shop', driver: 'secret' };

beforeEach(() => {
  resetHelmMocks();
  helm.HelmRelease.mockResolvedValue(shopDetails());
  helm.HelmRevision.mockImplementation(async (_c, _r, n) => revision(n));
  window.location.hash = '';
});

/** The header's facts: the first definition list on the page. */
const headerFacts = () => screen.getAllByText('Chart', { selector: 'dt' })[0]!.closest('dl') as HTMLElement;
const toolbar = () => screen.getByRole('toolbar', { name: 'Release actions' });
const action = (name: string) => within(toolbar()).getByRole('button', { name });

describe('a Helm release’s page', () => {
  it('shows the release’s facts and its overview', async () => {
    showRelease();
    expect(screen.getByRole('heading', { level: 1, name: 'shop' })).toBeTruthy();
    await screen.findByRole('tab', { name: 'Overview', selected: true });
    const facts = headerFacts();
    expect(facts.textContent).toContain('failed');
    expect(facts.textContent).toContain('shop-1.2.0');
    expect(facts.textContent).toContain('2.4.1');
    expect(screen.getByRole('region', { name: 'Notes of shop' }).textContent).toBe('Visit http://shop.team-a.svc');
    expect(helm.HelmRelease).toHaveBeenCalledWith('kind', REF);
  });

  it('disables what the user may not do, with the permission named beside it', async () => {
    access.mockImplementation(async (_c, checks) =>
      checks.map((c) => ({ ...c, allowed: false, ...(c.verb === 'delete' ? { reason: 'needs: delete secrets in team-a' } : {}) })),
    );
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    await waitFor(() => expect(action('Upgrade').getAttribute('aria-disabled')).toBe('true'));
    expect(access).toHaveBeenCalledWith('kind', [
      { verb: 'update', group: '', resource: 'secrets', namespace: 'team-a' },
      { verb: 'create', group: '', resource: 'secrets', namespace: 'team-a' },
      { verb: 'delete', group: '', resource: 'secrets', namespace: 'team-a' },
    ]);
    const reason = (b: HTMLElement) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(reason(action('Upgrade'))).toBe('needs: update secrets in team-a');
    expect(reason(action('Roll back'))).toBe('needs: update secrets in team-a');
    expect(reason(action('Uninstall'))).toBe('needs: delete secrets in team-a');
    // Each reason shows once, with the actions it turns off.
    expect(within(screen.getByRole('list', { name: 'Why some actions are off' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Upgrade, Roll back: needs: update secrets in team-a',
      'Uninstall: needs: delete secrets in team-a',
    ]);
    fireEvent.click(action('Roll back'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(toolbar()).getByRole('alert').textContent).toBe('Roll back is not allowed — needs: update secrets in team-a');
    // Refresh only reads.
    expect(action('Refresh').getAttribute('aria-disabled')).toBeNull();
  });

  it('asks about ConfigMaps for a release of the configmap driver', async () => {
    helm.HelmRelease.mockResolvedValue(shopDetails({ release: { ...shop, name: 'legacy-cron', driver: 'configmap' } }));
    showRelease({ name: 'legacy-cron', driver: 'configmap' });
    await waitFor(() => expect(access).toHaveBeenCalled());
    expect(access.mock.calls[0]?.[1].map((c) => `${c.verb} ${c.resource}`)).toEqual(['update configmaps', 'create configmaps', 'delete configmaps']);
    expect(helm.HelmRelease).toHaveBeenCalledWith('kind', { namespace: 'team-a', name: 'legacy-cron', driver: 'configmap' });
  });

  it('learns the driver from the live list when the link does not say it', async () => {
    const cron = { ...shop, name: 'legacy-cron', driver: 'configmap' };
    helm.HelmRelease.mockImplementation(async (_c, ref) => {
      if (ref.driver !== 'configmap') throw new Error('release: not found');
      return shopDetails({ release: cron });
    });
    showRelease({ name: 'legacy-cron' });
    send({ type: 'releases', releases: [cron] });
    await screen.findByRole('tab', { name: 'Overview' });
    expect(helm.HelmRelease).toHaveBeenLastCalledWith('kind', { namespace: 'team-a', name: 'legacy-cron', driver: 'configmap' });
  });

  it('turns every action off on a read-only context', async () => {
    window.localStorage.setItem('kubedeck.readOnly:kind', '1');
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    for (const name of ['Upgrade', 'Roll back', 'Uninstall']) {
      await waitFor(() => expect(action(name).getAttribute('aria-disabled')).toBe('true'));
      expect(document.getElementById(action(name).getAttribute('aria-describedby') ?? '')?.textContent).toBe('Read-only context');
    }
  });

  it('rolls back after a preview of what changes, to the revision picked', async () => {
    helm.HelmRollbackPreview.mockImplementation(async (_c, _r, n) => ({ current: revision(3), target: revision(n) }));
    helm.HelmRollback.mockResolvedValue({ release: { ...shop, revision: 4, status: 'deployed' }, dryRun: false, manifest: '', notes: '', message: 'Rolled back shop to revision 1.' });
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    await waitFor(() => expect(access).toHaveBeenCalled());
    fireEvent.click(action('Roll back'));
    const dialog = screen.getByRole('dialog', { name: 'Roll back shop' });
    // The one before the current revision to start with.
    const target = within(dialog).getByRole('combobox', { name: 'Roll back to' }) as HTMLSelectElement;
    expect(target.value).toBe('2');
    expect(await within(dialog).findByRole('button', { name: 'Roll back to revision 2' })).toBeTruthy();
    expect(helm.HelmRollbackPreview).toHaveBeenLastCalledWith('kind', REF, 2);
    fireEvent.change(target, { target: { value: '1' } });
    const diff = await within(dialog).findByLabelText('Values, revision 3 → 1');
    expect(diff.textContent).toContain('replicas: 3');
    expect(diff.textContent).toContain('replicas: 1');
    expect(within(dialog).getByLabelText('Manifest, revision 3 → 1').textContent).toContain('image: shop:2.4.0');
    expect(helm.HelmRollbackPreview).toHaveBeenLastCalledWith('kind', REF, 1);
    expect(helm.HelmRollback).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back to revision 1' }));
    // Done, the dialog closes and the page says what Helm did, and reads the release again.
    expect((await screen.findByText('Rolled back shop to revision 1.')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(helm.HelmRollback).toHaveBeenCalledWith('kind', REF, 1);
    await waitFor(() => expect(helm.HelmRelease).toHaveBeenCalledTimes(2));
  });

  it('says in words why a rollback failed, and keeps the dialog', async () => {
    helm.HelmRollbackPreview.mockImplementation(async (_c, _r, n) => ({ current: revision(3), target: revision(n) }));
    helm.HelmRollback.mockRejectedValue(new Error('roll back shop to revision 2: secrets "sh.helm.release.v1.shop.v4" is forbidden'));
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    fireEvent.click(action('Roll back'));
    const dialog = screen.getByRole('dialog', { name: 'Roll back shop' });
    // Confirming waits for the preview.
    await within(dialog).findByLabelText('Values, revision 3 → 2');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back to revision 2' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The rollback failed: roll back shop to revision 2: secrets');
  });

  it('upgrades: invalid YAML is reported before anything is sent, and the text is kept', async () => {
    helm.HelmUpgrade.mockImplementation(async (_c, _r, req) => ({
      release: { ...shop, revision: 4 }, dryRun: req.dryRun, manifest: 'kind: Deployment\nspec:\n  replicas: 5\n', notes: '', message: req.dryRun ? 'Dry run: revision 4 of shop would be applied.' : 'Upgraded shop to revision 4.',
    }));
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    fireEvent.click(action('Upgrade'));
    const dialog = screen.getByRole('dialog', { name: 'Upgrade shop' });
    expect(within(dialog).getByRole('note').textContent).toContain('values.schema.json');
    const editor = within(dialog).getByRole('textbox', { name: 'Values of shop' });
    expect(editor.textContent).toContain('replicas: 3');
    const broken = 'replicas: 5\nimage: "shop\n\tbad: [\n';
    typeInto(editor, broken);
    expect(within(dialog).getByRole('alert', { name: 'Problems in the values' })).toBeTruthy();
    const preview = within(dialog).getByRole('button', { name: 'Preview (dry run)' }) as HTMLButtonElement;
    expect(preview.disabled).toBe(true);
    expect((within(dialog).getByRole('button', { name: 'Upgrade' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(preview);
    expect(helm.HelmUpgrade).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('textbox', { name: 'Values of shop' }).textContent).toBe(broken.replace(/\n/g, ''));
    // Fixed, it previews as a server dry run, then applies.
    typeInto(within(dialog).getByRole('textbox', { name: 'Values of shop' }), 'replicas: 5\n');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview (dry run)' }));
    expect(await within(dialog).findByText('Dry run: revision 4 of shop would be applied.')).toBeTruthy();
    expect(helm.HelmUpgrade).toHaveBeenLastCalledWith('kind', REF, { values: 'replicas: 5\n', dryRun: true });
    expect(within(dialog).getByLabelText('Manifest of shop now against the dry run').textContent).toContain('replicas: 5');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Upgrade' }));
    expect((await screen.findByText('Upgraded shop to revision 4.')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(helm.HelmUpgrade).toHaveBeenLastCalledWith('kind', REF, { values: 'replicas: 5\n', dryRun: false });
  });

  it('keeps the edited values when Helm refuses them (a schema error, in its words)', async () => {
    helm.HelmUpgrade.mockRejectedValue(new Error('upgrade shop: values don\'t meet the specifications of the schema(s): replicas: Invalid type. Expected: integer, given: string'));
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    fireEvent.click(action('Upgrade'));
    const dialog = screen.getByRole('dialog', { name: 'Upgrade shop' });
    typeInto(within(dialog).getByRole('textbox', { name: 'Values of shop' }), 'replicas: many\n');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview (dry run)' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      "Helm refused: upgrade shop: values don't meet the specifications of the schema(s): replicas: Invalid type. Expected: integer, given: string",
    );
    expect(within(dialog).getByRole('textbox', { name: 'Values of shop' }).textContent).toBe('replicas: many');
  });

  it('uninstalls after the name is typed, keeping history when asked, and goes back to the list', async () => {
    helm.HelmUninstall.mockResolvedValue({ release: { ...shop, status: 'uninstalled' }, dryRun: false, manifest: '', notes: '', message: 'Uninstalled shop.' });
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    fireEvent.click(action('Uninstall'));
    const dialog = screen.getByRole('dialog', { name: 'Uninstall shop' });
    expect(dialog.textContent).toContain('Helm deletes the 1 object of shop in team-a');
    const confirm = within(dialog).getByRole('button', { name: 'Uninstall shop' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Type shop to confirm' }), { target: { value: 'shop' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Keep history (--keep-history)' }));
    fireEvent.click(confirm);
    await waitFor(() => expect(window.location.hash).toBe('#/c/kind/helm?ns=team-a'));
    expect(helm.HelmUninstall).toHaveBeenCalledWith('kind', REF, true);
  });

  it('compares any two revisions of the history, the newest two to start with', async () => {
    showRelease({ tab: 'history' });
    const table = await screen.findByRole('table', { name: 'Revisions of shop' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['3 (current)', '2', '1']);
    expect((within(table).getByRole('radio', { name: 'Compare from revision 2' }) as HTMLInputElement).checked).toBe(true);
    expect((within(table).getByRole('radio', { name: 'Compare to revision 3' }) as HTMLInputElement).checked).toBe(true);
    expect((await screen.findByLabelText('Values, revision 2 → 3')).textContent).toContain('replicas: 2');
    fireEvent.click(within(table).getByRole('radio', { name: 'Compare from revision 1' }));
    const values = await screen.findByLabelText('Values, revision 1 → 3');
    expect(values.textContent).toContain('replicas: 1');
    expect(values.textContent).toContain('replicas: 3');
    expect(screen.getByLabelText('Manifest, revision 1 → 3').textContent).toContain('image: shop:2.4.0');
    expect(helm.HelmRevision.mock.calls.map((c) => c[2]).sort()).toEqual([1, 2, 3]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'All computed values' }));
    expect(screen.getByLabelText('Values, revision 1 → 3').textContent).toContain('image: shop:1');
    // An older revision rolls back from its row.
    helm.HelmRollbackPreview.mockImplementation(async (_c, _r, n) => ({ current: revision(3), target: revision(n) }));
    fireEvent.click(within(table).getByRole('button', { name: 'Roll back to this revision (1)' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back shop' });
    expect((within(dialog).getByRole('combobox', { name: 'Roll back to' }) as HTMLSelectElement).value).toBe('1');
    expect(within(table).queryByRole('button', { name: 'Roll back to this revision (3)' })).toBeNull();
  });

  it('lists the manifest’s objects live, linked to their pages, and shows an object’s drift', async () => {
    helm.HelmObjects.mockResolvedValue([
      { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true, state: 'present', drifted: true, message: '', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'team-a', name: 'shop', source: '' },
      { group: '', version: 'v1', resource: 'services', namespaced: true, state: 'missing', drifted: true, message: 'not in the cluster', apiVersion: 'v1', kind: 'Service', namespace: 'team-a', name: 'shop', source: '' },
      { group: '', version: '', resource: '', namespaced: false, state: 'unknown-kind', drifted: false, message: 'the cluster does not serve example.com/v1 Widget', apiVersion: 'example.com/v1', kind: 'Widget', namespace: 'team-a', name: 'w', source: '' },
    ]);
    helm.HelmDrift.mockResolvedValue({
      object: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true, state: 'present', drifted: true, message: '', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'team-a', name: 'shop', source: '' },
      rendered: 'spec:\n  replicas: 3\n', liveFields: 'spec:\n  replicas: 1\n', live: 'kind: Deployment\nspec:\n  replicas: 1\n  paused: false\n',
    });
    showRelease({ tab: 'objects' });
    const table = await screen.findByRole('table', { name: 'Objects of shop' });
    expect(within(table).getByRole('link', { name: 'shop' }).getAttribute('href')).toBe('#/c/kind/r/apps/v1/deployments/team-a/shop');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('drifted');
    expect(rows[2]?.textContent).toContain('missing');
    expect(rows[3]?.textContent).toContain('unknown kind');
    expect(within(rows[3] as HTMLElement).queryByRole('button')).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Show drift of Deployment team-a/shop' }));
    const diff = await screen.findByLabelText('Rendered fields of Deployment team-a/shop against the same fields live');
    expect(diff.textContent).toContain('replicas: 3');
    expect(diff.textContent).toContain('replicas: 1');
    expect(helm.HelmDrift).toHaveBeenCalledWith('kind', REF, 0);
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole live object' }));
    expect(screen.getByRole('region', { name: 'Live object Deployment team-a/shop' }).textContent).toContain('paused: false');
    expect((await screen.findByRole('textbox', { name: 'Manifest of shop' })).textContent).toContain('kind: Deployment');
  });

  it('reads the release again when the live list says it changed, and says when it is gone', async () => {
    showRelease();
    await screen.findByRole('tab', { name: 'Overview' });
    send({ type: 'releases', releases: [shop] });
    expect(helm.HelmRelease).toHaveBeenCalledTimes(1);
    send({ type: 'changes', releases: [{ ...shop, revision: 4, status: 'deployed' }], deleted: [] });
    await waitFor(() => expect(helm.HelmRelease).toHaveBeenCalledTimes(2));
    expect((headerFacts()).textContent).toContain('deployed');
    send({ type: 'changes', releases: [], deleted: ['team-a/shop'] });
    expect(screen.getByRole('heading', { name: 'Release shop was uninstalled' })).toBeTruthy();
    expect(screen.queryByRole('toolbar')).toBeNull();
  });
});
