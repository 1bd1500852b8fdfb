// Issue 7, developing a plugin: a plugin in the development folder
// (--plugins-dev) is approved once, then reloads on every save without
// restarting the app or asking again. Its app-bar action writes to the
// cluster through the plugin client (kubectl is the oracle, the app's log
// names the plugin), with a value from its settings page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

const C = encodeURIComponent(cluster().contexts.admin);
let serve;
let browser;
let page;
let devDir;

const main = (text) => `export default function activate(kd) {
  const h = kd.React.createElement;
  kd.registerRoute({ path: 'hello', title: 'Dev tool', component: () => h('p', null, ${JSON.stringify(text)}) });
  kd.registerSidebarEntry({ label: 'Dev tool', path: 'hello' });
  kd.registerAppBarAction({
    label: 'Write greeting',
    run: async ({ client }) => {
      const greeting = kd.settings.get('greeting') || 'hello';
      const yaml = 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: from-plugin\\ndata:\\n  greeting: ' + greeting + '\\n';
      const results = await client.apply(yaml, { namespace: 'team-a' });
      const failed = results.filter((r) => r.error);
      if (failed.length) throw new Error(failed.map((r) => r.error).join('; '));
    },
  });
  kd.registerSettingsPage({
    component: ({ settings }) => {
      const [value, setValue] = kd.React.useState(settings.get('greeting') || '');
      return h('label', null, 'Greeting ', h('input', { value, onChange: (e) => { setValue(e.target.value); settings.set('greeting', e.target.value); } }));
    },
  });
}
`;

function writeDevPlugin(text) {
  const dir = path.join(devDir, 'dev-tool');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'dev-tool', version: '0.1.0', main: 'main.js', kubedeck: { apiVersion: 1, capabilities: { write: { configmaps: ['apply'] }, settings: true } } }));
  writeFileSync(path.join(dir, 'main.js'), main(text));
}

before(async () => {
  devDir = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-plugins-dev-'));
  writeDevPlugin('version one');
  serve = await startServe({ args: ['--plugins-dev', devDir] });
  browser = await launch();
  page = await openApp(browser, serve, { hash: `#/c/${C}/plugins` });
});

after(async () => {
  try {
    kubectl(['delete', 'configmap', 'from-plugin', '-n', 'team-a', '--ignore-not-found']);
  } catch {
    // already gone
  }
  await browser?.close();
  await serve?.stop();
});

const card = () => page.locator('.plugin-card').filter({ has: page.getByRole('heading', { name: /^dev-tool/ }) });
const state = async () => (await card().locator('.plugin-state').innerText()).trim();

test('a development plugin is approved once; its settings page and app-bar action write through the plugin client', async () => {
  await card().waitFor({ timeout: 15000 });
  assert.match(await card().innerText(), /dev/);
  assert.ok((await card().innerText()).includes(path.join(devDir, 'dev-tool')));
  await page.getByRole('button', { name: 'Review and approve dev-tool' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve and run' }).click();
  await eventually(async () => (await state()) === 'Running', { timeout: 15000, what: 'running' });

  await page.getByRole('button', { name: 'Settings of dev-tool' }).click();
  // The settings page is the plugin's own: it renders in the plugin's sandboxed frame.
  const settingsFrame = page.getByRole('region', { name: 'Settings of dev-tool' }).frameLocator('iframe[title="dev-tool: Settings"]');
  await settingsFrame.getByLabel('Greeting').fill('hi-from-settings');
  await screenshot(page, 'plugins-dev-settings');

  await page.getByRole('group', { name: 'Plugin actions' }).getByRole('button', { name: 'Write greeting' }).click();
  const greeting = await eventually(
    () => {
      try {
        return kubectl(['get', 'configmap', 'from-plugin', '-n', 'team-a', '-o', 'jsonpath={.data.greeting}']);
      } catch {
        return '';
      }
    },
    { timeout: 10000, what: 'the config map the action applied' },
  );
  assert.equal(greeting, 'hi-from-settings');
  // The server logs the request before serving it, but the test reads its stderr pipe on the event loop,
  // which the synchronous kubectl calls above blocked: the line may still be unread in the pipe.
  const attributed = /plugin request.*plugin=dev-tool.*\/api\/call\/Apply/;
  await eventually(() => attributed.test(serve.stderr()), { what: 'the plugin request in the server log' });
  assert.match(serve.stderr(), attributed);
});

test('saving the development plugin reloads it in the running app, without asking again', async () => {
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'Dev tool' }).click();
  const pageFrame = () => page.frameLocator('iframe[title="dev-tool: Dev tool"]');
  await pageFrame().getByText('version one').waitFor({ timeout: 10000 });
  await page.evaluate(() => {
    window.__notReloaded = true;
  });
  writeDevPlugin('version two');
  await pageFrame().getByText('version two').waitFor({ timeout: 10000 });
  assert.equal(await page.evaluate(() => window.__notReloaded), true, 'the page was not reloaded');
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('link', { name: 'Manage plugins' }).click();
  assert.equal(await state(), 'Running');
  await screenshot(page, 'plugins-dev-reloaded');
});
