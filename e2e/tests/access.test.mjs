// Issue 20, Access: who can do what (a live matrix from the RBAC objects,
// checked against kubectl auth can-i --list), and sharing a namespace-scoped,
// expiring token that works with kubectl where it should, nowhere else, and
// stops working after revoke. The token is shown once and kept nowhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { seriousViolations } from '../lib/a11y.mjs';

const { admin: ADMIN, viewer: VIEWER } = cluster().contexts;
const enc = encodeURIComponent;
const LIVE = 'e2e-access-live';
let serve;
let browser;

before(async () => {
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  kubectl(['delete', 'rolebinding', LIVE, '-n', 'team-a', '--ignore-not-found']);
  kubectl(['delete', 'serviceaccount', '-n', 'team-a', '-l', 'kubedeck.io/share', '--ignore-not-found']);
  kubectl(['delete', 'rolebinding', '-n', 'team-a', '-l', 'kubedeck.io/share', '--ignore-not-found']);
});

/** kubectl auth can-i --list --as=user -n ns: "resource.group" -> verbs (rows not limited to names). */
function canI(as, namespace) {
  const rows = {};
  for (const line of kubectl(['auth', 'can-i', '--list', `--as=${as}`, '-n', namespace]).split('\n').slice(1)) {
    const m = /^(\S+)\s+\[(.*?)\]\s+\[(.*?)\]\s+\[(.*?)\]\s*$/.exec(line);
    if (m && m[3] === '') rows[m[1]] = [...(rows[m[1]] ?? []), ...m[4].split(' ').filter(Boolean)];
  }
  return rows;
}

async function openAccess(context, { namespace = 'team-a', colorScheme = 'dark' } = {}) {
  const page = await openApp(browser, serve, { colorScheme, hash: `#/c/${enc(context)}/access` });
  await page.getByRole('heading', { level: 1, name: 'Access' }).waitFor({ timeout: 15000 });
  await page.getByRole('combobox', { name: 'Namespace' }).first().selectOption(namespace);
  const table = page.getByRole('table', { name: `Who can do what in ${namespace}` });
  await table.waitFor({ timeout: 15000 });
  return { page, table };
}

/** The verbs a cell's accessible name lists, e.g. "developer on pods: get, list". */
async function cellVerbs(table, subject, resource) {
  const cell = table.getByRole('button', { name: new RegExp(`^${subject} on ${resource.replace('/', '\\/')}: `) });
  if ((await cell.count()) === 0) return [];
  const name = await cell.getAttribute('aria-label') ?? await cell.innerText();
  return name.split(': ')[1].split('; ')[0].split(', ').filter(Boolean).sort();
}

