// Issue 17, Helm releases: the list, a release's details, history diffs,
// rollback, upgrade, uninstall and install from the UI, each checked with the
// helm CLI (built beside the devcluster) as the oracle, under the RBAC of the
// admin, the viewer (reads Helm's records in team-a and platform only, may
// change nothing) and the developer (team-a only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, kubectl, helm, startServe, launch, openApp, screenshot, eventually, root } from '../lib/harness.mjs';
import { seriousViolations } from '../lib/a11y.mjs';
import { setEditorText, editorText } from './actions-lib.mjs';

const { admin: ADMIN, viewer: VIEWER, developer: DEV } = cluster().contexts;
const enc = encodeURIComponent;
const PROBE = path.join(root, 'app', 'helm', 'testdata', 'charts', 'probe');
const OURS = ['e2e-live', 'e2e-roll', 'e2e-up', 'e2e-gone'];
let serve;
let browser;

const uninstall = (name) => { try { helm(['uninstall', name, '-n', 'team-a']); } catch { /* not there */ } };

before(async () => {
  OURS.forEach(uninstall);
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  OURS.forEach(uninstall);
});

const listJSON = (args, env) => JSON.parse(helm([...args, '-o', 'json'], { env }));

async function openReleases(context, { query = '', colorScheme = 'dark' } = {}) {
  const page = await openApp(browser, serve, { colorScheme, hash: `#/c/${enc(context)}/helm${query}` });
  const grid = page.getByRole('grid', { name: /^Helm releases/ });
  await grid.waitFor({ timeout: 15000 });
  return { page, grid };
}

async function openRelease(context, namespace, name, { colorScheme = 'dark' } = {}) {
  const page = await openApp(browser, serve, { colorScheme, hash: `#/c/${enc(context)}/helm/${enc(namespace)}/${enc(name)}` });
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
  return page;
}

const row = (grid, name) => grid.getByRole('row').filter({ has: grid.page().getByRole('gridcell', { name, exact: true }) });

test('the list is what helm list -A shows, for both storage drivers, and follows a new revision live', async () => {
  const { page, grid } = await openReleases(ADMIN);
  const secrets = listJSON(['list', '-A', '--max', '0']);
  const configmaps = listJSON(['list', '-A', '--max', '0'], { HELM_DRIVER: 'configmap' });
  assert.ok(secrets.some((r) => r.name === 'shop') && configmaps.some((r) => r.name === 'legacy-cron'), 'the seeded releases');
  for (const want of [...secrets, ...configmaps]) {
    const r = row(grid, want.name);
    await r.first().waitFor({ timeout: 10000 });
    const text = await r.first().innerText();
    for (const part of [want.namespace, want.revision, want.status, want.chart, want.app_version]) {
      assert.ok(text.includes(part), `row of ${want.name} shows ${part}: ${text}`);
    }
  }
  await page.getByRole('status').filter({ hasText: `${secrets.length + configmaps.length} releases` }).waitFor();
  await screenshot(page, 'helm-list');
  assert.deepEqual(await seriousViolations(page), []);

  // Installed and upgraded behind its back: the row follows without reload.
  helm(['install', 'e2e-live', PROBE, '-n', 'team-a']);
  await row(grid, 'e2e-live').waitFor({ timeout: 5000 });
  helm(['upgrade', 'e2e-live', PROBE, '-n', 'team-a', '--set', 'replicaCount=2']);
  const cells = async () => (await row(grid, 'e2e-live').getByRole('gridcell').allInnerTexts()).map((x) => x.trim());
  await eventually(async () => (await cells())[2] === '2', { what: 'revision 2 of e2e-live', timeout: 5000 });
  assert.equal((await cells())[3], 'deployed');

  // The filter and the keyboard: Enter opens the release.
  await page.getByRole('searchbox', { name: 'Filter releases' }).fill('legacy');
  await eventually(async () => (await grid.getByRole('row').count()) === 2, { what: 'one row for "legacy"' });
  await row(grid, 'legacy-cron').click();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'legacy-cron' }).waitFor({ timeout: 10000 });
  uninstall('e2e-live');
});

