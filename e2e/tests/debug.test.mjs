// Issue 19, debugging, as a user does it in the browser shell: a debug
// container added to a running pod, a debug copy, a node shell (deleted
// when its terminal closes, and found at the next start when the app was
// killed), attach to a container's main process, and copying files both
// ways. kubectl is the oracle for what lands in the cluster. (The local
// cluster runs containers' processes on this machine, so a container path
// is a local path here.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';
import { action, field } from './actions-lib.mjs';
import { NS, TARGET, closeTab, createTarget, deleteTarget, details, dockTab, openAction, podGone, screenText, sha256, status, typeLine, waitScreen } from './debug-lib.mjs';

const { admin: ADMIN, viewer: VIEWER, developer: DEVELOPER } = cluster().contexts;
const NODE = 'kwok-node-1';
const POD_PATH = `core/v1/pods/${NS}/${TARGET}`;
let serve;
let browser;

before(async () => {
  await createTarget();
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
  deleteTarget();
});

/** The debug pods Kubedeck made (whose names start with prefix), as kubectl lists them. */
const debugPods = (ns, prefix = '') =>
  kubectl(['get', 'pods', '-n', ns, '-l', 'kubedeck.io/debug', '-o', 'jsonpath={.items[*].metadata.name}'])
    .split(' ')
    .filter((n) => n && n.startsWith(prefix));

test('a debug container is added to the running pod, kubectl shows it, and its terminal runs commands', async () => {
  const page = await openApp(browser, serve);
  await details(page, serve.base, ADMIN, POD_PATH, TARGET);
  const dialog = await openAction(page, 'Debug…', `Debug pod ${TARGET}`);
  assert.equal(await dialog.getByRole('radio', { name: 'Debug container' }).isChecked(), true, 'an admin debugs in place by default');
  await dialog.getByRole('combobox', { name: 'Target container' }).selectOption('nginx');
  await dialog.getByText(`Adds ephemeral container debugger-… running docker.io/library/busybox:1.37 to ${TARGET}, sharing the processes of nginx.`).waitFor();
  await screenshot(page, 'debug-dialog-dark');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await status(page, `added to ${TARGET}: its terminal is open in the dock`).waitFor({ timeout: 20000 });
  const tab = dockTab(page, `debug · ${TARGET}/debugger-`);
  const container = /debugger-\w+/.exec(await tab.innerText())?.[0];
  assert.ok(container, 'the tab names the debug container');

  const ecs = JSON.parse(field(['pod', TARGET, '-n', NS], '.spec.ephemeralContainers'));
  const ec = ecs.find((e) => e.name === container);
  assert.ok(ec, `kubectl shows ${container}`);
  assert.deepEqual([ec.image, ec.targetContainerName, ec.stdin, ec.tty], ['docker.io/library/busybox:1.37', 'nginx', true, true]);
  await waitScreen(page, `Waiting for container ${container}`, 'the wait line');
  await typeLine(page, 'echo dbg-$((6*7))');
  await waitScreen(page, 'dbg-42', 'the shell answers');
  await screenshot(page, 'debug-terminal-dark');
  await closeTab(page, `debug · ${TARGET}/${container}`);
  assert.ok(field(['pod', TARGET, '-n', NS], '.spec.ephemeralContainers[*].name').includes(container), 'the ephemeral container stays in the pod (Kubernetes cannot remove it)');
  await page.context().close();
});

test('a debug copy is created without labels and deleted when its terminal closes', async () => {
  const page = await openApp(browser, serve, { colorScheme: 'light' });
  await details(page, serve.base, ADMIN, POD_PATH, TARGET);
  const dialog = await openAction(page, 'Debug…', `Debug pod ${TARGET}`);
  await dialog.getByRole('radio', { name: 'Debug a copy' }).check();
  assert.equal(await dialog.getByRole('checkbox', { name: 'Delete the copy when I close its terminal' }).isChecked(), true);
  await dialog.getByText('Kubedeck deletes it when you close its terminal.').waitFor();
  await screenshot(page, 'debug-dialog-copy-light');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await status(page, `Created ${NS}/${TARGET}-debug-`).waitFor({ timeout: 20000 });
  const [copy] = debugPods(NS);
  assert.ok(copy?.startsWith(`${TARGET}-debug-`), `kubectl lists the copy: ${copy}`);
  assert.equal(field(['pod', copy, '-n', NS], '.metadata.labels.app'), '', 'no Service selects the copy');
  assert.equal(field(['pod', copy, '-n', NS], '.spec.shareProcessNamespace'), 'true');
  assert.match(field(['pod', copy, '-n', NS], '.spec.containers[*].name'), /^nginx log-shipper debugger-\w+$/);
  await waitScreen(page, 'Waiting for container debugger-', 'the wait line');
  await closeTab(page, 'debug copy · ');
  await podGone(NS, copy);
  await page.context().close();
});

