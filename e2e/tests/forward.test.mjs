// Issue 6, port-forwards: from a pod and from a service, through the real
// API server to kwok's forward target (a local HTTP page devcluster serves).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

const C = encodeURIComponent(cluster().contexts.admin);
const TARGET = 'hello from kubedeck (port-forward target)';
let serve;
let browser;
let pod;

before(async () => {
  serve = await startServe();
  browser = await launch();
  pod = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

async function fetchText(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return res.text();
}

async function forwardTab(page, path) {
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/${path}`);
  await page.getByRole('tab', { name: 'Port-forward' }).click({ timeout: 15000 });
  const form = page.getByRole('form', { name: 'Start a port-forward' });
  await form.waitFor();
  return form;
}

async function start(page, form, { port, local = '' } = {}) {
  if (port) await form.getByRole('combobox', { name: /port$/ }).fill(port);
  await form.getByRole('textbox', { name: 'Local port' }).fill(local);
  await form.getByRole('button', { name: 'Start port-forward' }).click();
}

test('a pod port-forward reaches the target through the API server, survives navigation, stops', async () => {
  const page = await openApp(browser, serve);
  const form = await forwardTab(page, `pods/team-a/${pod}`);
  const chips = page.getByRole('list', { name: 'Declared ports' });
  assert.equal(await chips.getByRole('button').first().innerText(), '80 (http) · TCP · container nginx');
  await start(page, form);
  const ok = page.getByText(/^Forwarding http:\/\/127\.0\.0\.1:\d+\/ → /);
  await ok.waitFor({ timeout: 15000 });
  const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(await ok.innerText())[1];
  assert.match(await ok.innerText(), new RegExp(`→ ${pod}:80$`));
  assert.match(await fetchText(url), new RegExp(TARGET.replace(/[()]/g, '\\$&')));

  const dock = page.getByRole('region', { name: 'Terminals and port-forwards' });
  await dock.getByRole('tab', { name: 'Port-forwards (1)' }).click();
  const table = dock.getByRole('table', { name: 'Port-forwards' });
  await table.getByRole('row', { name: new RegExp(`pod/${pod}`) }).waitFor();
  await screenshot(page, 'forward-pod-dark');

  // Forwards survive navigation.
  await page.getByRole('link', { name: 'Services' }).first().click();
  await page.getByRole('grid', { name: 'Services' }).waitFor();
  assert.equal(await table.getByRole('row').count(), 2);
  assert.match(await fetchText(url), /port-forward target/);

  const [popup] = await Promise.all([page.context().waitForEvent('page'), table.getByRole('button', { name: `Open ${url}` }).click()]);
  await popup.waitForLoadState();
  assert.match(await popup.locator('body').innerText(), /port-forward target/);
  await popup.close();

  await table.getByRole('button', { name: new RegExp(`^Stop forward pod/${pod}`) }).click();
  await eventually(async () => (await table.getByRole('row', { name: new RegExp(`pod/${pod}`) }).count()) === 0, { what: 'the forward is gone from the list' });
  await assert.rejects(fetchText(url), 'the local port is closed');
  await page.close();
});

test('a service forward picks a ready pod and maps the service port', async () => {
  const page = await openApp(browser, serve, { colorScheme: 'light' });
  const form = await forwardTab(page, 'services/team-a/web');
  await start(page, form, { port: '80' });
  const ok = page.getByText(/^Forwarding http:\/\/127\.0\.0\.1:\d+\/ → /);
  await ok.waitFor({ timeout: 15000 });
  const pods = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
  const [, url, target] = /(http:\/\/127\.0\.0\.1:\d+\/) → (\S+):80$/.exec(await ok.innerText());
  assert.ok(pods.includes(target), `${target} is a pod of the service`);
  assert.match(await fetchText(url), /port-forward target/);
  await screenshot(page, 'forward-service-light');
  await page.getByRole('table', { name: 'Port-forwards of web' }).getByRole('button', { name: /^Stop forward service\/web/ }).click();
  await page.close();
});

test('a busy local port and a pod that goes away give clear messages', async () => {
  const busy = createServer();
  await new Promise((r) => busy.listen(0, '127.0.0.1', r));
  const port = busy.address().port;
  const page = await openApp(browser, serve);
  let form = await forwardTab(page, `pods/team-a/${pod}`);
  await start(page, form, { local: String(port) });
  await eventually(async () => (await page.getByRole('alert').filter({ hasText: 'in use' }).innerText()).includes(`local port ${port} is in use`), { timeout: 15000, what: 'port in use' });
  busy.close();

  await form.getByRole('textbox', { name: 'Local port' }).fill('99999');
  assert.equal(await form.getByRole('button', { name: 'Start port-forward' }).isDisabled(), true, 'an impossible port cannot be sent');

  const victim = `pf-victim-${Date.now() % 100000}`;
  kubectl(['apply', '-f', '-'], {
    input: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: victim, namespace: 'team-a' }, spec: { nodeName: 'kwok-node-1', containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }] } }),
  });
  await eventually(() => kubectl(['get', 'pod', victim, '-n', 'team-a', '-o', 'jsonpath={.status.phase}']) === 'Running', { timeout: 20000, what: 'victim running' });
  form = await forwardTab(page, `pods/team-a/${victim}`);
  await start(page, form);
  await page.getByText(/^Forwarding /).waitFor({ timeout: 15000 });
  kubectl(['delete', 'pod', victim, '-n', 'team-a', '--wait=false']);
  const dock = page.getByRole('region', { name: 'Terminals and port-forwards' });
  await dock.getByRole('tab', { name: /^Port-forwards/ }).click();
  const row = dock.getByRole('table', { name: 'Port-forwards' }).getByRole('row', { name: new RegExp(`pod/${victim}`) });
  await eventually(async () => (await row.innerText()).includes(`pod ${victim} went away`), { timeout: 15000, what: 'pod gone message' });
  await screenshot(page, 'forward-gone-dark');
  await row.getByRole('button', { name: /^Remove forward/ }).click();
  await eventually(async () => (await row.count()) === 0, { what: 'removed' });
  await page.close();
});
