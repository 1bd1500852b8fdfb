// Issue 6, terminals: exec into a container in xterm.js, as a user does it.
// The devcluster runs exec commands on this machine (with a TTY in a pty of
// their own session, as a kubelet's runtime does), so a command's output and
// exit show in the terminal, keystrokes reach it, and it ends with its terminal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

const C = encodeURIComponent(cluster().contexts.admin);
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

async function openTerminal(page, command) {
  if (!(await page.getByRole('form', { name: 'Open a terminal' }).isVisible())) {
    await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods/team-a/${pod}`);
    await page.getByRole('tab', { name: 'Terminal' }).click({ timeout: 15000 });
  }
  const form = page.getByRole('form', { name: 'Open a terminal' });
  await form.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  if (command) {
    await form.getByRole('radio', { name: 'Command' }).check();
    await form.getByRole('textbox', { name: 'Command' }).fill(command);
  }
  await form.getByRole('button', { name: 'Open terminal' }).click();
  const dock = page.getByRole('region', { name: 'Terminals and port-forwards' });
  await dock.waitFor();
  return dock;
}

const screen = (dock) => dock.locator('.terminal-view:not([hidden]) .xterm-rows');
const running = (pattern) => {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

test("a command's output and its exit show in the terminal", async () => {
  const page = await openApp(browser, serve);
  // (sleep: the backend forgets a session when its command ends, so output of a
  // command that ends before the output stream connects is lost; see the report.)
  const dock = await openTerminal(page, `sh -c 'echo kubedeck-$((6*7)); pwd; sleep 1; exit 3'`);
  await eventually(async () => (await screen(dock).innerText()).includes('kubedeck-42'), { timeout: 10000, what: 'command output' });
  // kubectl, the oracle: same output, same exit.
  let oracle = '';
  try {
    kubectl(['exec', '-n', 'team-a', pod, '-c', 'nginx', '--', 'sh', '-c', 'echo kubedeck-$((6*7)); pwd; exit 3']);
  } catch (e) {
    oracle = String(e.stdout) + String(e.stderr);
  }
  assert.match(oracle, /kubedeck-42/);
  const dir = /\n(\/\S+)\n/.exec(oracle)?.[1];
  assert.ok(dir && (await screen(dock).innerText()).includes(dir), `pwd is ${dir}`);
  await eventually(async () => /\[Process exited with code 3\]/.test((await screen(dock).innerText()).replace(/\n/g, '')), { timeout: 10000, what: 'exit message' });
  assert.match(await dock.getByRole('status').first().innerText(), /exited with code 3/);
  await screenshot(page, 'terminal-exit-dark');
  await page.close();
});

test('keystrokes and pastes reach the command; copy; closing the tab ends the session on both ends', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.base });
  const page = await context.newPage();
  await page.goto(serve.url);
  const mark = `kd${Date.now()}`;
  const started = page.waitForResponse((r) => r.url().endsWith('/api/call/TerminalStart'));
  const dock = await openTerminal(page, `sh -c 'echo ready-${mark}; cat'`);
  const session = (await (await started).json()).id;
  await eventually(async () => (await screen(dock).innerText()).includes(`ready-${mark}`), { timeout: 10000, what: 'ready' });
  assert.ok(running(`ready-${mark}`), 'the command runs (the devcluster runs it on this machine)');

  await dock.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(`typed-${mark}`);
  await page.keyboard.press('Enter');
  await eventually(async () => (await screen(dock).innerText()).includes(`typed-${mark}`), { what: 'typed text echoed by cat' });

  await page.evaluate((t) => navigator.clipboard.writeText(t), `pasted-${mark}`);
  await dock.getByRole('button', { name: 'Paste' }).click();
  await eventually(async () => (await screen(dock).innerText()).includes(`pasted-${mark}`), { what: 'pasted text' });

  const word = await screen(dock).getByText(`ready-${mark}`).boundingBox();
  await page.mouse.dblclick(word.x + 4, word.y + word.height / 2); // xterm selects the word under the pointer
  await dock.getByRole('button', { name: 'Copy' }).click();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(`ready-${mark}|${mark}`));
  await screenshot(page, 'terminal-input-light');

  await dock.getByRole('button', { name: `Close terminal ${pod}/nginx` }).click();
  assert.equal(await dock.getByRole('tab', { name: `${pod}/nginx` }).count(), 0, 'the tab is gone');
  // The backend closed the exec stream: the session is gone, and the command
  // with it (its terminal hung up), as on a real node.
  const input = () => page.evaluate(async (id) => {
    const r = await fetch('/api/call/TerminalInput', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([id, 'x']) });
    return `${r.status} ${await r.text()}`;
  }, session);
  await eventually(async () => /no terminal session/.test(await input()), { timeout: 5000, what: 'the session closed in the backend' });
  await eventually(() => !running(`ready-${mark}`), { timeout: 5000, what: 'the command ended with its terminal' });
  await context.close();
});

test('several terminals as tabs; the size follows the window', async () => {
  const page = await openApp(browser, serve);
  const resizes = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call/TerminalResize')) resizes.push(JSON.parse(r.postData() ?? '[]'));
  });
  const mark = `tabs${Date.now()}`;
  const dock = await openTerminal(page, `sh -c 'echo first; cat # ${mark}'`);
  await eventually(async () => (await screen(dock).innerText()).includes('first'), { timeout: 10000, what: 'first terminal' });
  await openTerminal(page, `sh -c 'echo second; cat # ${mark}'`);
  await eventually(async () => (await screen(dock).innerText()).includes('second'), { timeout: 10000, what: 'second terminal' });
  const tabs = dock.getByRole('tab', { name: `${pod}/nginx` });
  assert.equal(await tabs.count(), 2);
  await tabs.first().click();
  await eventually(async () => (await screen(dock).innerText()).includes('first'), { what: 'back to the first' });

  // Navigating away keeps them.
  await page.getByRole('link', { name: 'Deployments' }).first().click();
  await page.getByRole('grid', { name: 'Deployments' }).waitFor();
  assert.equal(await dock.getByRole('tab', { name: `${pod}/nginx` }).count(), 2, 'terminals survive navigation');

  const cols = await screen(dock).evaluate((el) => el.getBoundingClientRect().width);
  await page.setViewportSize({ width: 1000, height: 800 });
  await eventually(() => resizes.length > 0, { timeout: 5000, what: 'a TerminalResize call' });
  const [, c, r] = resizes[resizes.length - 1];
  assert.ok(c > 20 && r > 3, `new size ${c}x${r}`);
  assert.ok((await screen(dock).evaluate((el) => el.getBoundingClientRect().width)) < cols, 'the terminal got narrower');
  await screenshot(page, 'terminal-tabs-dark');
  assert.ok(running(mark), 'both commands run');
  for (let i = 0; i < 2; i++) await dock.getByRole('button', { name: `Close terminal ${pod}/nginx` }).first().click();
  await eventually(() => !running(mark), { timeout: 5000, what: 'both commands ended with their terminals' });
  await page.close();
});

test('many live streams share one connection: the eighth terminal still answers at once', async () => {
  // A browser opens six HTTP/1.1 connections to a host; each live stream
  // (lists, the object, contexts, kinds, plugins, every terminal) used to
  // hold one, and requests beyond them queued for ever.
  const page = await openApp(browser, serve);
  const direct = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/stream/') && !u.pathname.startsWith('/api/stream/mux') && u.pathname !== '/api/stream/cancel') direct.push(u.pathname);
  });
  const mark = `many${Date.now()}`;
  let dock;
  for (let i = 1; i <= 8; i++) {
    dock = await openTerminal(page, `sh -c 'echo t${i}; cat # ${mark}'`);
    await eventually(async () => (await screen(dock).innerText()).includes(`t${i}`), { timeout: 10000, what: `terminal ${i}` });
  }
  await dock.locator('.terminal-view:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(`typed-${mark}`);
  await page.keyboard.press('Enter');
  await eventually(async () => (await screen(dock).innerText()).includes(`typed-${mark}`), { timeout: 5000, what: 'typing in the eighth terminal' });
  assert.deepEqual(direct, [], 'every GET stream went over the one stream connection');
  for (let i = 0; i < 8; i++) await dock.getByRole('button', { name: `Close terminal ${pod}/nginx` }).first().click();
  await eventually(() => !running(mark), { timeout: 5000, what: 'the eight commands ended with their terminals' });
  await page.close();
});
