// Issue 3 as a user sees it in the browser shell: cluster status, signing in
// with a token, unreachable clusters that do not block the others, several
// clusters open as tabs, odd context names, a 500-context switcher, and
// kubeconfig edits followed live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

const ODD = 'arn:aws:eks:eu-west-1:123:cluster/prod ü@x';
const ADMIN = cluster().contexts.admin;

let serve;
let browser;
let dir;
let extraFile;

/** Our extra kubeconfig: contexts on the devcluster's cluster and users (merged by KUBECONFIG), plus broken ones. */
function extraKubeconfig({ more = [], without = [] } = {}) {
  const ctx = (name, clusterName, user) => `- name: ${JSON.stringify(name)}\n  context: {cluster: ${clusterName}, user: ${user}}`;
  const contexts = [
    ctx('signed-out-ctx', 'kubedeck', 'nobody'),
    ctx('down-ctx', 'down', 'someone'),
    ctx(ODD, 'kubedeck', 'admin'),
    ctx('temp-ctx', 'kubedeck', 'admin'),
    ...more.map((n) => ctx(n, 'kubedeck', 'admin')),
    ...Array.from({ length: 500 }, (_, i) => ctx(`gen-${String(i).padStart(4, '0')}`, 'down', 'someone')),
  ].filter((c) => !without.some((w) => c.includes(JSON.stringify(w))));
  return `apiVersion: v1
kind: Config
clusters:
- name: down
  cluster: {server: "https://127.0.0.1:1"}
users:
- name: nobody
  user: {}
- name: someone
  user: {token: not-a-real-token}
contexts:
${contexts.join('\n')}
`;
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-clusters-'));
  extraFile = path.join(dir, 'extra.yaml');
  writeFileSync(extraFile, extraKubeconfig());
  serve = await startServe({ kubeconfig: '', env: { KUBECONFIG: [extraFile, cluster().kubeconfig].join(':') } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

const hashOf = (context, rest = '/r/core/v1/pods?ns=team-a') => `#/c/${encodeURIComponent(context)}${rest}`;
const podsTable = (page) => page.getByRole('grid', { name: 'Pods' });

test('a context without credentials asks for a token; a wrong one is refused inline, the viewer token signs in', async () => {
  for (const colorScheme of ['dark', 'light']) {
    const page = await openApp(browser, serve, { colorScheme, hash: hashOf('signed-out-ctx') });
    await page.getByRole('heading', { name: 'Sign in to signed-out-ctx' }).waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: 'Cluster status: Signed out' }).waitFor();
    await screenshot(page, `signin-${colorScheme}`);
    if (colorScheme === 'light') {
      await page.close();
      continue;
    }
    const token = page.getByLabel('Bearer token');
    assert.equal(await token.getAttribute('type'), 'password');
    await token.fill('certainly-wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const err = page.getByRole('alert').filter({ hasText: /rejected this token/ });
    await err.waitFor({ timeout: 10000 });
    assert.equal(await token.inputValue(), 'certainly-wrong', 'the input is kept on failure');
    await screenshot(page, 'signin-wrong-token');

    await token.fill(cluster().tokens.viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Signed in as viewer/).waitFor({ timeout: 10000 });
    await page.getByText(/The token is kept (in your system keyring|in memory only, until Kubedeck quits — no keyring is available)/).waitFor();
    await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: 'Cluster status: Ready' }).waitFor();
    await screenshot(page, 'signin-done');

    // Sign out is in the cluster menu for entered tokens; it brings the sign-in screen back.
    await page.getByRole('button', { name: 'Cluster status: Ready' }).click();
    await page.getByRole('dialog', { name: 'Cluster signed-out-ctx' }).getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to signed-out-ctx' }).waitFor({ timeout: 10000 });
    await page.close();
  }
});

test('an unreachable cluster says so within 5 s with Retry, and another tab keeps working', async () => {
  const page = await openApp(browser, serve, { hash: hashOf(ADMIN) });
  await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });
  const t0 = Date.now();
  await page.goto(`${serve.base}/${hashOf('down-ctx')}`);
  await page.getByRole('heading', { name: /Cannot reach down-ctx/ }).waitFor({ timeout: 5000 });
  console.log(`unreachable shown after ${Date.now() - t0} ms`);
  await page.getByRole('button', { name: 'Retry' }).waitFor();
  await page.getByRole('button', { name: 'Cluster status: Unreachable' }).waitFor();
  await screenshot(page, 'unreachable-dark');

  // Both clusters are open as tabs; switching back is instant and keeps the rows.
  const tabs = page.getByRole('tablist', { name: 'Open clusters' });
  await tabs.getByRole('tab', { name: 'down-ctx' }).waitFor();
  await tabs.getByRole('tab', { name: ADMIN }).click();
  const t1 = Date.now();
  await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 1000 });
  console.log(`switched back to ${ADMIN} in ${Date.now() - t1} ms`);
  assert.equal(await tabs.getByRole('tab', { name: ADMIN }).getAttribute('aria-selected'), 'true');

  // Retry on the unreachable one re-checks and still answers quickly.
  await tabs.getByRole('tab', { name: 'down-ctx' }).click();
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('heading', { name: /Cannot reach down-ctx/ }).waitFor({ timeout: 5000 });

  // Closing a tab (Delete on it: a tablist holds only tabs) goes to another open one.
  await tabs.getByRole('tab', { name: 'down-ctx' }).press('Delete');
  await podsTable(page).waitFor({ timeout: 2000 });
  assert.equal(await tabs.getByRole('tab', { name: 'down-ctx' }).count(), 0);
  await page.close();
});

