// Issue 4 and friends as a user sees them: tables as kubectl prints them
// (built-in and custom kinds), details pages (pods, secrets), the overview,
// global search, selector filters, and deep links that survive a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually, onStreamOpen } from '../lib/harness.mjs';

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
});

const lines = (out) => out.trim().split('\n').filter(Boolean).map((l) => l.split(/\s{2,}|\t/).map((c) => c.trim()));
const get = (args) => lines(kubectl(['get', ...args, '--no-headers']));
const cellsOf = async (row) => (await row.getByRole('cell').or(row.getByRole('gridcell')).allInnerTexts()).map((c) => c.trim());

async function rowsMatch(table, want, what) {
  await eventually(async () => (await table.getByRole('row').count()) - 1 === want.length, { timeout: 10000, what: `${want.length} ${what} rows` });
  for (const w of want) {
    const row = table.getByRole('row').filter({ has: table.page().getByRole('gridcell', { name: w[1], exact: true }) }).filter({ hasText: w[0] });
    // Namespace, name and the printer columns, as kubectl prints them (AGE left out: it ticks).
    assert.deepEqual((await cellsOf(row)).slice(0, w.length - 1), w.slice(0, -1), `${what} ${w[0]}/${w[1]}`);
  }
}

test('deployments and Widget custom resources show what kubectl get prints', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/apps/v1/deployments` });
  const table = page.getByRole('grid', { name: 'Deployments' });
  await table.waitFor({ timeout: 10000 });
  await rowsMatch(table, get(['deployments', '-A']), 'deployment');
  for (const h of ['Namespace', 'Name', 'Ready', 'Up-to-date', 'Available', 'Age']) {
    assert.equal(await table.getByRole('columnheader', { name: h, exact: true }).count(), 1, `column ${h}`);
  }

  await page.goto(`${serve.base}/#/c/${C}/r/demo.kubedeck.io/v1/widgets`);
  const widgets = page.getByRole('grid', { name: 'Widgets' });
  await widgets.waitFor({ timeout: 10000 });
  await rowsMatch(widgets, get(['widgets', '-A']), 'widget');
  const headers = kubectl(['get', 'widgets', '-A']).split('\n')[0].trim().split(/\s+/);
  for (const h of headers) {
    assert.equal(await widgets.getByRole('columnheader', { name: new RegExp(`^${h}$`, 'i') }).count(), 1, `column ${h}`);
  }
  await screenshot(page, 'widgets');
  await page.close();
});

