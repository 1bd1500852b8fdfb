// Issue 12 item 8: axe-core finds no serious or critical violation on any
// main view, in both themes; the resource table is a grid whose highlighted
// row is the active descendant (announced by role and name).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cluster, kubectl, startServe, launch, openApp } from '../lib/harness.mjs';
import { seriousViolations } from '../lib/a11y.mjs';

const ADMIN = cluster().contexts.admin;
const C = encodeURIComponent(ADMIN);
let serve;
let browser;

before(async () => {
  // One more context on the same cluster without credentials: the sign-in screen.
  const dir = mkdtempSync(path.join(tmpdir(), 'kubedeck-e2e-a11y-'));
  const extra = path.join(dir, 'extra.yaml');
  writeFileSync(extra, `apiVersion: v1
kind: Config
users:
- name: nobody
  user: {}
contexts:
- name: signed-out-ctx
  context: {cluster: kubedeck, user: nobody}
`);
  serve = await startServe({ kubeconfig: '', env: { KUBECONFIG: [extra, cluster().kubeconfig].join(':') } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

const pod = () => kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);

/** The main views: how to get there, and what says it is shown. */
function views() {
  const p = pod();
  const podHash = `#/c/${C}/r/core/v1/pods/team-a/${encodeURIComponent(p)}`;
  return [
    ['cluster overview', `#/c/${C}/overview`, (page) => page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15000 })],
    ['resource list', `#/c/${C}/r/core/v1/pods?ns=team-a`, (page) => page.getByRole('grid', { name: 'Pods' }).getByRole('row').nth(1).waitFor({ timeout: 15000 })],
    ['details page', podHash, (page) => page.getByRole('heading', { level: 1, name: p }).waitFor({ timeout: 15000 })],
    ['logs', `${podHash}?tab=logs`, (page) => page.getByRole('log').first().waitFor({ timeout: 15000 })],
    ['plugins page', `#/c/${C}/plugins`, (page) => page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15000 })],
    ['sign-in', `#/c/signed-out-ctx/r/core/v1/pods`, (page) => page.getByRole('heading', { name: 'Sign in to signed-out-ctx' }).waitFor({ timeout: 15000 })],
    ['add-cluster dialog', `#/c/${C}/r/core/v1/pods?ns=team-a`, async (page) => {
      await page.getByRole('grid', { name: 'Pods' }).waitFor({ timeout: 15000 });
      await page.getByRole('button', { name: 'Add cluster' }).click();
      await page.getByRole('dialog', { name: 'Add cluster' }).waitFor();
    }],
    ['command bar', `#/c/${C}/r/core/v1/pods?ns=team-a`, async (page) => {
      await page.getByRole('grid', { name: 'Pods' }).getByRole('row').nth(1).waitFor({ timeout: 15000 });
      await page.keyboard.press(':');
      await page.getByRole('combobox', { name: 'Command' }).fill('de');
      await page.getByRole('listbox', { name: 'Completions' }).getByRole('option').first().waitFor();
    }],
    ['help dialog', `#/c/${C}/r/core/v1/pods?ns=team-a`, async (page) => {
      await page.getByRole('grid', { name: 'Pods' }).getByRole('row').nth(1).waitFor({ timeout: 15000 });
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    }],
  ];
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no serious or critical violations on the main views (${colorScheme} theme)`, async () => {
    const problems = [];
    for (const [name, hash, ready] of views()) {
      const page = await openApp(browser, serve, { colorScheme, hash });
      try {
        await ready(page);
        // Let streamed rows and status settle (axe reads the DOM as it is).
        await page.waitForTimeout(300);
        const found = await seriousViolations(page);
        if (found.length) problems.push(`${name}:\n  ${found.join('\n  ')}`);
      } catch (e) {
        problems.push(`${name}: not shown (${e.message.split('\n')[0]})`);
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });
}

test('arrowing through the grid moves aria-activedescendant; the row is announced by role and name', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods?ns=team-a` });
  const grid = page.getByRole('grid', { name: 'Pods' });
  await grid.getByRole('row').nth(2).waitFor({ timeout: 15000 });
  assert.equal(await grid.getAttribute('aria-rowcount'), String((await grid.getByRole('row').count())), 'every row of this small list is in the DOM, the header included');
  await grid.focus();
  assert.equal(await grid.getAttribute('aria-activedescendant'), null, 'nothing highlighted yet');
  const active = async () => {
    const id = await grid.getAttribute('aria-activedescendant');
    assert.ok(id, 'an active descendant');
    const row = page.locator(`[id="${id}"]`);
    const name = (await row.locator('td.name').innerText()).trim();
    // The same element, found by role and accessible name.
    const byRole = grid.getByRole('row', { name: new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
    assert.equal(await byRole.first().getAttribute('id'), id);
    return { id, index: await row.getAttribute('aria-rowindex'), focused: await page.evaluate(() => document.activeElement?.getAttribute('role')) };
  };
  await page.keyboard.press('ArrowDown');
  const a = await active();
  assert.deepEqual([a.index, a.focused], ['2', 'grid']);
  await page.keyboard.press('ArrowDown');
  const b = await active();
  assert.notEqual(b.id, a.id);
  assert.equal(b.index, '3');
  await page.keyboard.press('End');
  const last = await active();
  assert.equal(last.index, await grid.getAttribute('aria-rowcount'));
  await page.keyboard.press('Home');
  assert.equal((await active()).index, '2');
  // Focus is visible: the grid's box has an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('.table-scroll')).outlineStyle);
  assert.equal(outline, 'solid');
  await page.close();
});