test('the matrix matches kubectl auth can-i --list, shows the grants behind a cell, and follows RBAC changes live', async () => {
  const { page, table } = await openAccess(ADMIN);
  const cases = [
    { as: 'developer', subject: 'developer', resources: { pods: 'pods', deployments: 'deployments.apps', secrets: 'secrets', rolebindings: 'rolebindings.rbac.authorization.k8s.io' } },
    { as: 'viewer', subject: 'viewer', resources: { pods: 'pods', deployments: 'deployments.apps', secrets: 'secrets', 'pods/log': 'pods/log' } },
    { as: 'system:serviceaccount:team-a:ci-bot', subject: 'team-a/ci-bot', resources: { pods: 'pods', deployments: 'deployments.apps', 'pods/log': 'pods/log', 'pods/exec': 'pods/exec' } },
  ];
  // The verbs each column's resource serves (discovery); the others all eight.
  const served = { 'pods/exec': ['create', 'get'], 'pods/log': ['get'] };
  const all = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  for (const c of cases) {
    const oracle = canI(c.as, 'team-a');
    for (const [label, kubectlName] of Object.entries(c.resources)) {
      const verbs = served[label] ?? all;
      const granted = oracle[kubectlName] ?? [];
      const want = verbs.filter((v) => granted.includes(v) || granted.includes('*'));
      assert.deepEqual(await cellVerbs(table, c.subject, label), want, `${c.as} on ${label} (kubectl: ${granted})`);
    }
  }
  await screenshot(page, 'access-matrix');

  // The grants behind the developer's deployments cell.
  await table.getByRole('button', { name: /^developer on deployments: / }).click();
  const grants = page.getByRole('dialog', { name: 'Grants for developer on deployments' });
  await grants.waitFor();
  assert.match(await grants.innerText(), /RoleBinding[^\n]*developer[^\n]*ClusterRole[^\n]*edit/);
  await grants.getByRole('button', { name: /close/i }).first().click();

  // One subject's access, answered by the API server (the admin may ask SubjectAccessReviews).
  await table.getByRole('button', { name: 'ci-bot', exact: false }).first().click();
  const subject = page.getByRole('dialog', { name: 'Access of ServiceAccount team-a/ci-bot' });
  await subject.getByText('Checked by the API server (SubjectAccessReview)').waitFor({ timeout: 15000 });
  const rules = await subject.getByRole('table').first().innerText();
  assert.match(rules, /deployments\.apps[\s\S]*get, list, patch, update, watch|deployments\.apps[\s\S]*get list patch update watch/);
  assert.match(rules, /configmaps[\s\S]*app-config/);
  await screenshot(page, 'access-subject');
  await page.keyboard.press('Escape');

  // Live: a new binding adds a row, deleting it takes the row away, no reload.
  kubectl(['create', 'rolebinding', LIVE, '--clusterrole=view', `--user=${LIVE}`, '-n', 'team-a']);
  await table.getByRole('button', { name: new RegExp(`^${LIVE} on pods: get, list, watch$`) }).waitFor({ timeout: 10000 });
  kubectl(['delete', 'rolebinding', LIVE, '-n', 'team-a']);
  await eventually(async () => (await table.getByRole('button', { name: new RegExp(`^${LIVE} on `) }).count()) === 0, { timeout: 10000, what: 'the row gone' });
  assert.deepEqual(await seriousViolations(page), []);
  await page.context().close();
});

function jwtExp(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp * 1000;
}

function asRecipient(kubeconfigFile, args) {
  try {
    return { ok: true, out: execFileSync('kubectl', ['--kubeconfig', kubeconfigFile, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, KUBECONFIG: '' } }) };
  } catch (e) {
    return { ok: false, out: String(e.stderr) };
  }
}

