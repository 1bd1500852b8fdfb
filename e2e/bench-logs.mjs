// Log view under load (issue 6): a writer appends RATE lines/s to the log file
// of the followed pod (kwok serves every container's log from it) while the
// log view is open in Chromium. Prints: keypress-to-paint latency in the
// search box, line-to-screen latency, lines/s reaching the view beside
// `kubectl logs -f` in the same run, and memory (JS heap via CDP, Go server
// RSS, renderer RSS) sampled over the run. Needs KUBEDECK_TEST_CLUSTER
// (devcluster exec) and the built app (KUBEDECK_APP). Not a test: it prints.
//   node e2e/bench-logs.mjs [--duration 300] [--rate 10000]
import { appendFileSync, readFileSync } from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';
import { cluster, kubectl, startServe, launch } from './lib/harness.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : Number(process.argv[i + 1]);
};
const DURATION = arg('duration', 300) * 1000;
const RATE = arg('rate', 10000);
const c = cluster();
const pod = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
const rows = [];
const report = (name, value, note = '') => {
  rows.push([name, value, note]);
  console.log(`${name.padEnd(60)} ${String(value).padStart(14)}  ${note}`);
};
const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN);
const mib = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
const rssKb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return 0;
  }
};

// The writer: RATE lines a second in 20 slices, each line carrying its write time.
let seq = 0;
let writing = true;
function writer() {
  const perSlice = Math.round(RATE / 20);
  const t0 = Date.now();
  let slices = 0;
  return new Promise((resolve) => {
    const tick = () => {
      if (!writing) return resolve();
      const now = Date.now();
      const due = Math.floor((now - t0) / 50) + 1;
      let out = '';
      const ts = new Date(now).toISOString().replace('Z', '000000Z');
      for (; slices < due; slices++) {
        for (let i = 0; i < perSlice; i++) out += `${ts} stdout F bench ${seq++} t=${now} GET /api/products/${seq % 997} 200 ${(seq % 50) / 10}ms\n`;
      }
      if (out) appendFileSync(c.logFile, out);
      setTimeout(tick, Math.max(0, t0 + slices * 50 - Date.now()));
    };
    tick();
  });
}