test('a node shell is a privileged pod pinned to the node, gone when its terminal closes', async () => {
  const page = await openApp(browser, serve);
  await details(page, serve.base, ADMIN, `core/v1/nodes/_/${NODE}`, NODE);
  const dialog = await openAction(page, 'Node shell…', `Node shell on ${NODE}`);
  await dialog.getByText(`Creates a privileged pod pinned to ${NODE} in kube-system`).waitFor();
  await dialog.getByRole('button', { name: 'Open shell' }).click();
  await status(page, `Node shell on ${NODE} (kube-system/`).waitFor({ timeout: 20000 });
  const [pod] = debugPods('kube-system', `node-shell-${NODE}-`);
  assert.ok(pod, 'kubectl lists the node shell pod');
  const spec = JSON.parse(kubectl(['get', 'pod', pod, '-n', 'kube-system', '-o', 'json'])).spec;
  assert.deepEqual([spec.nodeName, spec.hostPID, spec.hostNetwork, spec.containers[0].securityContext.privileged], [NODE, true, true, true]);
  await waitScreen(page, 'Waiting for container shell', 'the wait line');
  await typeLine(page, 'echo node-$((6*7))');
  await waitScreen(page, 'node-42', 'the node shell answers');
  await screenshot(page, 'debug-node-shell-dark');
  await closeTab(page, `node shell · ${NODE}`);
  await podGone('kube-system', pod);
  await page.context().close();
});

test('a node shell left by a killed app is offered for deletion at the next start', async () => {
  const home = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-leftover-'));
  const first = await startServe({ env: { XDG_CONFIG_HOME: home } });
  const page = await openApp(browser, first);
  await details(page, first.base, ADMIN, 'core/v1/nodes/_/kwok-node-2', 'kwok-node-2');
  const dialog = await openAction(page, 'Node shell…', 'Node shell on kwok-node-2');
  await dialog.getByRole('button', { name: 'Open shell' }).click();
  await status(page, 'Node shell on kwok-node-2 (kube-system/').waitFor({ timeout: 20000 });
  const [pod] = debugPods('kube-system', 'node-shell-kwok-node-2-');
  assert.ok(pod);
  first.proc.kill('SIGKILL');
  await new Promise((r) => (first.proc.exitCode !== null || first.proc.signalCode ? r() : first.proc.once('exit', r)));
  await page.context().close();
  assert.deepEqual(debugPods('kube-system', 'node-shell-kwok-node-2-'), [pod], 'a killed app deletes nothing');

  const next = await startServe({ env: { XDG_CONFIG_HOME: home } });
  try {
    const again = await openApp(browser, next, { hash: `#/c/${encodeURIComponent(ADMIN)}/r/core/v1/pods` });
    const banner = again.getByRole('region', { name: 'Debug pods left behind' });
    await banner.getByText(`A debug pod in ${ADMIN} was left behind by a Kubedeck that ended without deleting it`).waitFor({ timeout: 20000 });
    assert.match(await banner.innerText(), new RegExp(`Node shell\\s+kube-system/${pod}\\s+· on node kwok-node-2`));
    await screenshot(again, 'debug-leftover-dark');
    await banner.getByRole('button', { name: `Delete kube-system/${pod}` }).click();
    await podGone('kube-system', pod);
    await banner.waitFor({ state: 'detached', timeout: 10000 });
    await again.context().close();
  } finally {
    await next.stop();
  }
});

test('attach reaches the main process of a container that reads input', async () => {
  const page = await openApp(browser, serve);
  await details(page, serve.base, ADMIN, 'core/v1/pods/shop/toolbox', 'toolbox');
  const dialog = await openAction(page, 'Attach…', 'Attach to toolbox');
  assert.deepEqual(await dialog.getByRole('combobox', { name: 'Container' }).locator('option').allInnerTexts(), ['shell (reads input)']);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await status(page, 'Attached to toolbox/shell: the terminal is open in the dock').waitFor({ timeout: 20000 });
  const mark = `att-${Date.now()}`;
  await typeLine(page, `echo $((2+3))-${mark}`);
  await waitScreen(page, `5-${mark}`, 'the main process answers');
  await closeTab(page, 'attach · toolbox/shell');
  assert.equal(field(['pod', 'toolbox', '-n', 'shop'], '.status.phase'), 'Running', 'detaching leaves the container running');
  await page.context().close();
});