test('an admin shares a 10-minute edit token for team-a: preview, token once, works in team-a only, revoked', async () => {
  const { page } = await openAccess(ADMIN);
  await page.getByRole('tab', { name: 'Shared' }).click();
  await page.getByRole('button', { name: 'Share access' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Share access' });
  await dialog.getByRole('textbox', { name: 'Recipient' }).fill('Dana Lee');
  await dialog.getByRole('radio', { name: 'edit', exact: true }).check();
  await dialog.getByRole('combobox', { name: 'Duration' }).selectOption({ label: '10 minutes' });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview of the share' });
  await preview.waitFor({ timeout: 15000 });
  const yamlOf = (kind) => preview.getByRole('textbox', { name: new RegExp(`^${kind} share-dana-lee-`) }).inputValue();
  assert.match(await yamlOf('ServiceAccount'), /kind: ServiceAccount[\s\S]*kubedeck.io\/share: share-dana-lee-/);
  assert.match(await yamlOf('RoleBinding'), /kind: RoleBinding[\s\S]*roleRef:[\s\S]*name: edit/);
  // What it grants: edit's rules (deployments, not RBAC), as kubectl auth can-i --list prints them.
  const grants = await preview.getByRole('table', { name: 'What the share grants' }).innerText();
  assert.match(grants, /deployments\.apps/);
  assert.doesNotMatch(grants, /rolebindings/);
  // A dry run: nothing exists yet.
  assert.equal(kubectl(['get', 'serviceaccounts', '-n', 'team-a', '-l', 'kubedeck.io/share', '-o', 'name']).trim(), '');
  await screenshot(page, 'access-share-preview');
  assert.deepEqual(await seriousViolations(page), []);

  const asked = Date.now();
  await dialog.getByRole('button', { name: 'Create and show token' }).click();
  const shown = page.getByRole('dialog', { name: 'Access shared' });
  await shown.waitFor({ timeout: 15000 });
  const token = await shown.getByRole('textbox', { name: 'Token' }).inputValue();
  const kubeconfig = await shown.getByRole('textbox', { name: 'Kubeconfig' }).inputValue();
  assert.ok(token.length > 100 && kubeconfig.includes(token));
  assert.ok(jwtExp(token) <= asked + 10 * 60 * 1000 + 1000, `exp ${new Date(jwtExp(token)).toISOString()} is more than 10 minutes ahead`);
  await screenshot(page, 'access-token');
  assert.deepEqual(await seriousViolations(page), []);

  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kubedeck-share-')), 'kubeconfig');
  writeFileSync(file, kubeconfig, { mode: 0o600 });
  assert.ok(asRecipient(file, ['get', 'deployments']).ok, 'the token works in team-a');
  assert.match(asRecipient(file, ['create', 'configmap', 'from-share', '--from-literal=a=b']).out, /created/);
  kubectl(['delete', 'configmap', 'from-share', '-n', 'team-a']);
  for (const args of [['get', 'pods', '-n', 'team-b'], ['get', 'rolebindings'], ['get', 'secrets', '-n', 'shop']]) {
    const r = asRecipient(file, args);
    assert.ok(!r.ok && /forbidden/i.test(r.out), `kubectl ${args.join(' ')} with the share: ${r.out}`);
  }

  // Closing the dialog drops the token: not in the page, storage or the server's log.
  await shown.getByRole('button', { name: 'Done' }).click();
  await shown.waitFor({ state: 'detached' });
  const kept = await page.evaluate((t) => document.documentElement.outerHTML.includes(t) ||
    JSON.stringify({ ...localStorage }).includes(t) || JSON.stringify({ ...sessionStorage }).includes(t) || location.href.includes(t), token);
  assert.equal(kept, false, 'the token outlived its dialog');
  assert.ok(!serve.stderr().includes(token), 'the token is in the server log');

  // The list shows the share; revoke ends the token.
  const row = page.getByRole('row', { name: /Dana Lee/ });
  await row.waitFor({ timeout: 10000 });
  await row.getByRole('button', { name: 'Revoke Dana Lee' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke the access of Dana Lee?' });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await row.waitFor({ state: 'detached', timeout: 10000 });
  assert.equal(kubectl(['get', 'serviceaccounts', '-n', 'team-a', '-l', 'kubedeck.io/share', '-o', 'name']).trim(), '');
  // The API server caches a token's sign-in for up to 10 s.
  await eventually(() => /unauthorized/i.test(asRecipient(file, ['get', 'deployments']).out), { timeout: 30000, interval: 500, what: 'the token refused after revoke' });
  await page.context().close();
});

test('the viewer sees the matrix, but Share is disabled with the permission it needs', async () => {
  const { page, table } = await openAccess(VIEWER, { colorScheme: 'light' });
  assert.deepEqual(await cellVerbs(table, 'developer', 'deployments'),
    ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
  await screenshot(page, 'access-matrix-light');
  await page.getByRole('tab', { name: 'Shared' }).click();
  const share = page.getByRole('button', { name: 'Share access' }).first();
  await eventually(async () => (await share.getAttribute('aria-disabled')) === 'true', { timeout: 15000, what: 'Share disabled' });
  assert.equal(await share.getAttribute('title'), 'needs: create serviceaccounts in team-a');
  await screenshot(page, 'access-viewer');
  await page.context().close();
});

test('custom rules reach any resource the cluster serves, a CRD too, and the preview shows the Role', async () => {
  const { page } = await openAccess(ADMIN);
  await page.getByRole('button', { name: 'Share access' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Share access' });
  await dialog.getByRole('textbox', { name: 'Recipient' }).fill('widget-bot');
  await dialog.getByRole('radio', { name: 'Custom rules' }).check();
  await dialog.getByRole('combobox', { name: 'Add a resource' }).selectOption('widgets.demo.kubedeck.io', { timeout: 15000 });
  await dialog.getByRole('checkbox', { name: 'list widgets.demo.kubedeck.io', exact: true }).check();
  await dialog.getByRole('checkbox', { name: 'get pods', exact: true }).check();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview of the share' });
  const role = await preview.getByRole('textbox', { name: /^Role share-widget-bot-/ }).inputValue({ timeout: 15000 });
  assert.match(role, /apiGroups:\s*\n\s*- demo\.kubedeck\.io\s*\n\s*resources:\s*\n\s*- widgets\s*\n\s*verbs:\s*\n\s*- list/);
  assert.match(await preview.getByRole('table', { name: 'What the share grants' }).innerText(), /widgets\.demo\.kubedeck\.io\s+list/);
  await page.context().close();
});