test("a pod's details show containers, node and events; the deep link survives reload and back/forward", async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods?ns=team-a` });
  const table = page.getByRole('grid', { name: 'Pods' });
  const pod = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
  await table.getByRole('row', { name: new RegExp(pod) }).click({ timeout: 10000 });
  await eventually(async () => (await page.evaluate(() => location.hash)) === `#/c/${C}/r/core/v1/pods/team-a/${pod}`, { what: 'details route' });
  await page.getByRole('heading', { level: 1, name: pod }).waitFor({ timeout: 10000 });

  const containers = page.getByRole('table', { name: 'Containers' });
  await containers.waitFor();
  const want = kubectl(['get', 'pod', pod, '-n', 'team-a', '-o', 'jsonpath={.spec.containers[*].name}']).split(' ');
  const images = kubectl(['get', 'pod', pod, '-n', 'team-a', '-o', 'jsonpath={.spec.containers[*].image}']).split(' ');
  assert.equal(await containers.getByRole('row').count(), want.length + 1);
  for (const [i, name] of want.entries()) {
    const cells = await cellsOf(containers.getByRole('row').nth(i + 1));
    assert.equal(cells[0], name);
    assert.equal(cells[1], images[i]);
    assert.equal(cells[2], 'Running');
  }
  const node = kubectl(['get', 'pod', pod, '-n', 'team-a', '-o', 'jsonpath={.spec.nodeName}']);
  assert.equal(await page.getByRole('link', { name: node, exact: true }).getAttribute('href'), `#/c/${C}/r/core/v1/nodes/_/${node}`);
  await screenshot(page, 'pod-details-dark');

  const uid = kubectl(['get', 'pod', pod, '-n', 'team-a', '-o', 'jsonpath={.metadata.uid}']);
  const events = lines(kubectl(['get', 'events', '-n', 'team-a', '--field-selector', `involvedObject.uid=${uid}`, '--no-headers']));
  await page.getByRole('tab', { name: 'Events' }).click();
  if (events.length > 0) {
    const ev = page.getByRole('grid', { name: 'Events' });
    await eventually(async () => (await ev.getByRole('row').count()) - 1 === events.length, { timeout: 10000, what: `${events.length} events` });
  } else {
    await page.getByText('No events.').waitFor({ timeout: 10000 });
  }
  await screenshot(page, 'pod-events');
  await page.getByRole('tab', { name: 'YAML' }).click();
  const yaml = await page.getByLabel('Object YAML').innerText();
  assert.match(yaml, new RegExp(`name: ${pod}`));
  assert.doesNotMatch(yaml, /managedFields/);
  // managedFields on demand: the same managers kubectl --show-managed-fields lists.
  const managers = JSON.parse(kubectl(['get', 'pod', pod, '-n', 'team-a', '-o', 'json', '--show-managed-fields']))
    .metadata.managedFields.map((f) => f.manager);
  assert.ok(managers.length > 0, 'the pod has managedFields');
  await page.getByRole('button', { name: 'Show managedFields' }).click();
  const managed = page.getByLabel('managedFields');
  await managed.waitFor({ timeout: 10000 });
  const shownManagers = [...(await managed.innerText()).matchAll(/manager: (\S+)/g)].map((m) => m[1]);
  assert.deepEqual(shownManagers, managers);
  await page.getByRole('button', { name: 'Hide managedFields' }).click();
  await managed.waitFor({ state: 'detached' });

  // Reload keeps the details; back goes to the list, forward to the details again.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: pod }).waitFor({ timeout: 10000 });
  await page.goBack();
  await table.waitFor({ timeout: 10000 });
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: pod }).waitFor({ timeout: 10000 });
  await page.close();
});

test("a deployment's details list its pods live", async () => {
  const page = await openApp(browser, serve, { colorScheme: 'light', hash: `#/c/${C}/r/apps/v1/deployments/team-a/web` });
  const pods = page.getByRole('grid', { name: 'Pods' });
  const want = get(['pods', '-n', 'team-a', '-l', 'app=web']);
  await eventually(async () => (await pods.getByRole('row').count()) - 1 === want.length, { timeout: 10000, what: 'web pods' });
  await page.getByText('3/3 ready').first().waitFor();
  await screenshot(page, 'deployment-details-light');
  await page.close();
});

