// Issue 7, plugins, as a user meets them: the example plugins copied into
// the config folder wait for approval (name, version, path, content hash and
// the capabilities they ask for shown, each with a checkbox), then, running in
// their sandboxed frames (issue 13), their sidebar entry, page, list column and
// details section show the cluster's data (kubectl is the oracle). A plugin that does not
// parse and one that throws while rendering are reported while the rest
// works; disabling removes contributions; a changed plugin asks again;
// paths out of a plugin folder are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { cluster, kubectl, root, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { pluginHash } from './plugins-lib.mjs';

const ADMIN = cluster().contexts.admin;
const C = encodeURIComponent(ADMIN);
const EXAMPLES = ['node-taints', 'pod-restarts', 'workload-images'];
const TAINT = 'e2e-plugins';
let serve;
let browser;
let page;
let pluginsDir;
let node;

function writePlugin(id, main, capabilities = undefined) {
  mkdirSync(path.join(pluginsDir, id), { recursive: true });
  writeFileSync(path.join(pluginsDir, id, 'package.json'), JSON.stringify({ name: id, version: '0.0.1', main: 'main.js', kubedeck: { apiVersion: 1, capabilities } }));
  writeFileSync(path.join(pluginsDir, id, 'main.js'), main);
}

before(async () => {
  serve = await startServe();
  pluginsDir = path.join(serve.configHome, 'kubedeck', 'plugins');
  for (const id of EXAMPLES) cpSync(path.join(root, 'plugins', id), path.join(pluginsDir, id), { recursive: true });
  writePlugin('syntax-error', 'export default function activate(kd) { kd.registerSidebarEntry({ label: "Never", path: "never" }\n');
  writePlugin(
    'render-crash',
    `export default function activate(kd) {
  kd.registerDetailsSection({ kind: { group: '', resource: 'pods' }, title: 'Crashing', component: () => { throw new Error('kaboom while rendering'); } });
}\n`,
    // A section of pods receives the pod: the plugin must be allowed to read pods for it to be shown at all.
    { read: ['pods'] },
  );
  // Top-level await that never settles: the module never finishes loading.
  writePlugin('never-loads', 'await new Promise(() => {});\nexport default function activate() {}\n');
  node = kubectl(['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.name}']);
  kubectl(['taint', 'nodes', node, `${TAINT}=first:NoSchedule`]);
  browser = await launch();
  page = await openApp(browser, serve, { hash: `#/c/${C}/plugins` });
});

after(async () => {
  try {
    kubectl(['taint', 'nodes', '--all', `${TAINT}-`]);
  } catch {
    // not tainted any more
  }
  await browser?.close();
  await serve?.stop();
});