test("a release's details are helm get values/manifest and helm history; any two revisions compare", async () => {
  const page = await openRelease(ADMIN, 'team-a', 'shop');
  await page.getByRole('tab', { name: 'Values' }).click();
  const user = page.getByRole('textbox', { name: 'User-supplied values of shop' });
  await user.waitFor();
  const want = helm(['get', 'values', 'shop', '-n', 'team-a', '-o', 'yaml']);
  assert.match(want, /nodePort: 99999/);
  assert.match(await editorText(user), /nodePort: 99999/);
  await page.getByRole('radio', { name: 'All (computed)' }).click();
  const all = await editorText(page.getByRole('textbox', { name: 'All computed values of shop' }));
  for (const key of Object.keys(JSON.parse(helm(['get', 'values', 'shop', '-n', 'team-a', '-a', '-o', 'json'])))) {
    assert.ok(all.includes(`${key}:`), `all values name ${key}`);
  }

  await page.getByRole('tab', { name: 'History' }).click();
  const revisions = page.getByRole('table', { name: 'Revisions of shop' });
  await revisions.waitFor();
  for (const h of listJSON(['history', 'shop', '-n', 'team-a'])) {
    const r = revisions.getByRole('row').filter({ hasText: h.description });
    assert.ok((await r.innerText()).includes(h.status), `revision ${h.revision} is ${h.status}`);
  }
  await page.getByRole('radio', { name: 'Compare from revision 1' }).check();
  await page.getByRole('radio', { name: 'Compare to revision 2' }).check();
  const values = page.getByRole('region', { name: 'Values, revision 1 → 2' });
  await values.waitFor({ timeout: 10000 });
  await eventually(async () => /1\.25/.test(await values.innerText()) && /1\.27/.test(await values.innerText()), { what: 'the image tags of revisions 1 and 2' });
  await screenshot(page, 'helm-history-diff');

  await page.getByRole('tab', { name: 'Manifest & objects' }).click();
  const objects = page.getByRole('table', { name: 'Objects of shop' });
  await objects.waitFor();
  // Revision 3 failed: its NodePort Service never reached the cluster.
  await eventually(async () => /drifted/i.test(await objects.getByRole('row').filter({ hasText: 'Service' }).innerText()), { what: 'the Service drifted', timeout: 10000 });
  await objects.getByRole('link', { name: 'shop-api' }).filter({ hasText: 'shop-api' }).first().click();
  await page.waitForURL(/\/r\/(apps\/v1\/deployments|core\/v1\/services)\/team-a\/shop-api/);
});