test("a Secret's value appears only after Reveal, and equals kubectl's decoded value", async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/secrets/team-a/web-secret` });
  const reveal = page.getByRole('button', { name: 'Reveal API_KEY' });
  await reveal.waitFor({ timeout: 10000 });
  const want = Buffer.from(kubectl(['get', 'secret', 'web-secret', '-n', 'team-a', '-o', 'jsonpath={.data.API_KEY}']), 'base64').toString();
  assert.ok(!(await page.content()).includes(want), 'the value is not in the page before Reveal');
  await page.getByRole('tab', { name: 'YAML' }).click();
  assert.ok(!(await page.getByLabel('Object YAML').innerText()).includes(want));
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByRole('button', { name: 'Reveal API_KEY' }).click();
  const value = page.getByLabel('API_KEY value');
  await value.waitFor({ timeout: 5000 });
  assert.equal(await value.innerText(), want);
  await screenshot(page, 'secret-revealed');
  await page.getByRole('button', { name: 'Hide API_KEY' }).click();
  await value.waitFor({ state: 'detached' });
  assert.ok(!(await page.content()).includes(want));
  await page.close();
});

test('the overview counts match kubectl', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/overview` });
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 10000 });
  const nodes = get(['nodes']);
  const ready = nodes.filter((n) => n[1].split(',').includes('Ready')).length;
  await page.getByRole('group', { name: `Ready: ${ready} of ${nodes.length}` }).waitFor({ timeout: 10000 });
  const phases = kubectl(['get', 'pods', '-A', '-o', 'jsonpath={.items[*].status.phase}']).split(/\s+/).filter(Boolean);
  for (const p of ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown']) {
    const n = phases.filter((x) => x === p).length;
    await page.getByRole('group', { name: `${p}: ${n}` }).waitFor({ timeout: 10000 });
  }
  const warnings = get(['events', '-A', '--field-selector', 'type=Warning']);
  const shown = page.getByRole('grid', { name: 'Recent warnings' });
  await eventually(async () => (await shown.getByRole('row').count()) - 1 === Math.min(10, warnings.length), { timeout: 10000, what: 'warning rows' });
  // Workloads not at their desired replicas, from kubectl's READY column.
  const notReady = [];
  for (const kind of ['deployments', 'statefulsets']) {
    for (const [ns, name, r] of get([kind, '-A'])) {
      const [a, b] = r.split('/').map(Number);
      if (a < b) notReady.push(`${ns}/${name}`);
    }
  }
  for (const [ns, name, desired, , readyN] of get(['daemonsets', '-A'])) if (Number(readyN) < Number(desired)) notReady.push(`${ns}/${name}`);
  if (notReady.length === 0) {
    await page.getByText(/has its desired replicas ready/).waitFor();
  } else {
    const t = page.getByRole('table', { name: 'Workloads not ready' });
    await eventually(async () => (await t.getByRole('row').count()) - 1 === notReady.length, { timeout: 10000, what: 'unready workloads' });
  }
  await screenshot(page, 'overview-dark');

  // Live, not polled: a deployment whose pods cannot be scheduled (created
  // so in one step: no pod of it ever runs) shows up as not ready within
  // 3 s, and goes when it is deleted.
  const name = `stuck-${Date.now()}`;
  kubectl(['create', '-f', '-'], {
    input: JSON.stringify({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'team-b' },
      spec: {
        replicas: 2, selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { nodeSelector: { no: 'such-node' }, containers: [{ name: 'x', image: 'x' }] },
        },
      },
    }),
  });
  const stuck = page.getByRole('table', { name: 'Workloads not ready' }).getByRole('row', { name: new RegExp(name) });
  await stuck.waitFor({ timeout: 3000 });
  kubectl(['delete', 'deployment', name, '-n', 'team-b', '--wait=false']);
  await stuck.waitFor({ state: 'detached', timeout: 3000 });
  await page.close();
});

test('global search (Ctrl+K) jumps to a deployment', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods?ns=team-a` });
  await page.getByRole('grid', { name: 'Pods' }).waitFor({ timeout: 10000 });
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: 'Search objects' });
  await box.waitFor();
  await box.fill('api');
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await eventually(async () => (await first.getAttribute('aria-label')) === 'Deployment team-b/api', { timeout: 10000, what: 'the api deployment first' });
  await screenshot(page, 'search');
  await box.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'api' }).waitFor({ timeout: 10000 });
  assert.equal(await page.evaluate(() => location.hash), `#/c/${C}/r/apps/v1/deployments/team-b/api`);
  // "/" opens it too, when not typing in a field.
  await page.keyboard.press('/');
  await box.waitFor();
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });
  await page.close();
});