console.log(`log bench: ${RATE} lines/s for ${DURATION / 1000} s into ${pod}'s log (container nginx)\n`);
const serve = await startServe();
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
await page.goto(serve.url);
await page.goto(`${serve.base}/#/c/${encodeURIComponent(c.contexts.admin)}/r/core/v1/pods/team-a/${pod}`);
await page.getByRole('tab', { name: 'Logs' }).click({ timeout: 20000 });
const view = page.getByRole('region', { name: /^Logs of / });
await view.getByRole('combobox', { name: 'Container' }).selectOption('nginx');
await view.getByRole('combobox', { name: 'Tail' }).selectOption({ label: '10 lines' });
await page.waitForFunction(() => document.querySelector('.log-state')?.textContent === 'Following', null, { timeout: 20000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024;
const rendererPid = () => {
  try {
    const pids = execFileSync('pgrep', ['-f', 'chromium.*--type=renderer']).toString().trim().split('\n').map(Number);
    return pids.reduce((a, p) => (rssKb(p) > rssKb(a) ? p : a), pids[0]);
  } catch {
    return 0;
  }
};

// In the page: line-to-screen latency of the newest line on screen, and
// keypress-to-paint latency of the search box (the next frame after the input event).
await page.evaluate(() => {
  const w = window;
  w.__bench = { lag: [], key: [] };
  const loop = () => {
    const rowsEl = document.querySelectorAll('[role=log] .log-line');
    let newest = 0;
    for (const r of rowsEl) {
      const m = / t=(\d+) /.exec(r.textContent ?? '');
      if (m) newest = Math.max(newest, Number(m[1]));
    }
    if (newest) w.__bench.lag.push(Date.now() - newest);
    setTimeout(() => requestAnimationFrame(loop), 200);
  };
  requestAnimationFrame(loop);
  const input = document.querySelector('input[type=search]');
  let t0 = 0;
  input.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, true);
  input.addEventListener('input', () => {
    const start = t0;
    requestAnimationFrame(() => setTimeout(() => w.__bench.key.push(performance.now() - start), 0));
  });
});

const counted = async () => page.evaluate(() => {
  const n = (sel) => Number((document.querySelector(sel)?.textContent ?? '0').replace(/\D/g, '') || 0);
  return n('.log-lines') + n('.log-dropped');
});

const writing$ = writer();
const samples = [];
const t0 = Date.now();
const box = view.getByRole('searchbox', { name: 'Search logs' });
const query = 'bench 9';
let typed = 0;
let kubectlRate = NaN;
let appRate = NaN;
const measureRates = async () => {
  // kubectl logs -f and the view over the same 10 s.
  const k = spawn('kubectl', ['--kubeconfig', c.kubeconfig, 'logs', '-f', '-n', 'team-a', pod, '-c', 'nginx', '--tail=0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let lines = 0;
  k.stdout.on('data', (d) => { for (const b of d) if (b === 10) lines++; });
  await new Promise((r) => setTimeout(r, 2000));
  const [k0, a0, s0, w0] = [lines, await counted(), Date.now(), seq];
  await new Promise((r) => setTimeout(r, 10000));
  const [k1, a1, s1, w1] = [lines, await counted(), Date.now(), seq];
  k.kill('SIGTERM');
  const secs = (s1 - s0) / 1000;
  kubectlRate = (k1 - k0) / secs;
  appRate = (a1 - a0) / secs;
  return (w1 - w0) / secs;
};
let writerRate = NaN;
const rates = measureRates().then((r) => { writerRate = r; });
while (Date.now() - t0 < DURATION) {
  // one keypress a second: type the query, then clear it
  if (typed < query.length) {
    await box.press(query[typed] === ' ' ? 'Space' : query[typed]);
    typed++;
  } else {
    await box.press('Control+a');
    await box.press('Backspace');
    typed = 0;
  }
  if (samples.length === 0 || Date.now() - samples[samples.length - 1].t > 10000) {
    samples.push({ t: Date.now(), heap: await heap(), go: rssKb(serve.proc.pid), renderer: rssKb(rendererPid()) });
  }
  await new Promise((r) => setTimeout(r, 1000));
}
await rates;
writing = false;
await writing$;
samples.push({ t: Date.now(), heap: await heap(), go: rssKb(serve.proc.pid), renderer: rssKb(rendererPid()) });
const b = await page.evaluate(() => window.__bench);
const state = await page.evaluate(() => ({ lines: document.querySelector('.log-lines')?.textContent, dropped: document.querySelector('.log-dropped')?.textContent ?? 'none' }));
const lagTail = b.lag.slice(Math.floor(b.lag.length / 10)); // after the first tenth (warm-up)

console.log('');
report('lines written per second (measured)', writerRate.toFixed(0), `target ${RATE}`);
report('lines reaching the log view per second', appRate.toFixed(0), `${(appRate / writerRate * 100).toFixed(0)} % of written`);
report('lines reaching `kubectl logs -f` per second', kubectlRate.toFixed(0), `app/kubectl ${(appRate / kubectlRate).toFixed(2)}x`);
report(`keypress-to-paint in the search box (median of ${b.key.length})`, `${pct(b.key, 50).toFixed(0)} ms`, 'target <= 100 ms');
report('keypress-to-paint in the search box (p95 / max)', `${pct(b.key, 95).toFixed(0)} / ${Math.max(...b.key).toFixed(0)} ms`, 'target <= 100 ms');
report(`line-to-screen latency (median of ${lagTail.length} samples)`, `${pct(lagTail, 50).toFixed(0)} ms`, 'target <= 1000 ms');
report('line-to-screen latency (p95 / max)', `${pct(lagTail, 95).toFixed(0)} / ${Math.max(...lagTail).toFixed(0)} ms`, 'target <= 1000 ms');
report('view at the end', `${state.lines}`, state.dropped);
const first = samples[Math.min(1, samples.length - 1)];
const last = samples[samples.length - 1];
report('JS heap used (first sample after 10 s → end, max)', `${mib(first.heap)} → ${mib(last.heap)}`, `max ${mib(Math.max(...samples.map((s) => s.heap)))}`);
report('Go server RSS (first → end, max)', `${mib(first.go)} → ${mib(last.go)}`, `max ${mib(Math.max(...samples.map((s) => s.go)))}`);
report('browser renderer RSS (first → end, max)', `${mib(first.renderer)} → ${mib(last.renderer)}`, `max ${mib(Math.max(...samples.map((s) => s.renderer)))}`);
console.log(`\nmemory samples (s, JS heap MiB, Go RSS MiB, renderer RSS MiB):`);
for (const s of samples) console.log(`  ${((s.t - t0) / 1000).toFixed(0).padStart(4)}  ${(s.heap / 1024).toFixed(0).padStart(5)}  ${(s.go / 1024).toFixed(0).padStart(5)}  ${(s.renderer / 1024).toFixed(0).padStart(5)}`);
await browser.close();
await serve.stop();
console.log('\nbench-logs done');
process.exit(0);