test('roll back from the UI: a preview first, then helm history sees the new revision', async () => {
  helm(['install', 'e2e-roll', PROBE, '-n', 'team-a']);
  helm(['upgrade', 'e2e-roll', PROBE, '-n', 'team-a', '--set', 'replicaCount=3']);
  const page = await openRelease(ADMIN, 'team-a', 'e2e-roll');
  await page.getByRole('toolbar', { name: 'Release actions' }).getByRole('button', { name: 'Roll back' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roll back e2e-roll' });
  await dialog.getByRole('combobox', { name: 'Roll back to' }).selectOption({ label: /Revision 1/ }).catch(() => dialog.getByRole('combobox', { name: 'Roll back to' }).selectOption('1'));
  await eventually(async () => /replicas: 3/.test(await dialog.innerText()) && /replicas: 1/.test(await dialog.innerText()), { what: 'the preview of replicas 3 → 1', timeout: 10000 });
  await screenshot(page, 'helm-rollback-preview');
  await dialog.getByRole('button', { name: 'Roll back to revision 1' }).click();
  await eventually(() => listJSON(['history', 'e2e-roll', '-n', 'team-a']).at(-1).description === 'Rollback to 1', { what: 'helm history: Rollback to 1', timeout: 15000 });
  const last = listJSON(['history', 'e2e-roll', '-n', 'team-a']).at(-1);
  assert.equal(last.revision, 3);
  assert.equal(last.status, 'deployed');
  assert.equal(kubectl(['get', 'deployment', 'e2e-roll-app', '-n', 'team-a', '-o', 'jsonpath={.spec.replicas}']), '1');
});

test('upgrade with edited values: schema errors in words, a dry-run diff, then helm sees the values; then uninstall keeping history', async () => {
  const page = await openRelease(ADMIN, 'team-a', 'e2e-roll');
  const actions = page.getByRole('toolbar', { name: 'Release actions' });
  await actions.getByRole('button', { name: 'Upgrade' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade e2e-roll' });
  const editor = dialog.getByRole('textbox', { name: 'Values of e2e-roll' });
  await setEditorText(page, editor, 'replicaCount: many\n');
  await dialog.getByRole('button', { name: 'Preview (dry run)' }).click();
  await dialog.getByText(/replicaCount/).filter({ hasText: /integer|schema|type/i }).first().waitFor({ timeout: 10000 });
  assert.match(await editorText(editor), /replicaCount: many/, 'what the user typed is kept');
  await setEditorText(page, editor, 'replicaCount: 4\n');
  await dialog.getByRole('button', { name: 'Preview (dry run)' }).click();
  await eventually(async () => /replicas: 4/.test(await dialog.innerText()), { what: 'the dry run renders replicas: 4', timeout: 10000 });
  assert.equal(listJSON(['history', 'e2e-roll', '-n', 'team-a']).length, 3, 'a dry run changes nothing');
  await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
  await eventually(() => JSON.parse(helm(['get', 'values', 'e2e-roll', '-n', 'team-a', '-o', 'json'])).replicaCount === 4, { what: 'helm get values: replicaCount 4', timeout: 15000 });

  await actions.getByRole('button', { name: 'Uninstall' }).click();
  const un = page.getByRole('dialog', { name: 'Uninstall e2e-roll' });
  await un.getByRole('checkbox', { name: 'Keep history (--keep-history)' }).check();
  await un.getByRole('textbox', { name: 'Type e2e-roll to confirm' }).fill('e2e-roll');
  await un.getByRole('button', { name: 'Uninstall e2e-roll' }).click();
  await eventually(() => listJSON(['list', '-n', 'team-a', '--uninstalled']).some((r) => r.name === 'e2e-roll'), { what: 'helm list --uninstalled shows e2e-roll', timeout: 15000 });
});

test('install an uploaded chart archive in the browser', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubedeck-chart-'));
  helm(['package', PROBE, '-d', dir]);
  const tgz = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
  const { page } = await openReleases(ADMIN);
  await page.getByRole('button', { name: 'Install chart…' }).click();
  const dialog = page.getByRole('dialog', { name: /Install/ });
  await dialog.getByLabel('Chart archive').setInputFiles(tgz);
  await dialog.getByRole('textbox', { name: 'Release name' }).fill('e2e-up');
  await dialog.getByRole('textbox', { name: 'Namespace' }).fill('team-a');
  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await eventually(() => listJSON(['list', '-n', 'team-a']).some((r) => r.name === 'e2e-up' && r.status === 'deployed'), { what: 'helm list shows e2e-up', timeout: 15000 });
});

test('the viewer sees releases where it may read them, every action disabled with its reason; the developer sees team-a only', async () => {
  const { page, grid } = await openReleases(VIEWER);
  await row(grid, 'shop').waitFor({ timeout: 10000 });
  await row(grid, 'metrics-agent').waitFor();
  await page.getByText(/Showing the releases in .*platform.*team-a|Showing the releases in .*team-a.*platform/).first().waitFor();
  const details = await openRelease(VIEWER, 'team-a', 'shop');
  const actions = details.getByRole('toolbar', { name: 'Release actions' });
  for (const name of ['Upgrade', 'Roll back', 'Uninstall']) {
    const b = actions.getByRole('button', { name, exact: true });
    await eventually(async () => (await b.isDisabled()) || (await b.getAttribute('aria-disabled')) === 'true', { what: `${name} disabled`, timeout: 10000 });
  }
  await details.getByText(/needs: (create|update|delete) secrets in team-a/).first().waitFor();
  await screenshot(details, 'helm-viewer');

  const dev = await openReleases(DEV);
  await dev.page.getByText(/needs list secrets cluster-wide/).first().waitFor({ timeout: 10000 });
  const teamA = await openReleases(DEV, { query: '?ns=team-a' });
  await row(teamA.grid, 'shop').waitFor({ timeout: 10000 });
  await row(teamA.grid, 'legacy-cron').waitFor();
  assert.equal(await row(teamA.grid, 'metrics-agent').count(), 0);
});

test('the releases and a release page pass axe in the light theme', async () => {
  const { page } = await openReleases(ADMIN, { colorScheme: 'light' });
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'helm-list-light');
  const details = await openRelease(ADMIN, 'team-a', 'shop', { colorScheme: 'light' });
  assert.deepEqual(await seriousViolations(details), []);
  await screenshot(details, 'helm-details-light');
});