test('a label selector filter app=web shows only the web pods (sent to the server)', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods` });
  const table = page.getByRole('grid', { name: 'Pods' });
  await table.getByRole('row').nth(1).waitFor({ timeout: 10000 });
  const streams = [];
  onStreamOpen(page, (u) => u.pathname === '/api/stream/list' && streams.push(u));
  await page.getByRole('searchbox', { name: 'Filter' }).fill('app=web');
  await page.getByRole('status', { name: 'Filter mode: Label selector' }).waitFor();
  const want = get(['pods', '-A', '-l', 'app=web']).map((r) => r[1]);
  await eventually(async () => {
    const names = (await table.getByRole('row').allInnerTexts()).slice(1).map((t) => t.split(/\s+/)[1]);
    return names.length === want.length && want.every((n) => names.includes(n));
  }, { timeout: 5000, what: 'only web pods' });
  assert.ok(streams.some((u) => u.searchParams.get('labelSelector') === 'app=web'), 'the selector went to the server');
  await screenshot(page, 'label-filter');
  await page.getByRole('searchbox', { name: 'Filter' }).fill('field:status.phase=Succeeded');
  await page.getByRole('status', { name: 'Filter mode: Field selector' }).waitFor();
  const done = get(['pods', '-A', '--field-selector', 'status.phase=Succeeded']);
  await eventually(async () => (await table.getByRole('row').count()) - 1 === done.length, { timeout: 5000, what: 'succeeded pods' });
  await page.close();
});

test('an object deleted while its details are open says so', async () => {
  const name = `e2e-gone-${Date.now()}`;
  kubectl(['create', 'configmap', name, '-n', 'team-a', '--from-literal=greeting=hello']);
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/configmaps/team-a/${name}` });
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10000 });
  await page.getByText('hello', { exact: true }).waitFor();
  kubectl(['delete', 'configmap', name, '-n', 'team-a', '--wait=false']);
  await page.getByRole('heading', { name: 'This object was deleted' }).waitFor({ timeout: 5000 });
  await screenshot(page, 'object-deleted');
  await page.close();
});

test('kinds the user may not list are marked in the sidebar with the missing permission', async () => {
  const viewer = encodeURIComponent(cluster().contexts.viewer);
  const page = await openApp(browser, serve, { hash: `#/c/${viewer}/r/core/v1/pods?ns=team-a` });
  const nav = page.getByRole('navigation', { name: 'Resources' });
  await nav.getByRole('link', { name: /^Nodes \(not allowed: needs: list nodes cluster-wide\)$/ }).waitFor({ timeout: 10000 });
  // What the viewer may list stays plain.
  assert.equal(await nav.getByRole('link', { name: 'Pods', exact: true }).count(), 1);
  await screenshot(page, 'sidebar-forbidden-viewer');
  await page.close();
});

test('several namespaces at once: typed as a list, rows from each, with their namespace', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/apps/v1/deployments?ns=team-a` });
  await page.getByRole('grid', { name: 'Deployments' }).waitFor({ timeout: 10000 });
  await page.getByRole('button', { name: /^Namespace:/ }).click();
  await page.getByRole('combobox', { name: 'Search namespaces' }).fill('team-a, team-b');
  await page.getByRole('option', { name: /Namespaces team-a, team-b/ }).click();
  const table = page.getByRole('grid', { name: 'Deployments' });
  const want = ['team-a', 'team-b'].flatMap((ns) => get(['deployments', '-n', ns]).map((r) => [ns, r[0]]));
  await eventually(async () => (await table.getByRole('row').count()) - 1 === want.length, { timeout: 10000, what: `${want.length} deployments` });
  // A row's name starts with its namespace and name ("team-b api 2/2 ..."): team-a's shop-api is not team-b's api.
  for (const [ns, name] of want) await table.getByRole('row', { name: new RegExp(`^${ns} ${name} `) }).waitFor();
  assert.equal(await table.getByRole('columnheader', { name: 'Namespace', exact: true }).count(), 1);
  assert.match(page.url(), /ns=team-a(%2C|,)team-b/);
  await page.close();
});
