// Helpers for the debugging e2e tests (not a test file itself): a pod of
// their own to debug (an ephemeral container can never be removed, so the
// demo's pods other suites read stay as they are), the details toolbar,
// the dock's terminals and typing into them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cluster, kubectl, eventually } from '../lib/harness.mjs';
import { action, field, gone } from './actions-lib.mjs';

export const C = encodeURIComponent(cluster().contexts.admin);
export const NS = 'team-a';
export const TARGET = 'debug-e2e';

/** Creates the pod the tests debug (shaped like the demo's web pods) and waits until it runs. */
export async function createTarget() {
  kubectl(['delete', 'pod', TARGET, '-n', NS, '--ignore-not-found', '--grace-period=0']);
  kubectl(['apply', '-f', '-'], {
    input: `apiVersion: v1
kind: Pod
metadata: {name: ${TARGET}, namespace: ${NS}, labels: {app: ${TARGET}}}
spec:
  containers:
  - {name: nginx, image: "docker.io/library/nginx:1.27"}
  - {name: log-shipper, image: "docker.io/library/busybox:1.37"}
`,
  });
  await eventually(() => field(['pod', TARGET, '-n', NS], '.status.phase') === 'Running', { timeout: 30000, what: `${TARGET} running` });
}

export const deleteTarget = () => kubectl(['delete', 'pod', TARGET, '-n', NS, '--ignore-not-found', '--grace-period=0']);

/** Opens an object's details page and waits for its heading. */
export async function details(page, base, context, path, name) {
  await page.goto(`${base}/#/c/${encodeURIComponent(context)}/r/${path}`);
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15000 });
}

/** Clicks a toolbar action once the access answers enabled it, and returns the dialog it opens. */
export async function openAction(page, name, dialog) {
  const button = action(page, name);
  await eventually(async () => (await button.getAttribute('aria-disabled')) === null && (await button.isVisible()), { timeout: 15000, what: `${name} enabled` });
  await button.click();
  const d = page.getByRole('dialog', { name: dialog });
  await d.waitFor();
  return d;
}

export const status = (page, text) => page.getByRole('status').filter({ hasText: text }).first();

export const dock = (page) => page.getByRole('region', { name: 'Terminals and port-forwards' });

/** The text of the terminal shown in the dock. */
export const screenText = (page) => dock(page).locator('.terminal-view:not([hidden]) .xterm-rows').innerText();

/** Types a line into the terminal shown in the dock. */
export async function typeLine(page, line) {
  await dock(page).locator('.terminal-view:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

export const waitScreen = (page, text, what) => eventually(async () => (await screenText(page)).includes(text), { timeout: 20000, what });

/** The dock tab whose title starts with prefix. */
export const dockTab = (page, prefix) => dock(page).getByRole('tab', { name: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/** Closes the terminal tab whose title starts with prefix. */
export async function closeTab(page, prefix) {
  await dock(page).getByRole('button', { name: new RegExp(`^Close terminal ${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

export const podGone = (ns, name) => eventually(() => gone(['pod', name, '-n', ns]), { timeout: 20000, what: `${ns}/${name} deleted` });

export const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
