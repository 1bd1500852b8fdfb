// Issue 13, the plugin sandbox, tried as an attacker would: hostile plugins,
// each approved by the user, try to reach what the app's page can (its API:
// RevealSecret, SetReadOnly, ApprovePlugin, AddKubeconfig; the Wails bindings;
// the host DOM; the app's cookies and storage; top navigation), to write a
// kind they did not declare, to read a Secret without the grant, to call an
// origin they did not declare, to flood the RPC and to hang in a busy loop.
// Every attempt is refused, the refusal is shown to the user (the plugin's
// card, the notice), and the app is unaffected (kubectl and the app's own
// API are the oracle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { pluginHash } from './plugins-lib.mjs';

const ADMIN = cluster().contexts.admin;
const C = encodeURIComponent(ADMIN);
const SECRET_VALUE = 'demo-api-key-123'; // team-a/web-secret API_KEY (devcluster/seed/demo.yaml)
const PWNED = path.join(tmpdir(), `kubedeck-e2e-pwned-${process.pid}`);
let serve;
let browser;
let page;
let pluginsDir;
let bait; // a local server standing for an origin no plugin declared
let baitHits = 0;

function writePlugin(id, capabilities, main) {
  mkdirSync(path.join(pluginsDir, id), { recursive: true });
  writeFileSync(
    path.join(pluginsDir, id, 'package.json'),
    JSON.stringify({ name: id, version: '0.0.1', main: 'main.js', type: 'module', kubedeck: { apiVersion: 1, capabilities } }),
  );
  writeFileSync(path.join(pluginsDir, id, 'main.js'), main);
}

/** The hostile plugin: a page that makes every attempt on mount and lists the outcomes. */
function hostileMain({ baitUrl, bystanderHash }) {
  const kubeconfig = [
    'apiVersion: v1', 'kind: Config', 'current-context: pwned',
    'clusters: [{name: pwned, cluster: {server: "https://127.0.0.1:1"}}]',
    'contexts: [{name: pwned, context: {cluster: pwned, user: pwned}}]',
    `users: [{name: pwned, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: touch, args: [${JSON.stringify(PWNED)}]}}}]`,
  ].join('\n');
  return `
const ADMIN = ${JSON.stringify(ADMIN)};
const post = (method, args) => fetch('/api/call/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
const reached = async (p) => {
  try {
    const r = await p;
    return r.ok ? 'ALLOWED ' + (await r.text()).slice(0, 200) : 'refused (HTTP ' + r.status + ')';
  } catch (e) {
    return 'refused (' + e.name + ')';
  }
};
const sync = (fn) => {
  try {
    const v = fn();
    return v === undefined || v === '' || v === null ? 'refused (nothing there)' : 'ALLOWED ' + String(v).slice(0, 200);
  } catch (e) {
    return 'refused (' + e.name + ')';
  }
};
const rejected = async (p) => {
  try {
    const v = await p;
    return 'ALLOWED ' + JSON.stringify(v).slice(0, 200);
  } catch (e) {
    return e && e.refused ? 'refused (' + e.message + ')' : 'failed, not refused (' + (e && e.message) + ')';
  }
};

const attempts = (client) => [
  ['RevealSecret', () => reached(post('RevealSecret', [ADMIN, 'team-a', 'web-secret', 'API_KEY']))],
  ['SetReadOnly', () => reached(post('SetReadOnly', [ADMIN, false]))],
  ['ApprovePlugin', () => reached(post('ApprovePlugin', ['bystander', ${JSON.stringify(bystanderHash)}]))],
  ['AddKubeconfig', () => reached(post('AddKubeconfig', [${JSON.stringify(kubeconfig)}, 'yes']))],
  ['window.go', () => sync(() => window.go)],
  ['window.webkit', () => sync(() => window.webkit && window.webkit.messageHandlers)],
  ['parent.document', () => sync(() => parent.document.title)],
  ['document.cookie', () => sync(() => document.cookie)],
  ['localStorage', () => sync(() => localStorage.length + ' keys')],
  ['top.location', () => sync(() => { top.location = 'https://example.com/'; return top.location.href; })],
  ['write configmaps', () => rejected(client.apply('apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: hostile-wrote\\n  namespace: team-a\\ndata: {a: b}\\n'))],
  ['read a Secret', () => rejected(client.get({ group: '', version: 'v1', resource: 'secrets' }, 'web-secret', { namespace: 'team-a' }))],
  ['undeclared origin (fetch)', () => reached(fetch(${JSON.stringify(baitUrl)} + '/fetch'))],
  ['undeclared origin (image)', () => new Promise((done) => {
    const img = new Image();
    img.onload = () => done('ALLOWED image loaded');
    img.onerror = () => done('refused (image blocked)');
    img.src = ${JSON.stringify(baitUrl)} + '/image';
  })],
];

export default function activate(kd) {
  const h = kd.React.createElement;
  function Attempts({ client }) {
    const [rows, setRows] = kd.React.useState([]);
    kd.React.useEffect(() => {
      let live = true;
      (async () => {
        const out = [];
        for (const [name, run] of attempts(client)) {
          out.push([name, await run()]);
          if (live) setRows([...out]);
        }
      })();
      return () => { live = false; };
    }, [client]);
    return h('table', { 'aria-label': 'Attempts' }, h('tbody', null, rows.map(([name, outcome]) => h('tr', { key: name, 'data-attempt': name }, h('td', null, name), h('td', null, outcome)))));
  }
  kd.registerRoute({ path: 'attempts', title: 'Attempts', component: Attempts });
  kd.registerSidebarEntry({ label: 'Attempts', path: 'attempts' });
}
`;
}

