// Issue 6, logs, as a user sees them: a pod's and a workload's logs in the
// details view, with kubectl logs as the oracle (kwok serves every container's
// log from one CRI file, which the tests append to).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

const ADMIN = cluster().contexts.admin;
const C = encodeURIComponent(ADMIN);
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

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '');
const kubectlLogs = (args) => stripAnsi(kubectl(['logs', '-n', 'team-a', ...args]));

/** Appends lines to the log file every container shows, stamped now (CRI format). */
function appendLog(lines) {
  const now = new Date().toISOString().replace('Z', '000000Z');
  appendFileSync(cluster().logFile, lines.map((l) => `${now} stdout F ${l}\n`).join(''));
}

async function openLogs(page, hash) {
  await page.goto(`${serve.base}/${hash}`);
  await page.getByRole('tab', { name: 'Logs' }).click({ timeout: 15000 });
  const view = page.getByRole('region', { name: /^Logs of / });
  await view.waitFor();
  return view;
}

const logBox = (view) => view.getByRole('log');
const stateOf = (view) => view.locator('.log-state');

async function downloadText(page, view) {
  const [dl] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download' }).click()]);
  return readFileSync(await dl.path(), 'utf8');
}

test("a pod's logs match kubectl logs: container, timestamps, tail, download", async () => {
  const page = await openApp(browser, serve);
  const view = await openLogs(page, `#/c/${C}/r/core/v1/pods/team-a/${pod}`);
  const containers = await view.getByRole('combobox', { name: 'Container' }).locator('option').allInnerTexts();
  const spec = (path) => kubectl(['get', 'pod', '-n', 'team-a', pod, '-o', `jsonpath={${path}[*].name}`]).split(' ').filter(Boolean);
  const ephemeral = spec('.spec.ephemeralContainers').map((n) => `${n} (ephemeral)`);
  assert.deepEqual(containers, ['All containers', 'nginx', 'log-shipper', ...ephemeral]);
  assert.deepEqual(spec('.spec.containers'), ['nginx', 'log-shipper'], 'kubectl shows the same containers');
  await view.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  await eventually(async () => (await stateOf(view).innerText()) === 'Following', { timeout: 10000, what: 'following' });

  const want = kubectlLogs([pod, '-c', 'nginx', '--tail=1000']);
  await eventually(async () => (await downloadText(page, view)) === want, { timeout: 10000, what: 'downloaded log = kubectl logs' });
  const wantLines = want.trim().split('\n');
  const shown = (await logBox(view).innerText()).trim().split('\n');
  assert.equal(shown[shown.length - 1], wantLines[wantLines.length - 1], 'the newest line is at the bottom');
  await screenshot(page, 'logs-pod-dark');

  await view.getByRole('checkbox', { name: 'Timestamps' }).check();
  assert.equal(await downloadText(page, view), kubectlLogs([pod, '-c', 'nginx', '--tail=1000', '--timestamps']));
  const stamped = (await logBox(view).innerText()).trim().split('\n');
  assert.match(stamped[stamped.length - 1], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /);

  const end = `end-of-long-line-${Date.now()}`;
  appendLog([`GET /api/wrapped ${'[long line] '.repeat(60)}${end}`]);
  await eventually(async () => (await logBox(view).innerText()).includes(end), { what: 'long line' });
  const longRow = logBox(view).locator('.log-line', { hasText: end });
  assert.equal((await longRow.boundingBox()).height, 20, 'one row without wrapping');
  await view.getByRole('checkbox', { name: 'Wrap lines' }).check();
  await eventually(async () => (await longRow.boundingBox()).height >= 40, { what: 'the long line wraps' });
  const box = await logBox(view).boundingBox();
  assert.ok((await longRow.boundingBox()).width <= box.width, 'wrapped rows fit the view');
  // The view follows the row's new height in the frame after it is measured.
  await eventually(async () => {
    const row = await longRow.boundingBox();
    return row.y + row.height <= box.y + box.height + 1;
  }, { what: 'following shows the whole wrapped line' });
  await screenshot(page, 'logs-wrap-dark');
  await view.getByRole('checkbox', { name: 'Wrap lines' }).uncheck();

  await view.getByRole('combobox', { name: 'Tail' }).selectOption({ label: '10 lines' });
  await eventually(async () => (await downloadText(page, view)) === kubectlLogs([pod, '-c', 'nginx', '--tail=10', '--timestamps']), { timeout: 10000, what: 'tail 10' });
  assert.equal(await view.locator('.log-lines').innerText(), '10 lines');
  await page.close();
});

