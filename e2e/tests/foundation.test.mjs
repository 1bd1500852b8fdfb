// Issue 2's walking skeleton, as a user sees it in the browser shell:
// sign-in by launch token, contexts from the kubeconfig, namespaces, and a
// live pods table whose rows match kubectl's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

let serve;
let browser;

before(async () => {
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

test('requests without the launch token get 401', async () => {
  for (const path of ['/', '/index.html', '/api/call/Contexts']) {
    const res = await fetch(serve.base + path, { method: path.includes('call') ? 'POST' : 'GET', headers: { Origin: serve.base } });
    assert.equal(res.status, 401, `${path} answered ${res.status}`);
  }
  const wrong = await fetch(`${serve.base}/?token=nope`);
  assert.equal(wrong.status, 401);
});

test('the pods table shows what kubectl shows, and stays live', async () => {
  const page = await openApp(browser, serve);
  const admin = cluster().contexts.admin;
  await page.getByRole('button', { name: /context/i }).first().waitFor();
  await assert.doesNotReject(page.getByText(admin).first().waitFor({ timeout: 10000 }));

  await page.goto(`${serve.base}/#/c/${encodeURIComponent(admin)}/r/core/v1/pods?ns=team-a`);
  const table = page.getByRole('grid', { name: /pods/i });
  await table.waitFor({ timeout: 10000 });

  // kubectl is the oracle: NAME READY STATUS RESTARTS, as it prints them.
  const want = kubectl(['get', 'pods', '-n', 'team-a', '--no-headers'])
    .trim().split('\n').map((l) => l.split(/\s+/));
  await eventually(async () => (await table.getByRole('row').count()) - 1 === want.length, { timeout: 10000, what: `${want.length} pod rows` });
  for (const [name, ready, status, restarts] of want) {
    const row = table.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    const cells = (await row.getByRole('gridcell').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(cells.slice(0, 4), [name, ready, status, restarts], `row of ${name}`);
  }
  for (const h of ['Name', 'Ready', 'Status', 'Restarts', 'Age']) {
    assert.equal(await table.getByRole('columnheader', { name: h, exact: true }).count(), 1, `column ${h}`);
  }
  await screenshot(page, 'pods-team-a');

  // Live: created with kubectl, the row appears within 2 s; deleted, it goes.
  const name = `e2e-live-${Date.now()}`;
  kubectl(['run', name, '-n', 'team-a', '--image=nginx', '--restart=Never']);
  const t0 = Date.now();
  await table.getByRole('row', { name: new RegExp(name) }).waitFor({ timeout: 2000 });
  console.log(`created pod visible after ${Date.now() - t0} ms`);
  kubectl(['delete', 'pod', name, '-n', 'team-a', '--grace-period=0', '--force', '--wait=false']);
  const t1 = Date.now();
  await table.getByRole('row', { name: new RegExp(name) }).waitFor({ state: 'detached', timeout: 2000 });
  console.log(`deleted pod gone after ${Date.now() - t1} ms`);
  await page.close();
});

test('an unreachable cluster is reported in the UI and the rest keeps working', async () => {
  const { writeFileSync, mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-'));
  const broken = path.join(dir, 'broken.yaml');
  writeFileSync(broken, 'apiVersion: v1\nkind: Config\ncontexts: [ broken');
  const down = path.join(dir, 'down.yaml');
  writeFileSync(down, `apiVersion: v1
kind: Config
clusters: [{name: down, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: u, user: {token: x}}]
contexts: [{name: down-cluster, context: {cluster: down, user: u}}]
`);
  const other = await startServe({ kubeconfig: '', env: { KUBECONFIG: [broken, down, cluster().kubeconfig].join(':') } });
  try {
    const page = await openApp(browser, other);
    await page.getByText(/broken\.yaml/).first().waitFor({ timeout: 10000 });
    await page.goto(`${other.base}/#/c/down-cluster/r/core/v1/pods`);
    await page.getByText(/cannot reach|unreachable|connection refused/i).first().waitFor({ timeout: 10000 });
    await screenshot(page, 'unreachable-cluster');
    await page.goto(`${other.base}/#/c/${encodeURIComponent(cluster().contexts.admin)}/r/core/v1/pods?ns=team-a`);
    await page.getByRole('grid', { name: /pods/i }).getByRole('row').nth(1).waitFor({ timeout: 10000 });
    await page.close();
  } finally {
    await other.stop();
  }
});
