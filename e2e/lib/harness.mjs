// Shared set-up for the end-to-end tests: the local cluster (from
// KUBEDECK_TEST_CLUSTER, written by `devcluster exec`), `kubedeck serve` on
// it, Debian's Chromium through playwright-core, and kubectl as the oracle.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const artifacts = path.join(root, 'test-results', 'e2e');
mkdirSync(artifacts, { recursive: true });

/** The running local cluster: kubeconfig, contexts by role, tokens. */
export function cluster() {
  const file = process.env.KUBEDECK_TEST_CLUSTER;
  if (!file) throw new Error('KUBEDECK_TEST_CLUSTER is not set: run the tests with `make test`');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Runs kubectl on the test cluster and returns its stdout. */
export function kubectl(args, { context = cluster().contexts.admin, input } = {}) {
  return execFileSync('kubectl', ['--kubeconfig', cluster().kubeconfig, '--context', context, ...args], {
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Runs the helm CLI built beside the cluster (its ready line's "helm") on the
 * test cluster and returns its stdout: the oracle of the Helm tests. Its
 * cache and config go to a temporary folder.
 */
export function helm(args, { context = cluster().contexts.admin, env = {} } = {}) {
  const c = cluster();
  if (!c.helm) throw new Error("the devcluster's ready line names no helm binary: rebuild it with `make devcluster`");
  const home = path.join(artifacts, '..', 'helm-home');
  return execFileSync(c.helm, ['--kubeconfig', c.kubeconfig, '--kube-context', context, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home, ...env },
  });
}

/**
 * Starts `kubedeck serve` and resolves once it printed its URL. The tests open
 * many browser contexts on one server, as a team would: so the server gets a
 * fixed KUBEDECK_TOKEN, which stays reusable (a random launch token works
 * once). Pass env: { KUBEDECK_TOKEN: '' } for the single-use default.
 */
export async function startServe({ kubeconfig = cluster().kubeconfig, env = {}, args = [] } = {}) {
  const bin = process.env.KUBEDECK_APP ?? path.join(root, 'build', 'bin', 'kubedeck');
  // Each server gets its own config folder (settings, plugins, approvals),
  // so tests never touch the user's own and never see each other's.
  const configHome = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-config-'));
  const proc = spawn(bin, ['serve', '--kubeconfig', kubeconfig, ...args], {
    env: { ...process.env, XDG_CONFIG_HOME: configHome, KUBEDECK_TOKEN: randomBytes(24).toString('hex'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const first = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout });
    rl.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`kubedeck serve exited (${code}): ${stderr}`)));
    setTimeout(() => reject(new Error('kubedeck serve printed nothing in 15 s')), 15000);
  });
  // The UI is served on http://localhost:PORT (never 127.0.0.1, where
  // port-forwards listen: cookies ignore ports).
  const m = /^Kubedeck is serving at (https?:\/\/[^/]+)\/\?token=(\S+)$/.exec(first);
  if (!m) throw new Error(`unexpected first line: ${first}`);
  return {
    configHome,
    url: `${m[1]}/?token=${m[2]}`,
    base: m[1],
    token: m[2],
    proc,
    stderr: () => stderr,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
    },
  };
}

/** Launches Debian's Chromium headless (Playwright gives it a fresh profile). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Opens a signed-in page of the app. */
export async function openApp(browser, serve, { colorScheme = 'dark', hash = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(serve.url);
  if (hash) await page.goto(`${serve.base}/${hash}`);
  return page;
}

export async function screenshot(page, name) {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until fn returns a truthy value. */
export async function eventually(fn, { timeout = 5000, interval = 50, what = 'condition' } = {}) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Calls fn with the URL of every stream the page opens: a GET stream goes
 * over the page's one connection (POST /api/stream/mux/open names it in
 * its body), a POST stream on its own.
 */
export function onStreamOpen(page, fn) {
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/stream/mux/open') {
      const path = JSON.parse(r.postData() ?? '{}').path;
      if (path) fn(new URL(path, u));
    } else if (u.pathname.startsWith('/api/stream/') && !u.pathname.startsWith('/api/stream/mux') && u.pathname !== '/api/stream/cancel') {
      fn(u);
    }
  });
}