test('a context named like an EKS ARN with a space, ü and @ routes and titles correctly', async () => {
  const page = await openApp(browser, serve, { hash: hashOf(ODD) });
  await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });
  assert.equal(await page.title(), `Pods · ${ODD} — Kubedeck`);
  await page.getByRole('tab', { name: ODD }).waitFor();
  await page.getByRole('button', { name: `Context: ${ODD}` }).waitFor();
  // Reload keeps it.
  await page.reload();
  await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });
  assert.equal(await page.title(), `Pods · ${ODD} — Kubedeck`);
  assert.ok(decodeURIComponent(await page.evaluate(() => location.hash)).includes(ODD));
  await page.close();
});

test('the switcher lists 500+ contexts with their source file and filters as you type', async () => {
  const page = await openApp(browser, serve, { hash: hashOf(ADMIN) });
  await podsTable(page).waitFor({ timeout: 10000 });
  await page.keyboard.press('Control+Shift+K');
  const search = page.getByRole('combobox', { name: 'Search contexts' });
  await search.waitFor();
  const list = page.getByRole('listbox', { name: 'Contexts' });
  // Virtualized: only what is in view is in the DOM.
  const rendered = await list.getByRole('option').count();
  assert.ok(rendered > 0 && rendered < 60, `${rendered} options rendered`);
  assert.equal(await list.getByRole('option').first().getAttribute('aria-setsize'), String(500 + 4 + 3));
  const t0 = Date.now();
  await search.fill('gen-0421');
  await list.getByRole('option', { name: 'gen-0421', exact: true }).waitFor({ timeout: 2000 });
  console.log(`filtered 507 contexts in ${Date.now() - t0} ms`);
  assert.equal(await list.getByRole('option').count(), 1);
  assert.match(await page.getByText(extraFile).first().innerText(), /extra\.yaml/);
  await screenshot(page, 'switcher-500');
  await page.keyboard.press('Escape');
  await page.close();
});

test('kubeconfig edits show up live; a removed open context says so', async () => {
  const page = await openApp(browser, serve, { hash: hashOf('temp-ctx') });
  await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });

  writeFileSync(extraFile, extraKubeconfig({ more: ['added-later'] }));
  const t0 = Date.now();
  await page.getByRole('button', { name: /^Context:/ }).click();
  const search = page.getByRole('combobox', { name: 'Search contexts' });
  await search.fill('added-later');
  await page.getByRole('listbox', { name: 'Contexts' }).getByRole('option', { name: 'added-later' }).waitFor({ timeout: 2000 });
  console.log(`added context listed after ${Date.now() - t0} ms`);
  await page.keyboard.press('Escape');

  writeFileSync(extraFile, extraKubeconfig({ without: ['temp-ctx'] }));
  await page.getByRole('heading', { name: 'This context was removed from your kubeconfig' }).waitFor({ timeout: 3000 });
  await page.getByRole('link', { name: /^Switch to / }).waitFor();
  await page.getByRole('tab', { name: 'temp-ctx' }).waitFor();
  await screenshot(page, 'context-removed');
  writeFileSync(extraFile, extraKubeconfig());
  await page.close();
});

test('the last context and namespace are remembered across restarts (browser: localStorage)', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(serve.url);
  await page.goto(`${serve.base}/${hashOf(ODD, '/r/apps/v1/deployments?ns=shop')}`);
  await page.getByRole('grid', { name: 'Deployments' }).getByRole('row').nth(1).waitFor({ timeout: 10000 });
  await page.goto(`${serve.base}/#/`);
  await eventually(async () => decodeURIComponent(await page.evaluate(() => location.hash)) === `#/c/${ODD}/r/core/v1/pods?ns=shop`, {
    timeout: 5000,
    what: 'the remembered context and namespace',
  });
  await ctx.close();
});