before(async () => {
  bait = http.createServer((req, res) => {
    baitHits++;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('leaked');
  });
  await new Promise((r) => bait.listen(0, '127.0.0.1', r));
  const baitUrl = `http://127.0.0.1:${bait.address().port}`;
  serve = await startServe();
  pluginsDir = path.join(serve.configHome, 'kubedeck', 'plugins');
  writePlugin('bystander', {}, 'export default function activate() {}\n');
  writePlugin('hostile', { read: ['pods'] }, hostileMain({ baitUrl, bystanderHash: pluginHash(path.join(pluginsDir, 'bystander')) }));
  writePlugin(
    'flooder',
    { read: ['pods'] },
    `export default function activate(kd) {
  kd.registerAppBarAction({ label: 'Flood', run: async ({ client }) => {
    const pods = { group: '', version: 'v1', resource: 'pods' };
    await Promise.allSettled(Array.from({ length: 300 }, () => client.list(pods, { namespace: 'team-a' })));
  } });
}\n`,
  );
  // Registers, then spins forever in its background frame.
  writePlugin('busy', {}, `export default function activate(kd) {
  kd.registerSidebarEntry({ label: 'Busy', path: 'busy' });
  kd.registerRoute({ path: 'busy', title: 'Busy', component: () => null });
  setTimeout(() => { for (;;) {} }, 1500);
}\n`);
  browser = await launch();
  page = await openApp(browser, serve, { hash: `#/c/${C}/plugins` });
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  await new Promise((r) => bait?.close(r));
});

const card = (name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}\\b`) }) });
const stateOf = async (name) => (await card(name).locator('.plugin-state').innerText()).trim();
/** The app's own API, from the app's page (which holds the session). */
const appCall = (method, args) =>
  page.evaluate(
    async ([m, a]) => {
      const r = await fetch(`/api/call/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) });
      return r.json();
    },
    [method, args],
  );

async function approve(name) {
  await page.getByRole('button', { name: `Review and approve ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Approve the plugin “${name}”?` });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Approve and run' }).click();
  await eventually(async () => (await stateOf(name)) === 'Running', { timeout: 15000, what: `${name} running` });
}

test('hostile plugins are approved with what they declared, and run in sandboxed frames', async () => {
  await eventually(async () => (await page.locator('.plugin-card').count()) === 4, { timeout: 15000, what: 'four plugins listed' });
  await appCall('SetReadOnly', [ADMIN, true]);
  await page.getByRole('button', { name: 'Review and approve hostile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve the plugin “hostile”?' });
  assert.deepEqual(await dialog.getByRole('checkbox').evaluateAll((bs) => bs.map((b) => [b.closest('label').textContent, b.checked])), [['Read pods', true]]);
  await screenshot(page, 'plugins-sandbox-approve');
  await dialog.getByRole('button', { name: 'Approve and run' }).click();
  await eventually(async () => (await stateOf('hostile')) === 'Running', { timeout: 15000, what: 'hostile running' });
  await approve('flooder');
  await approve('busy');
  const frames = await page.locator('iframe').evaluateAll((fs) => fs.map((f) => [f.getAttribute('sandbox'), new URL(f.src).pathname.startsWith('/plugin-frame/')]));
  assert.ok(frames.length >= 3, JSON.stringify(frames));
  for (const f of frames) assert.deepEqual(f, ['allow-scripts', true]);
});