test('files copy both ways byte for byte, with progress, as kubectl sees them', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-copy-'));
  const src = path.join(dir, 'from-container.bin');
  writeFileSync(src, randomBytes(3 << 20));
  const page = await openApp(browser, serve);
  await details(page, serve.base, ADMIN, POD_PATH, TARGET);
  const dialog = await openAction(page, 'Copy files…', 'Copy files');
  await dialog.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  await dialog.getByRole('radio', { name: 'From the container' }).check();
  await dialog.getByRole('textbox', { name: 'Path in the container (file or folder)' }).fill(src);
  // A slow network, so the progress can be seen (and photographed).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 1 << 20, uploadThroughput: 1 << 20 });
  const download = page.waitForEvent('download', { timeout: 30000 });
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Copy progress' });
  await eventually(async () => Number(await bar.getAttribute('aria-valuenow')) > 0, { timeout: 10000, what: 'bytes arriving' });
  assert.equal(await bar.getAttribute('aria-valuemax'), String(3 << 20), 'the total is known before the copy ends');
  await screenshot(page, 'debug-copy-progress-dark');
  const saved = await (await download).path();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  assert.equal(sha256(saved), sha256(src), 'the download is the container file');
  const done = status(page, 'Copied 3 MiB to from-container.bin');
  await done.waitFor({ timeout: 10000 });
  assert.match(await done.innerText(), new RegExp(`SHA-256\\s+${sha256(src)}`));

  const up = path.join(dir, 'upload.bin');
  const dest = path.join(dir, 'in-container.bin');
  writeFileSync(up, randomBytes(3 << 20));
  await dialog.getByRole('radio', { name: 'To the container' }).check();
  await dialog.getByLabel('File to upload').setInputFiles(up);
  await dialog.getByRole('textbox', { name: 'Path in the container (the file to write)' }).fill(dest);
  await dialog.getByRole('button', { name: 'Copy again' }).click();
  await status(page, `Copied 3 MiB from upload.bin to ${TARGET}:${dest}.`).waitFor({ timeout: 30000 }); // kubectl cp names it so
  const oracle = kubectl(['exec', '-n', NS, TARGET, '-c', 'nginx', '--', 'sha256sum', dest]).split(' ')[0];
  assert.equal(oracle, sha256(up), 'kubectl exec sha256sum: the uploaded file is the local one');
  assert.ok(existsSync(dest) && readFileSync(dest).length === 3 << 20);
  await page.context().close();
});

test('the viewer sees the debug actions of a pod disabled with the permission each lacks', async () => {
  const page = await openApp(browser, serve);
  await details(page, serve.base, VIEWER, POD_PATH, TARGET);
  const reason = async (name) => {
    const b = action(page, name);
    await eventually(async () => (await b.getAttribute('aria-disabled')) === 'true', { timeout: 15000, what: `${name} disabled` });
    return b.getAttribute('title');
  };
  assert.equal(await reason('Debug…'), `debug container: needs: patch pods/ephemeralcontainers in ${NS}; debug a copy: needs: create pods in ${NS}`);
  assert.equal(await reason('Attach…'), `needs: create pods/attach in ${NS}`);
  assert.equal(await reason('Copy files…'), `needs: create pods/exec in ${NS}`);
  await screenshot(page, 'debug-viewer-disabled-dark');
  await page.context().close();
});

test('the developer, who may not add debug containers in team-a, debugs a copy there', async () => {
  const page = await openApp(browser, serve);
  await details(page, serve.base, DEVELOPER, POD_PATH, TARGET);
  const dialog = await openAction(page, 'Debug…', `Debug pod ${TARGET}`);
  const inPlace = dialog.getByRole('radio', { name: /^Debug container/ });
  assert.match(await dialog.getByText(/needs: patch pods\/ephemeralcontainers/).innerText(), /in team-a/);
  assert.equal(await dialog.getByRole('radio', { name: 'Debug a copy' }).isChecked(), true, 'the allowed way is chosen');
  assert.equal(await inPlace.isChecked(), false);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await status(page, `Created ${NS}/${TARGET}-debug-`).waitFor({ timeout: 20000 });
  const [copy] = debugPods(NS);
  assert.ok(copy);
  await closeTab(page, 'debug copy · ');
  await podGone(NS, copy);
  await page.context().close();
});