const card = (name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}\\b`) }) });
const stateOf = async (name) => (await card(name).locator('.plugin-state').innerText()).trim();

/** The kinds a plugin's package.json asks to read. */
const readsOf = (name) => JSON.parse(readFileSync(path.join(pluginsDir, name, 'package.json'), 'utf8')).kubedeck?.capabilities?.read ?? [];

async function approve(name) {
  await page.getByRole('button', { name: `Review and approve ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Approve the plugin “${name}”?` });
  await dialog.waitFor();
  const text = await dialog.innerText();
  assert.match(text, new RegExp(`Version\\s+${EXAMPLES.includes(name) ? '1\\.0\\.0' : '0\\.0\\.1'}`));
  assert.ok(text.includes(path.join(pluginsDir, name)), `the dialog shows the path: ${text}`);
  assert.ok(text.includes(pluginHash(path.join(pluginsDir, name))), `the dialog shows the content hash: ${text}`);
  // Each capability asked for, in plain words, ticked (the examples only read).
  for (const kind of readsOf(name)) assert.equal(await dialog.getByRole('checkbox', { name: `Read ${kind}` }).isChecked(), true, `${name}: Read ${kind}`);
  assert.equal(await dialog.getByRole('checkbox').count(), readsOf(name).length, `${name}: one checkbox per capability`);
  await dialog.getByRole('button', { name: 'Approve and run' }).click();
}

/** The document of a plugin's view frame (its title is "<plugin>: <view>"). */
const frameOf = (p, plugin, view) => p.frameLocator(`iframe[title="${plugin}: ${view}"]`);

test('found plugins wait for approval; approving shows name, version, path and hash, then they run', async () => {
  await eventually(async () => (await page.locator('.plugin-card').count()) === 6, { timeout: 15000, what: 'six plugins listed' });
  for (const id of [...EXAMPLES, 'never-loads', 'render-crash', 'syntax-error']) assert.equal(await stateOf(id), 'Waiting for approval', id);
  // Nothing runs before approval: no frame, and the files are not served.
  const res = await page.evaluate(async () => (await fetch('/api/plugins/node-taints/main.js')).status);
  assert.notEqual(res, 200);
  assert.equal(await page.locator('iframe').count(), 0);
  await screenshot(page, 'plugins-waiting');
  for (const id of [...EXAMPLES, 'never-loads', 'render-crash', 'syntax-error']) await approve(id);
  for (const id of EXAMPLES) await eventually(async () => (await stateOf(id)) === 'Running', { timeout: 15000, what: `${id} running` });
  await eventually(async () => (await stateOf('syntax-error')) === 'Failed', { timeout: 15000, what: 'syntax-error failed' });
  const err = await card('syntax-error').getByRole('alert').innerText();
  assert.match(err, /load|SyntaxError|Unexpected/i);
  // Every running plugin lives in a sandboxed frame (scripts only), none in the page.
  const sandboxes = await page.locator('iframe').evaluateAll((fs) => fs.map((f) => f.getAttribute('sandbox')));
  assert.ok(sandboxes.length >= EXAMPLES.length, `background frames: ${sandboxes.length}`);
  assert.ok(sandboxes.every((v) => v === 'allow-scripts'), JSON.stringify(sandboxes));
  // What was granted shows on the card.
  assert.match(await card('node-taints').innerText(), /Granted\s+Read nodes/);
  await screenshot(page, 'plugins-approved');
});

test('the node taints page (a sidebar entry) lists the nodes and their taints, live', async () => {
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'Node taints' }).click();
  await page.getByRole('heading', { name: 'Node taints', level: 1 }).waitFor();
  const table = frameOf(page, 'node-taints', 'Node taints').getByRole('table', { name: 'Nodes and their taints' });
  const want = () => {
    const nodes = JSON.parse(kubectl(['get', 'nodes', '-o', 'json'])).items;
    return nodes
      .map((n) => `${n.metadata.name}${n.spec.unschedulable ? ' (cordoned)' : ''}\t${(n.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ') || 'none'}`)
      .sort();
  };
  const shown = async () => (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent).join('\t')))).sort();
  await eventually(async () => JSON.stringify(await shown()) === JSON.stringify(want()), { timeout: 10000, what: 'taints as kubectl shows them' });
  assert.ok((await shown()).some((r) => r.includes(`${TAINT}=first:NoSchedule`)));
  kubectl(['taint', 'nodes', node, `${TAINT}-second=x:NoExecute`]);
  await eventually(async () => (await shown()).some((r) => r.includes(`${TAINT}-second=x:NoExecute`)), { timeout: 10000, what: 'a new taint shows up live' });
  assert.deepEqual(await shown(), want());
  await screenshot(page, 'plugins-node-taints');
  // Its requests are attributed to it in the app's log (read from the server's stderr pipe on the event loop).
  const attributed = /plugin request.*plugin=node-taints.*\/api\/stream\/objects/;
  await eventually(() => attributed.test(serve.stderr()), { what: 'the plugin request in the server log' });
  assert.match(serve.stderr(), attributed);
});

/** The pod list as shown: name → the cell of a column. */
async function podColumn(header) {
  return page.getByRole('grid', { name: 'Pods' }).evaluate((t, h) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const col = heads.indexOf(h);
    const name = heads.indexOf('Name');
    if (col < 0) return null;
    return Object.fromEntries([...t.querySelectorAll('tbody tr[data-key]')].map((r) => [r.cells[name].textContent, r.cells[col].textContent]));
  }, header);
}