test('follow shows appended lines within a second; pause buffers them and counts; since', async () => {
  const page = await openApp(browser, serve, { colorScheme: 'light' });
  const view = await openLogs(page, `#/c/${C}/r/core/v1/pods/team-a/${pod}`);
  await view.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  await eventually(async () => (await stateOf(view).innerText()) === 'Following', { timeout: 10000, what: 'following' });

  const mark = `follow-${Date.now()}`;
  const t0 = Date.now();
  appendLog([`${mark} one`, `${mark} two`]);
  await eventually(async () => (await logBox(view).innerText()).includes(`${mark} two`), { timeout: 5000, what: 'appended line shown' });
  const lag = Date.now() - t0;
  assert.ok(lag < 2000, `appended lines shown after ${lag} ms`);

  await view.getByRole('button', { name: 'Pause' }).click();
  appendLog([1, 2, 3, 4, 5].map((i) => `${mark} paused ${i}`));
  await eventually(async () => (await stateOf(view).innerText()) === 'Paused · 5 new lines', { timeout: 5000, what: '5 new lines counted' });
  assert.ok(!(await logBox(view).innerText()).includes(`${mark} paused`), 'paused: the view does not move');
  await screenshot(page, 'logs-paused-light');
  await view.getByRole('button', { name: 'Resume' }).click();
  await eventually(async () => (await logBox(view).innerText()).includes(`${mark} paused 5`), { what: 'buffered lines shown on resume' });

  await view.getByRole('combobox', { name: 'Since' }).selectOption({ label: 'Last minute' });
  const since = kubectlLogs([pod, '-c', 'nginx', '--since=60s', '--tail=1000']);
  assert.ok(since.includes(`${mark} paused 5`) && !since.includes('hello from kubedeck 1\n'), 'kubectl --since=60s');
  await eventually(async () => (await downloadText(page, view)) === since, { timeout: 10000, what: 'since = kubectl --since' });
  await page.close();
});

test('search highlights matches with next/previous; JSON readable; ANSI colours', async () => {
  const page = await openApp(browser, serve);
  const view = await openLogs(page, `#/c/${C}/r/core/v1/pods/team-a/${pod}`);
  await view.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  await eventually(async () => (await stateOf(view).innerText()) === 'Following', { timeout: 10000, what: 'following' });
  const mark = `srch${Date.now()}`;
  appendLog([
    `GET /api/${mark} 200`, `get /api/${mark} 404`, `\x1b[33mWARN\x1b[0m slow upstream ${mark}`, `POST /api/${mark} 201`,
    `{"level":"info","ts":"2026-01-01T00:00:17Z","msg":"request served","id":"${mark}","method":"GET","path":"/api/users/7"}`,
    `GET /API/${mark.toUpperCase()} 200`, 'unrelated line',
  ]);
  await eventually(async () => (await logBox(view).innerText()).includes('unrelated line'), { what: 'appended lines' });
  const want = kubectlLogs([pod, '-c', 'nginx', '--tail=1000']).split('\n').filter((l) => l.toLowerCase().includes(`get /api/${mark}`)).length;
  assert.equal(want, 3);
  const box = view.getByRole('searchbox', { name: 'Search logs' });
  await box.fill(`get /api/${mark}`);
  const count = view.getByRole('search').getByRole('status');
  await eventually(async () => (await count.innerText()) === `${want} matches`, { what: `${want} matches` });
  await box.press('Enter');
  assert.equal(await count.innerText(), `${want} of ${want}`);
  await box.press('Enter');
  assert.equal(await count.innerText(), `1 of ${want}`);
  await view.getByRole('button', { name: 'Previous match' }).click();
  assert.equal(await count.innerText(), `${want} of ${want}`);
  assert.ok((await logBox(view).locator('mark').count()) > 0, 'matches are marked');
  assert.equal(await logBox(view).locator('mark.current').count(), 1);
  assert.match(await stateOf(view).innerText(), /^Scrolled back/);
  await screenshot(page, 'logs-search-dark');

  await box.fill(`"id":"${mark}"`);
  await box.press('Enter');
  await view.getByRole('combobox', { name: 'JSON' }).selectOption('readable');
  await eventually(async () => (await logBox(view).innerText()).includes(`2026-01-01T00:00:17Z  INFO  request served  id=${mark}  method=GET  path=/api/users/7`), { what: 'readable JSON line' });
  await view.getByRole('combobox', { name: 'JSON' }).selectOption('pretty');
  await eventually(async () => (await logBox(view).innerText()).includes('"msg": "request served",'), { what: 'pretty JSON' });

  await box.fill(`slow upstream ${mark}`);
  await box.press('Enter');
  const warn = logBox(view).locator('span', { hasText: /^WARN$/ }).first();
  const colour = await warn.evaluate((el) => getComputedStyle(el).color);
  const plain = await logBox(view).evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(colour, plain, 'WARN is coloured by its ANSI code');
  await page.close();
});