test('four clusters open at once: each tab keeps its view, switching is instant (streams of hidden tabs pause)', async () => {
  const { viewer, developer } = cluster().contexts;
  const page = await openApp(browser, serve, { hash: hashOf(ADMIN) });
  for (const ctx of [ADMIN, viewer, developer, ODD]) {
    await page.goto(`${serve.base}/${hashOf(ctx)}`);
    await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });
  }
  const tabs = page.getByRole('tablist', { name: 'Open clusters' });
  for (const ctx of [ADMIN, viewer, developer, ODD, ADMIN]) {
    const t0 = Date.now();
    await tabs.getByRole('tab', { name: ctx, exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: ctx, exact: true });
    await panel.getByRole('grid', { name: 'Pods' }).getByRole('row').nth(1).waitFor({ timeout: 1000 });
    await panel.getByRole('status').filter({ hasText: 'Live' }).first().waitFor({ timeout: 5000 });
    console.log(`tab ${ctx}: rows at once, live again after ${Date.now() - t0} ms`);
    assert.equal(await page.title(), `Pods · ${ctx} — Kubedeck`);
  }
  await screenshot(page, 'four-tabs');
  await page.close();
});

test('Add cluster in the browser shell explains it is desktop-only, keeping the input', async () => {
  const page = await openApp(browser, serve, { hash: hashOf(ADMIN) });
  await page.getByRole('button', { name: 'Add cluster' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add cluster' });
  await dialog.getByRole('tab', { name: 'Server and token' }).click();
  await dialog.getByLabel('Name').fill('new-one');
  await dialog.getByLabel('Server URL').fill('https://example.invalid:6443');
  await dialog.getByLabel('Bearer token').fill('abc');
  await dialog.getByRole('button', { name: 'Add cluster' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'only available in the desktop app' }).waitFor({ timeout: 5000 });
  assert.equal(await dialog.getByLabel('Name').inputValue(), 'new-one');
  await screenshot(page, 'add-cluster-browser');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.close();
});

/** A TCP proxy to the devcluster's API server that the test can cut and restore. */
async function cuttableProxy() {
  const target = new URL(cluster().server);
  const sockets = new Set();
  let server;
  const listen = (port) =>
    new Promise((resolve) => {
      server = net.createServer((c) => {
        const up = net.connect(Number(target.port), target.hostname);
        sockets.add(c).add(up);
        c.pipe(up).pipe(c);
        const drop = () => { c.destroy(); up.destroy(); sockets.delete(c); sockets.delete(up); };
        c.on('error', drop).on('close', drop);
        up.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => resolve(server.address().port));
    });
  const port = await listen(0);
  return {
    port,
    cut: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
    restore: () => listen(port),
  };
}

test('data of a cluster that stops answering stays on screen marked not live; Retry brings it back', async () => {
  const proxy = await cuttableProxy();
  const kc = path.join(dir, 'proxied.yaml');
  const { execFileSync } = await import('node:child_process');
  const ca = execFileSync('kubectl', ['--kubeconfig', cluster().kubeconfig, 'config', 'view', '--raw', '-o', 'jsonpath={.clusters[0].cluster.certificate-authority}'], { encoding: 'utf8' });
  writeFileSync(kc, `apiVersion: v1
kind: Config
clusters: [{name: proxied, cluster: {server: "https://127.0.0.1:${proxy.port}", certificate-authority: "${ca}"}}]
users: [{name: p, user: {token: ${cluster().tokens.admin}}}]
contexts: [{name: proxied-ctx, context: {cluster: proxied, user: p}}]
`);
  const other = await startServe({ kubeconfig: '', env: { KUBECONFIG: [kc, cluster().kubeconfig].join(':') } });
  try {
    const page = await openApp(browser, other, { hash: hashOf('proxied-ctx') });
    await podsTable(page).getByRole('row').nth(1).waitFor({ timeout: 10000 });
    const rows = await podsTable(page).getByRole('row').count();
    await proxy.cut();
    const banner = page.getByRole('alert').filter({ hasText: /^Showing data from \d\d:\d\d — not live: / });
    await banner.waitFor({ timeout: 15000 });
    assert.equal(await podsTable(page).getByRole('row').count(), rows, 'the rows stay');
    await page.getByRole('button', { name: 'Cluster status: Unreachable' }).waitFor();
    await screenshot(page, 'stale-data');
    await proxy.restore();
    await banner.getByRole('button', { name: 'Retry' }).click();
    await banner.waitFor({ state: 'detached', timeout: 10000 });
    await page.getByRole('button', { name: 'Cluster status: Ready' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).first().waitFor({ timeout: 10000 });
    await page.close();
  } finally {
    await other.stop();
    await proxy.cut().catch(() => {});
  }
});