test('the pod list has a Container restarts column with kubectl’s counts, kept live', async () => {
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods?ns=team-a`);
  const want = () =>
    Object.fromEntries(
      JSON.parse(kubectl(['get', 'pods', '-n', 'team-a', '-o', 'json'])).items.map((p) => {
        const all = [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])];
        return [p.metadata.name, all.length ? String(all.reduce((s, c) => s + c.restartCount, 0)) : ''];
      }),
    );
  const same = (a, b) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());
  await page.getByRole('columnheader', { name: 'Container restarts' }).waitFor({ timeout: 15000 });
  await eventually(async () => same(await podColumn('Container restarts'), want()), { timeout: 10000, what: 'restarts as kubectl counts them' });
  assert.ok(Object.keys(want()).length > 0);
  // Containers restart (the status says so): the column follows.
  const pod = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
  kubectl(['patch', 'pod', '-n', 'team-a', pod, '--subresource=status', '--type=json', '-p',
    '[{"op":"replace","path":"/status/containerStatuses/0/restartCount","value":3},{"op":"replace","path":"/status/containerStatuses/1/restartCount","value":2}]']);
  assert.equal(want()[pod], '5');
  await eventually(async () => (await podColumn('Container restarts'))?.[pod] === '5', { timeout: 10000, what: 'the new count' });
  assert.ok(same(await podColumn('Container restarts'), want()));
  await screenshot(page, 'plugins-restarts-column');
});

test('a workload’s details show its images and registries; a plugin that throws while rendering fails alone', async () => {
  await page.goto(`${serve.base}/#/c/${C}/r/apps/v1/deployments/team-b/api`);
  const region = page.getByRole('region', { name: /^Images/ });
  await region.waitFor({ timeout: 15000 });
  const section = frameOf(page, 'workload-images', 'Images').locator('body');
  await section.locator('tbody tr').first().waitFor({ timeout: 15000 });
  const images = kubectl(['get', 'deployment', 'api', '-n', 'team-b', '-o', 'jsonpath={range .spec.template.spec.containers[*]}{.name}={.image}{"\\n"}{end}']).trim().split('\n');
  const rows = await section.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(rows, images.map((l) => { const [n, i] = l.split('='); return [n, i, i.split('/')[0]]; }));
  assert.equal(rows[0][2], 'ghcr.io');
  await screenshot(page, 'plugins-images-section');

  // A pod's details: the crashing section fails its plugin, the Images section keeps working.
  const pod = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods/team-a/${pod}`);
  await page.getByRole('region', { name: /^Images/ }).waitFor({ timeout: 15000 });
  const podImages = frameOf(page, 'workload-images', 'Images').locator('body');
  await podImages.locator('tbody tr').first().waitFor({ timeout: 15000 });
  assert.match(await podImages.innerText(), /nginx:1\.27\s+docker\.io/);
  // The crashing section's frame reports its failure: the plugin fails, its section goes away.
  // (It is there first: without read of pods it would never be shown, and this would prove nothing.)
  await eventually(async () => (await page.getByRole('region', { name: /^Crashing/ }).count()) === 0, { timeout: 15000, what: 'the crashing section gone' });
  assert.match(await podImages.innerText(), /nginx:1\.27\s+docker\.io/);
  await page.goto(`${serve.base}/#/c/${C}/plugins`);
  await eventually(async () => (await stateOf('render-crash')) === 'Failed', { timeout: 10000, what: 'render-crash failed' });
  assert.match(await card('render-crash').getByRole('alert').innerText(), /kaboom while rendering/);
  for (const id of EXAMPLES) assert.equal(await stateOf(id), 'Running', id);
  // The one that never finishes loading fails after the load timeout (10 s).
  await eventually(async () => (await stateOf('never-loads')) === 'Failed', { timeout: 20000, what: 'never-loads failed' });
  assert.match(await card('never-loads').getByRole('alert').innerText(), /did not finish within 10 s/);
  await screenshot(page, 'plugins-failed');
});

