// Issue 5, YAML side, as the admin: edit (invalid YAML marked and kept,
// dry-run preview with a diff, save), an edit conflict made with kubectl
// while editing (conflict view, re-apply), create from several documents
// with a dry-run preview, and deleting several selected objects (shown as
// terminating until gone). kubectl is the oracle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { action, editorText, field, gone, setEditorText } from './actions-lib.mjs';

const ADMIN = cluster().contexts.admin;
const C = encodeURIComponent(ADMIN);
let serve;
let browser;

before(async () => {
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  // The suites share one cluster: leave team-a as the seed made it.
  const mine = ['e2e-edit', 'e2e-invalid', 'e2e-conflict', 'e2e-new-1', 'e2e-new-2', 'e2e-del-2', 'e2e-del-3', 'from-file'];
  kubectl(['delete', 'configmap', '-n', 'team-a', '--ignore-not-found', '--wait=false', ...mine]);
});

const configMap = (name, data, extra = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: team-a\n${extra}data:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: ${v}\n`)
    .join('')}`;

/** The object as kubectl prints it, with one data value changed: the user's edit. */
const edited = (name, key, value) =>
  kubectl(['get', 'configmap', name, '-n', 'team-a', '-o', 'yaml']).replace(new RegExp(`^(  ${key}: ).*$`, 'm'), `$1${value}`);

async function openEditor(page, name) {
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/configmaps/team-a/${name}`);
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
  await action(page, 'Edit YAML').click();
  const dialog = page.getByRole('dialog', { name: `Edit ConfigMap ${name}` });
  const editor = dialog.getByRole('textbox', { name: `YAML of ConfigMap ${name}` });
  await editor.waitFor();
  return { dialog, editor };
}

test('edit YAML: a syntax error is marked and blocks saving, the text stays; preview runs a dry run; save updates', async () => {
  kubectl(['apply', '-f', '-'], { input: configMap('e2e-edit', { greeting: 'hello', other: 'same' }) });
  const page = await openApp(browser, serve);
  const { dialog, editor } = await openEditor(page, 'e2e-edit');
  assert.match(await editorText(editor), /greeting: hello/);
  assert.doesNotMatch(await editorText(editor), /managedFields/, 'managedFields hidden');

  // Invalid YAML: marked in the editor and listed, Preview and Save disabled, nothing sent.
  const broken = edited('e2e-edit', 'greeting', 'hi: there: again');
  await setEditorText(page, editor, broken);
  const problems = dialog.getByRole('alert').filter({ hasText: 'Line' });
  await problems.waitFor({ timeout: 5000 });
  assert.match(await problems.innerText(), /Line \d+/);
  await dialog.locator('.cm-lintRange-error').first().waitFor({ timeout: 5000 });
  assert.equal(await dialog.getByRole('button', { name: 'Save', exact: true }).isDisabled(), true);
  assert.equal(await dialog.getByRole('button', { name: 'Preview', exact: true }).isDisabled(), true);
  assert.match(await editorText(editor), /greeting: hi: there: again/, 'what was typed is kept');
  await screenshot(page, 'actions-edit-invalid');
  assert.equal(field(['configmap', 'e2e-edit', '-n', 'team-a'], '.data.greeting'), 'hello');

  // Fixed: the dry run shows the change; nothing changes on the server.
  await setEditorText(page, editor, edited('e2e-edit', 'greeting', 'bonjour'));
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  const diff = dialog.getByLabel('Changes: live version vs dry-run result');
  await diff.waitFor({ timeout: 10000 });
  assert.match(await diff.innerText(), /removed:\s*greeting: hello[\s\S]*added:\s*greeting: bonjour/);
  await dialog.getByText('1 line added, 1 removed.').waitFor();
  await screenshot(page, 'actions-edit-preview');
  assert.equal(field(['configmap', 'e2e-edit', '-n', 'team-a'], '.data.greeting'), 'hello', 'dry run changed nothing');

  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
  await page.getByRole('status').filter({ hasText: 'Saved ConfigMap e2e-edit' }).waitFor();
  assert.equal(field(['configmap', 'e2e-edit', '-n', 'team-a'], '.data.greeting'), 'bonjour');
  assert.equal(field(['configmap', 'e2e-edit', '-n', 'team-a'], '.data.other'), 'same');
  await page.context().close();
});

test('a 422 from the server (invalid object) keeps the edit and says why', async () => {
  kubectl(['apply', '-f', '-'], { input: configMap('e2e-invalid', { a: 'one' }) });
  const page = await openApp(browser, serve);
  const { dialog, editor } = await openEditor(page, 'e2e-invalid');
  const bad = edited('e2e-invalid', 'a', 'two').replace(/^  name: e2e-invalid$/m, '  name: e2e-invalid\n  labels:\n    "bad label!": x');
  await setEditorText(page, editor, bad);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const err = dialog.getByRole('alert').filter({ hasText: /422|invalid/i });
  await err.waitFor({ timeout: 10000 });
  assert.match(await editorText(editor), /bad label!/, 'the edit is kept');
  assert.equal(field(['configmap', 'e2e-invalid', '-n', 'team-a'], '.data.a'), 'one');
  await page.context().close();
});

test('an edit conflict made with kubectl while editing shows the live version beside the edit; re-apply saves it', async () => {
  kubectl(['apply', '-f', '-'], { input: configMap('e2e-conflict', { mine: 'before', theirs: 'before' }) });
  const page = await openApp(browser, serve, { colorScheme: 'light' });
  const { dialog, editor } = await openEditor(page, 'e2e-conflict');
  await setEditorText(page, editor, edited('e2e-conflict', 'mine', 'from-kubedeck'));

  // Someone else changes the object meanwhile.
  kubectl(['patch', 'configmap', 'e2e-conflict', '-n', 'team-a', '--type=merge', '-p', '{"data":{"theirs":"from-kubectl"}}']);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Conflict' }).waitFor({ timeout: 10000 });
  const live = dialog.getByRole('region', { name: 'Live version on the server' });
  assert.match(await live.innerText(), /theirs: from-kubectl/);
  const mine = dialog.getByRole('textbox', { name: 'Your edit (YAML)' });
  assert.match(await editorText(mine), /mine: from-kubedeck/, 'the edit is kept beside the live version');
  await screenshot(page, 'actions-edit-conflict-light');
  assert.equal(field(['configmap', 'e2e-conflict', '-n', 'team-a'], '.data.mine'), 'before');

  await dialog.getByRole('button', { name: 'Re-apply my edit on the latest version' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
  assert.equal(field(['configmap', 'e2e-conflict', '-n', 'team-a'], '.data.mine'), 'from-kubedeck');
  await page.context().close();
});

test('create from YAML: several documents, a dry-run preview of each, then server-side apply as kubedeck', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/configmaps?ns=team-a` });
  await page.getByRole('grid', { name: 'Config Maps' }).or(page.getByRole('grid', { name: 'ConfigMaps' })).waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create from YAML' });
  const editor = dialog.getByRole('textbox', { name: 'YAML to create' });
  await editor.waitFor();
  // Focus stays in the dialog: Shift+Tab from its first control wraps to its last.
  const inDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  await dialog.getByRole('button', { name: 'Close' }).focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inDialog(), `Shift+Tab ${i + 1} left the dialog`);
  }
  const text = `${configMap('e2e-new-1', { num: '"1"' })}---\n${configMap('e2e-new-2', { num: '"2"' }).replace('  namespace: team-a\n', '')}`;
  await setEditorText(page, editor, text);
  await dialog.getByText('2 documents').waitFor();

  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = dialog.getByRole('region', { name: 'Dry-run preview' });
  await preview.waitFor({ timeout: 10000 });
  assert.match(await preview.innerText(), /Document 1: ConfigMap team-a\/e2e-new-1/);
  assert.match(await preview.innerText(), /Document 2: ConfigMap team-a\/e2e-new-2/);
  await screenshot(page, 'actions-create-preview');
  assert.ok(gone(['configmap', 'e2e-new-1', '-n', 'team-a']), 'the dry run created nothing');

  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  const results = dialog.getByRole('region', { name: 'Apply results' });
  await results.waitFor({ timeout: 10000 });
  assert.match(await results.innerText(), /e2e-new-1 — created/);
  assert.equal(field(['configmap', 'e2e-new-1', '-n', 'team-a'], '.data.num'), '1');
  assert.equal(field(['configmap', 'e2e-new-2', '-n', 'team-a'], '.data.num'), '2', 'no namespace: the default namespace');
  assert.match(field(['configmap', 'e2e-new-1', '-n', 'team-a', '--show-managed-fields'], '.metadata.managedFields[*].manager'), /kubedeck/);
  await page.context().close();
});