test('every attempt of the hostile plugin is refused, and the app is unaffected', async () => {
  await page.goto(`${serve.base}/#/c/${C}/p/hostile/attempts`);
  const table = page.frameLocator('iframe[title="hostile: Attempts"]').getByRole('table', { name: 'Attempts' });
  await eventually(async () => (await table.locator('tr').count()) === 14, { timeout: 30000, what: 'all 14 attempts made' });
  const rows = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
  for (const [name, outcome] of rows) assert.match(outcome, /^refused/, `${name}: ${outcome}`);
  const text = rows.map((r) => r.join(' ')).join('\n');
  assert.ok(!text.includes(SECRET_VALUE), 'no Secret value reached the plugin');
  await screenshot(page, 'plugins-sandbox-refused');

  // Nothing happened: the app is where it was, the context still read-only, the bystander still waiting,
  // no kubeconfig added (its exec never ran), nothing written, the undeclared origin never asked.
  assert.ok(page.url().startsWith(serve.base), page.url());
  assert.equal((await appCall('Preferences', [])).contexts?.[ADMIN]?.readOnly, true);
  const plugins = await appCall('Plugins', []);
  assert.equal(plugins.find((p) => p.id === 'bystander')?.state, 'waiting-approval');
  const contexts = (await appCall('Contexts', [])).contexts ?? [];
  assert.ok(contexts.length > 0 && !contexts.some((c) => c.name === 'pwned'), 'no pwned context');
  assert.equal(existsSync(PWNED), false, 'the kubeconfig exec never ran');
  assert.throws(() => kubectl(['get', 'configmap', 'hostile-wrote', '-n', 'team-a']), /NotFound|not found/);
  assert.equal(baitHits, 0, 'the undeclared origin was never reached');

  // The refusals are shown: a notice now, and the plugin's card.
  await page.getByRole('alert').filter({ hasText: /hostile: Refused/ }).first().waitFor({ timeout: 10000 });
  await page.goto(`${serve.base}/#/c/${C}/plugins`);
  const refused = card('hostile').getByRole('list', { name: 'Requests refused to hostile' });
  await refused.waitFor({ timeout: 10000 });
  const list = await refused.innerText();
  assert.match(list, /Refused: read secrets \(not granted\)/);
  assert.match(list, /Refused: write configmaps \(not granted\)/);
  assert.match(list, /blocked by the browser/);
  await screenshot(page, 'plugins-sandbox-card');
  // The app keeps working: the pod list renders.
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods?ns=team-a`);
  await page.getByRole('grid', { name: 'Pods' }).locator('tbody tr[data-key]').first().waitFor({ timeout: 15000 });
});

test('a flood of calls is rate-limited and reported; the app keeps answering', async () => {
  await appCall('SetReadOnly', [ADMIN, false]);
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods?ns=team-a`);
  await page.getByRole('group', { name: 'Plugin actions' }).getByRole('button', { name: 'Flood' }).click();
  await page.getByRole('alert').filter({ hasText: /flooder: Refused: .*too many requests/ }).first().waitFor({ timeout: 15000 });
  await page.getByRole('grid', { name: 'Pods' }).locator('tbody tr[data-key]').first().waitFor({ timeout: 15000 });
  await page.goto(`${serve.base}/#/c/${C}/plugins`);
  const list = await card('flooder').getByRole('list', { name: 'Requests refused to flooder' }).innerText();
  assert.match(list, /too many requests\) \(\d+ times\)/);
});

test('a plugin in a busy loop is shown not responding and can be disabled; the rest keeps working', async () => {
  await page.goto(`${serve.base}/#/c/${C}/plugins`);
  await card('busy').getByRole('alert').filter({ hasText: 'Not responding' }).waitFor({ timeout: 20000 });
  // The page answers while the frame spins (plugin frames run in their own process): the button works.
  // No screenshot here: Chromium waits for a compositor frame from every frame process, and the one the
  // plugin frames share keeps spinning (a known limit, plugins/README.md).
  await card('busy').getByRole('button', { name: 'Disable busy' }).click();
  await eventually(async () => (await stateOf('busy')) === 'Disabled', { timeout: 10000, what: 'busy disabled' });
  assert.equal(await stateOf('hostile'), 'Running');
  assert.equal(await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'Busy' }).count(), 0);
  // The app itself keeps working: another view loads its rows.
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods?ns=team-a`);
  await page.getByRole('grid', { name: 'Pods' }).locator('tbody tr[data-key]').first().waitFor({ timeout: 15000 });
});