test('disabling a plugin removes its contributions; enabling brings them back', async () => {
  await card('pod-restarts').getByRole('button', { name: 'Disable pod-restarts' }).click();
  await card('node-taints').getByRole('button', { name: 'Disable node-taints' }).click();
  await eventually(async () => (await stateOf('node-taints')) === 'Disabled', { what: 'node-taints disabled' });
  const nav = page.getByRole('navigation', { name: 'Resources' });
  assert.equal(await nav.getByRole('link', { name: 'Node taints' }).count(), 0);
  assert.notEqual(await page.evaluate(async () => (await fetch('/api/plugins/node-taints/main.js')).status), 200);
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods?ns=team-a`);
  await page.getByRole('columnheader', { name: 'Name' }).waitFor({ timeout: 15000 });
  assert.equal(await page.getByRole('columnheader', { name: 'Container restarts' }).count(), 0);
  await page.goto(`${serve.base}/#/c/${C}/p/node-taints/nodes`);
  await page.getByRole('alert').filter({ hasText: 'is disabled' }).waitFor();
  await page.goto(`${serve.base}/#/c/${C}/plugins`);
  await card('node-taints').getByRole('button', { name: 'Enable node-taints' }).click();
  await nav.getByRole('link', { name: 'Node taints' }).waitFor({ timeout: 10000 });
});

test('a changed plugin asks for approval again (and stops running until approved)', async () => {
  await page.goto(`${serve.base}/#/c/${C}/plugins`);
  assert.equal(await stateOf('workload-images'), 'Running');
  appendFileSync(path.join(pluginsDir, 'workload-images', 'main.js'), '\n// changed on disk\n');
  await eventually(async () => (await stateOf('workload-images')) === 'Waiting for approval', { timeout: 10000, what: 'approval asked again' });
  assert.notEqual(await page.evaluate(async () => (await fetch('/api/plugins/workload-images/main.js')).status), 200);
  await approve('workload-images');
  await eventually(async () => (await stateOf('workload-images')) === 'Running', { timeout: 10000, what: 'running the new version' });
});

/** A raw GET (no URL normalisation) with the browser's session cookie. */
async function rawGet(pathname) {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const u = new URL(serve.base);
  return new Promise((resolve, reject) => {
    http
      .get({ host: u.hostname, port: u.port, path: pathname, headers: { cookie } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });
}

test('paths out of a plugin folder are refused: ../ and a symlink, which stops the plugin until it is removed', async () => {
  const secret = 'outside-the-plugin-folder-' + Date.now();
  const leak = path.join(pluginsDir, 'node-taints', 'leak.txt');
  writeFileSync(path.join(serve.configHome, 'kubedeck', 'outside.txt'), secret);
  const ok = await rawGet('/api/plugins/node-taints/package.json');
  assert.equal(ok.status, 200, 'an approved plugin file is served');
  symlinkSync(path.join(serve.configHome, 'kubedeck', 'outside.txt'), leak);
  for (const p of [
    '/api/plugins/node-taints/../../outside.txt',
    '/api/plugins/node-taints/..%2f..%2foutside.txt',
    '/api/plugins/node-taints/%2e%2e/%2e%2e/outside.txt',
    '/api/plugins/node-taints/leak.txt',
  ]) {
    const r = await rawGet(p);
    assert.notEqual(r.status, 200, `${p} answered 200`);
    assert.ok(!r.body.includes(secret), `${p} leaked the file`);
  }
  // A symlink in a plugin folder stops the plugin, and its card says why.
  await eventually(async () => (await stateOf('node-taints')) === 'Cannot be loaded', { timeout: 10000, what: 'node-taints refused' });
  assert.match(await card('node-taints').getByRole('alert').innerText(), /leak\.txt is a symbolic link/);
  assert.equal((await rawGet('/api/plugins/node-taints/package.json')).status, 403);
  // Removed, the folder is the approved one again: it runs without asking.
  unlinkSync(leak);
  await eventually(async () => (await stateOf('node-taints')) === 'Running', { timeout: 10000, what: 'node-taints running again' });
});

test('the Plugins page in the light theme', async () => {
  const light = await openApp(browser, serve, { colorScheme: 'light', hash: `#/c/${C}/plugins` });
  await eventually(async () => (await light.locator('.plugin-card').count()) === 6, { timeout: 15000, what: 'plugins listed' });
  await light.getByRole('button', { name: 'Review and approve' }).count();
  await screenshot(light, 'plugins-light');
  await light.goto(`${serve.base}/#/c/${C}/p/node-taints/nodes`);
  await frameOf(light, 'node-taints', 'Node taints').getByRole('table', { name: 'Nodes and their taints' }).waitFor({ timeout: 15000 });
  await screenshot(light, 'plugins-node-taints-light');
  await light.context().close();
});