test('delete several selected objects: the confirmation names them; objects show as terminating until gone', async () => {
  for (const n of ['e2e-del-1', 'e2e-del-2', 'e2e-del-3']) kubectl(['apply', '-f', '-'], { input: configMap(n, { key: 'value' }) });
  // A finalizer keeps e2e-del-2 terminating until it is removed.
  kubectl(['patch', 'configmap', 'e2e-del-2', '-n', 'team-a', '--type=merge', '-p', '{"metadata":{"finalizers":["kubedeck.io/e2e"]}}']);
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/configmaps?ns=team-a` });
  const table = page.getByRole('grid').first();
  await table.getByRole('row').filter({ hasText: 'e2e-del-3' }).waitFor({ timeout: 15000 });
  assert.equal(await table.getByRole('checkbox').count(), 0, 'no checkboxes until selecting');
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  await table.getByRole('checkbox', { name: 'Select team-a/e2e-del-1' }).click();
  await table.getByRole('checkbox', { name: 'Select team-a/e2e-del-2' }).click();
  await page.getByText('2 selected').waitFor();
  assert.equal(page.url().includes('/e2e-del'), false, 'ticking a box does not open the object');

  await page.getByRole('button', { name: /^Delete 2/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 objects?' });
  const list = dialog.getByRole('list', { name: 'Objects to delete' });
  assert.deepEqual((await list.getByRole('listitem').allInnerTexts()).sort(), ['ConfigMap team-a/e2e-del-1', 'ConfigMap team-a/e2e-del-2']);
  await dialog.getByRole('radio', { name: /Foreground/ }).check();
  await screenshot(page, 'actions-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete 2' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });

  await eventually(() => gone(['configmap', 'e2e-del-1', '-n', 'team-a']), { timeout: 10000, what: 'e2e-del-1 deleted' });
  assert.ok(!gone(['configmap', 'e2e-del-3', '-n', 'team-a']), 'the unselected one stays');
  const terminating = table.getByRole('row').filter({ hasText: 'e2e-del-2' });
  await eventually(async () => /deleting/.test((await terminating.getAttribute('class')) ?? ''), { timeout: 10000, what: 'row shown as terminating' });
  await screenshot(page, 'actions-delete-terminating');
  kubectl(['patch', 'configmap', 'e2e-del-2', '-n', 'team-a', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
  await terminating.waitFor({ state: 'detached', timeout: 10000 });
  await page.context().close();
});

test('keyboard: Space selects the highlighted row; Delete on a details page confirms and deletes', async () => {
  kubectl(['apply', '-f', '-'], { input: configMap('e2e-key', { k: 'v' }) });
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/configmaps?ns=team-a` });
  const table = page.getByRole('grid').first();
  await table.getByRole('row').filter({ hasText: 'e2e-key' }).waitFor({ timeout: 15000 });
  await page.getByRole('searchbox', { name: 'Filter' }).fill('e2e-key');
  await eventually(async () => (await table.getByRole('row').count()) === 2, { what: 'filtered to one row' });
  await table.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  assert.equal(await table.getByRole('checkbox', { name: 'Select team-a/e2e-key' }).isChecked(), true);
  await page.getByText('1 selected').waitFor();

  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/configmaps/team-a/e2e-key`);
  await action(page, 'Delete').click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete ConfigMap e2e-key?' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { name: 'This object was deleted' }).waitFor({ timeout: 10000 });
  assert.ok(gone(['configmap', 'e2e-key', '-n', 'team-a']));
  await page.context().close();
});

test('create from a file: "Open file…" loads it into the editor (the native file dialog in the desktop app)', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/configmaps?ns=team-a` });
  await page.getByRole('button', { name: 'Create', exact: true }).click({ timeout: 15000 });
  const dialog = page.getByRole('dialog', { name: 'Create from YAML' });
  const yaml = configMap('from-file', { source: 'disk' });
  await dialog.getByLabel('Open file…').setInputFiles({ name: 'from-file.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  const editor = dialog.getByRole('textbox', { name: 'YAML to create' });
  await eventually(async () => /name: from-file/.test(await editorText(editor)), { what: 'file loaded' });
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.getByRole('region', { name: 'Apply results' }).getByText(/from-file — created/).waitFor({ timeout: 10000 });
  assert.equal(field(['configmap', 'from-file', '-n', 'team-a'], '.data.source'), 'disk');
  await page.context().close();
});
