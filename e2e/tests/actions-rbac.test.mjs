// Issue 5, RBAC: every action's state comes from the user's own permissions
// (SelfSubjectAccessReview). The viewer sees the actions disabled with the
// missing permission named; the developer may act in team-a only (a 403
// elsewhere gives a clear message); a read-only context disables every write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { action, editorText, field, gone, setEditorText } from './actions-lib.mjs';

const { admin: ADMIN, viewer: VIEWER, developer: DEVELOPER } = cluster().contexts;
const enc = encodeURIComponent;
let serve;
let browser;

// The developer's own Deployment in team-a (the seed's objects stay as other suites expect them).
before(async () => {
  kubectl(['create', 'deployment', 'dev-app', '-n', 'team-a', '--image=busybox:1.36', '--replicas=1']);
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  kubectl(['delete', 'deployment', 'dev-app', '-n', 'team-a', '--ignore-not-found']);
  kubectl(['delete', 'configmap', 'dev-a', '-n', 'team-a', '--ignore-not-found']);
});

const disabledWith = async (button, reason) => {
  await eventually(async () => (await button.getAttribute('aria-disabled')) === 'true', { timeout: 15000, what: `${await button.innerText()} disabled` });
  assert.equal(await button.getAttribute('title'), reason);
};

/** Enabled once the access answers are in (the toolbar is busy until then). */
const enabled = async (button) => {
  await button.waitFor({ timeout: 15000 });
  const bar = button.page().getByRole('toolbar', { name: 'Actions' });
  if ((await bar.count()) > 0) await eventually(async () => (await bar.getAttribute('aria-busy')) === 'false', { timeout: 15000, what: 'access answers' });
  assert.equal(await button.getAttribute('aria-disabled'), null, `${await button.innerText()} enabled`);
};

test('the viewer sees every write action disabled with the missing permission; activating one says why', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${enc(VIEWER)}/r/apps/v1/deployments/team-a/web` });
  await page.getByRole('heading', { level: 1, name: 'web' }).waitFor({ timeout: 15000 });
  await disabledWith(action(page, 'Edit YAML'), 'needs: update deployments.apps in team-a');
  await disabledWith(action(page, 'Scale'), 'needs: patch deployments/scale.apps in team-a');
  await disabledWith(action(page, 'Restart'), 'needs: patch deployments.apps in team-a');
  await disabledWith(action(page, 'Delete'), 'needs: delete deployments.apps in team-a');
  // Still focusable: Enter on it explains instead of acting.
  await action(page, 'Delete').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Delete is not allowed — needs: delete deployments.apps in team-a' }).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no dialog opens');
  await page.getByText('Why are 4 actions disabled?').click();
  assert.deepEqual(await page.getByRole('list', { name: 'Disabled actions' }).getByRole('listitem').allInnerTexts(), [
    'Edit YAML: needs: update deployments.apps in team-a',
    'Scale: needs: patch deployments/scale.apps in team-a',
    'Restart: needs: patch deployments.apps in team-a',
    'Delete: needs: delete deployments.apps in team-a',
  ]);
  // Reading the rollout history is allowed.
  await enabled(action(page, 'Rollout history'));
  await screenshot(page, 'actions-viewer-disabled');

  // The list: selecting works (reading), deleting the selection is disabled with the reason.
  await page.goto(`${serve.base}/#/c/${enc(VIEWER)}/r/apps/v1/deployments?ns=team-a`);
  await page.getByRole('button', { name: 'Select', exact: true }).click({ timeout: 15000 });
  await page.getByRole('checkbox', { name: 'Select team-a/web' }).click();
  const del = page.getByRole('button', { name: /^Delete 1/ });
  await disabledWith(del, 'needs: delete deployments.apps in team-a');
  await screenshot(page, 'actions-viewer-list');
  await page.context().close();
});

