// make bench (Helm part): the releases list with many releases (make bench
// seeds 500 over 50 namespaces), measured in one run beside `helm list -A`
// and the raw API call, printed as figures and ratios: a cold load (a new
// browser, straight to the releases page) and warm navigation, and the Go
// server's memory with the list open. Not a test: it prints, it does not
// judge.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import { cluster, helm, startServe, launch } from './lib/harness.mjs';

const c = cluster();
const ca = readFileSync(path.join(c.dir, 'pki', 'ca.crt'));
const agent = new https.Agent({ ca, keepAlive: true });
const get = (p) => new Promise((resolve, reject) => {
  https.get(c.server + p, { agent, headers: { Authorization: `Bearer ${c.tokens.admin}` } }, (res) => {
    res.on('data', () => {});
    res.on('end', resolve);
  }).on('error', reject);
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function med(n, fn) { const xs = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(); xs.push(performance.now() - t0); } return median(xs); }
const ms = (x) => `${x.toFixed(0)} ms`;
const report = (name, value, note = '') => console.log(`${name.padEnd(58)} ${String(value).padStart(12)}  ${note}`);

const releases = JSON.parse(helm(['list', '-A', '--max', '0', '-o', 'json'])).length;
console.log(`cluster: ${releases} Helm releases\n`);
const helmMs = await med(3, async () => helm(['list', '-A', '--max', '0', '-o', 'json']));
const rawMs = await med(3, () => get('/api/v1/secrets?labelSelector=owner%3Dhelm'));
report('helm list -A (median of 3)', ms(helmMs));
report("raw API: every release Secret (owner=helm, median of 3)", ms(rawMs));

const serve = await startServe();
const hash = `#/c/${encodeURIComponent(c.contexts.admin)}/helm`;

// Rows of the releases grid, and the count its status line says.
const probe = `(() => {
  const grid = document.querySelector('[role=grid][aria-label^="Helm releases"]');
  const rows = grid ? grid.querySelectorAll('tbody tr').length : 0;
  const m = document.body.innerText.match(/([\\d,]+) releases/);
  return { rows, count: m ? Number(m[1].replace(/,/g, '')) : 0 };
})()`;

async function waitRows(page, t0, want) {
  let first = 0;
  for (;;) {
    const s = await page.evaluate(probe);
    const now = await page.evaluate(() => performance.now());
    if (!first && s.rows > 0) first = now - t0;
    if (s.count >= want) return { first, all: now - t0 };
    if (now - t0 > 60000) return { first: first || NaN, all: NaN };
    await page.waitForTimeout(5);
  }
}

// Cold: a new browser each time (empty cache), signed in by a request that
// only sets the session cookie, then straight to the releases page; times
// from the navigation's start (the page's time origin).
const cold = [];
for (let i = 0; i < 3; i++) {
  const browser = await launch();
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await ctx.request.get(serve.url, { maxRedirects: 0 });
  const page = await ctx.newPage();
  await page.goto(`${serve.base}/${hash}`, { waitUntil: 'commit' });
  cold.push(await waitRows(page, 0, releases));
  await browser.close();
}
report('cold: first release rows after navigation start (new browser)', ms(median(cold.map((x) => x.first))), `${(median(cold.map((x) => x.first)) / rawMs).toFixed(1)}x the raw list; target 300 ms`);
report(`cold: all ${releases} releases`, ms(median(cold.map((x) => x.all))), `${(median(cold.map((x) => x.all)) / helmMs).toFixed(2)}x helm list -A; target 1000 ms`);

// Warm: the app is open on another page; navigate to the releases.
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
await page.goto(serve.url);
await page.getByRole('grid').first().waitFor({ timeout: 30000 });
const warm = [];
for (let i = 0; i < 3; i++) {
  await page.goto(`${serve.base}/#/c/${encodeURIComponent(c.contexts.admin)}/r/core/v1/namespaces`);
  await page.getByRole('grid', { name: /namespaces/i }).getByRole('row').nth(1).waitFor();
  const t0 = await page.evaluate((h) => { const t = performance.now(); location.hash = h; return t; }, hash);
  warm.push(await waitRows(page, t0, releases));
}
report('warm: first release rows after navigation', ms(median(warm.map((x) => x.first))), `${(median(warm.map((x) => x.first)) / rawMs).toFixed(1)}x the raw list`);
report(`warm: all ${releases} releases`, ms(median(warm.map((x) => x.all))), `${(median(warm.map((x) => x.all)) / helmMs).toFixed(2)}x helm list -A`);

const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serve.proc.pid}/status`, 'utf8'))[1]) / 1024;
report('Go server RSS with the releases list open', `${rss.toFixed(0)} MiB`, 'only summaries are kept, not releases');
await browser.close();
await serve.stop();
console.log('\nbench-helm done');
process.exit(0);