test('a workload: every pod’s lines, each tagged with its pod, as kubectl logs -l --prefix', async () => {
  const page = await openApp(browser, serve);
  const view = await openLogs(page, `#/c/${C}/r/apps/v1/deployments/team-a/web`);
  await eventually(async () => (await stateOf(view).innerText()) === 'Following', { timeout: 10000, what: 'following' });
  const want = kubectlLogs(['-l', 'app=web', '--all-containers', '--prefix', '--tail=1000', '--max-log-requests=20']).trim().split('\n').sort();
  const pods = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}']).split(' ');
  assert.equal(pods.length, 3);
  await eventually(async () => {
    const got = (await downloadText(page, view)).trim().split('\n').sort();
    return JSON.stringify(got) === JSON.stringify(want);
  }, { timeout: 10000, what: 'workload lines = kubectl logs -l --prefix' });
  const shown = (await logBox(view).innerText()).trim().split('\n');
  const tags = pods.flatMap((p) => [`${p}/nginx `, `${p}/log-shipper `]);
  assert.ok(shown.length > 10 && shown.every((l) => tags.some((t) => l.startsWith(t))), `every row is tagged with its pod/container: ${shown.slice(-3).join(' | ')}`);
  await screenshot(page, 'logs-workload-dark');
  await page.close();
});

test('previous container: the lines kubectl logs -p gives', async () => {
  const page = await openApp(browser, serve);
  const view = await openLogs(page, `#/c/${C}/r/core/v1/pods/team-a/${pod}`);
  await view.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  await view.getByRole('checkbox', { name: 'Previous container' }).check();
  // The local cluster serves a crashed earlier run for --previous.
  const oracle = kubectl(['logs', '-n', 'team-a', pod, '-c', 'nginx', '-p', '--tail=1000']);
  assert.match(oracle, /panic: no database/, 'the local cluster serves previous logs');
  await eventually(async () => (await downloadText(page, view)) === stripAnsi(oracle), { timeout: 10000, what: 'previous lines' });
  await eventually(async () => (await view.innerText()).includes('panic: no database after 3 attempts'), { timeout: 5000, what: 'previous lines shown' });
  await screenshot(page, 'logs-previous-dark');
  assert.equal(await view.getByRole('button', { name: 'Pause' }).isDisabled(), true, 'previous logs are not followed');
  await page.close();
});

test('memory is bounded: beyond 50,000 lines the oldest drop and the view says so', async () => {
  const page = await openApp(browser, serve);
  const view = await openLogs(page, `#/c/${C}/r/core/v1/pods/team-a/${pod}`);
  await view.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
  await eventually(async () => (await stateOf(view).innerText()) === 'Following', { timeout: 10000, what: 'following' });
  const mark = `bulk-${Date.now()}`;
  const before = Number((await view.locator('.log-lines').innerText()).replace(/\D/g, ''));
  appendLog(Array.from({ length: 60_000 }, (_, i) => `${mark} ${i}`));
  await eventually(async () => (await logBox(view).innerText()).includes(`${mark} 59999`), { timeout: 30000, what: 'the last bulk line' });
  assert.equal(await view.locator('.log-lines').innerText(), '50,000 lines');
  const dropped = before + 60_000 - 50_000;
  assert.equal(await view.getByText(/older lines dropped/).innerText(), `${dropped.toLocaleString('en-US')} older lines dropped`);
  const text = await downloadText(page, view);
  assert.equal(text.trim().split('\n').length, 50_000);
  assert.ok(text.endsWith(`${mark} 59999\n`));
  await screenshot(page, 'logs-dropped-dark');
  await page.close();
});