test('a 403 from the server still gives a clear message, and the YAML is kept', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${enc(VIEWER)}/r/core/v1/configmaps?ns=team-a` });
  await page.getByRole('button', { name: 'Create', exact: true }).click({ timeout: 15000 });
  const dialog = page.getByRole('dialog', { name: 'Create from YAML' });
  const editor = dialog.getByRole('textbox', { name: 'YAML to create' });
  const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: by-viewer\ndata:\n  a: b1\n';
  await setEditorText(page, editor, yaml);
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  const results = dialog.getByRole('region', { name: 'Apply results' });
  await results.waitFor({ timeout: 10000 });
  assert.match(await results.innerText(), /by-viewer — 403: .*forbidden/i);
  assert.match(await editorText(editor), /name: by-viewer/);
  assert.ok(gone(['configmap', 'by-viewer', '-n', 'team-a']));
  await page.context().close();
});

test('the developer may act in team-a (scale checked with kubectl) and gets a clear 403 elsewhere', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${enc(DEVELOPER)}/r/apps/v1/deployments/team-a/dev-app` });
  await page.getByRole('heading', { level: 1, name: 'dev-app' }).waitFor({ timeout: 15000 });
  for (const name of ['Edit YAML', 'Scale', 'Restart', 'Rollout history', 'Delete']) await enabled(action(page, name));
  await action(page, 'Scale').click();
  const scale = page.getByRole('dialog', { name: 'Scale Deployment dev-app' });
  await scale.getByRole('spinbutton', { name: 'Replicas' }).fill('2');
  await scale.getByRole('button', { name: 'Scale', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Scaled Deployment dev-app to 2' }).waitFor({ timeout: 10000 });
  assert.equal(field(['deployment', 'dev-app', '-n', 'team-a'], '.spec.replicas'), '2');

  // team-b is not the developer's: the server says so, by name, per document.
  await page.goto(`${serve.base}/#/c/${enc(DEVELOPER)}/r/core/v1/configmaps?ns=team-a`);
  await page.getByRole('button', { name: 'Create', exact: true }).click({ timeout: 15000 });
  const dialog = page.getByRole('dialog', { name: 'Create from YAML' });
  const editor = dialog.getByRole('textbox', { name: 'YAML to create' });
  await setEditorText(
    page,
    editor,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dev-a\ndata:\n  a: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dev-b\n  namespace: team-b\ndata:\n  a: one\n',
  );
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  const results = dialog.getByRole('region', { name: 'Apply results' });
  await results.waitFor({ timeout: 10000 });
  const text = await results.innerText();
  assert.match(text, /team-a\/dev-a — created/);
  assert.match(text, /team-b\/dev-b — 403: .*forbidden.*team-b/i);
  await screenshot(page, 'actions-developer-403');
  assert.equal(field(['configmap', 'dev-a', '-n', 'team-a'], '.data.a'), 'one');
  assert.ok(gone(['configmap', 'dev-b', '-n', 'team-b']));
  await page.context().close();
});

test('a read-only context disables every write action with that reason; switching it off enables them again', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${enc(ADMIN)}/r/apps/v1/deployments/team-a/web` });
  await page.getByRole('heading', { level: 1, name: 'web' }).waitFor({ timeout: 15000 });
  await enabled(action(page, 'Scale'));
  const replicas = field(['deployment', 'web', '-n', 'team-a'], '.spec.replicas');
  await page.getByRole('button', { name: /^Cluster status/ }).click();
  await page.getByRole('switch', { name: 'Read-only' }).click();
  await page.keyboard.press('Escape');
  for (const name of ['Edit YAML', 'Scale', 'Restart', 'Delete']) await disabledWith(action(page, name), 'Read-only context');
  await page.getByText('Read-only context: changes are off').waitFor();
  await screenshot(page, 'actions-read-only');

  await page.goto(`${serve.base}/#/c/${enc(ADMIN)}/r/core/v1/configmaps?ns=team-a`);
  await disabledWith(page.getByRole('button', { name: /^Create/ }), 'Read-only context');

  await page.getByRole('button', { name: /^Cluster status/ }).click();
  await page.getByRole('switch', { name: 'Read-only' }).click();
  await page.keyboard.press('Escape');
  await eventually(async () => (await page.getByRole('button', { name: 'Create', exact: true }).getAttribute('aria-disabled')) === null, {
    what: 'Create enabled again',
  });
  assert.equal(field(['deployment', 'web', '-n', 'team-a'], '.spec.replicas'), replicas, 'nothing changed');
  await page.context().close();
});

test('kubectl agrees: the developer may not delete in team-b, may in team-a', () => {
  // The oracle for the states above.
  assert.equal(kubectl(['auth', 'can-i', 'delete', 'configmaps', '-n', 'team-a'], { context: DEVELOPER }).trim(), 'yes');
  let answer = '';
  try {
    answer = kubectl(['auth', 'can-i', 'delete', 'configmaps', '-n', 'team-b'], { context: DEVELOPER });
  } catch (e) {
    answer = String(e.stdout ?? '');
  }
  assert.equal(answer.trim(), 'no');
});
