// Issue 12 item 6 as a keyboard user sees it: the command bar (":deploy",
// ":ns", ":ctx"), "?" listing every shortcut of the view, the row keys
// (l logs, s shell, e edit, y YAML, Ctrl+D delete; Esc back), and keys that
// stay text while typing in a field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, openApp, screenshot, eventually } from '../lib/harness.mjs';

const ADMIN = cluster().contexts.admin;
const VIEWER = cluster().contexts.viewer;
const C = encodeURIComponent(ADMIN);
let serve;
let browser;

before(async () => {
  serve = await startServe();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const webPod = () => kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);

async function command(page, text) {
  await page.keyboard.press(':');
  const box = page.getByRole('dialog', { name: 'Command bar' }).getByRole('combobox', { name: 'Command' });
  await box.waitFor();
  await box.fill(text);
  await box.press('Enter');
  await box.waitFor({ state: 'detached' });
}

/** Filters the list to one name and highlights its row from the keyboard (↓ from the filter, ↓ onto the row). */
async function highlight(page, grid, name) {
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.fill(name);
  await eventually(async () => (await grid.getByRole('row').count()) === 2, { timeout: 10000, what: `only ${name}` });
  await filter.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await eventually(async () => {
    const id = await grid.getAttribute('aria-activedescendant');
    return id && (await page.locator(`[id="${id}"]`).innerText()).includes(name);
  }, { what: `${name} highlighted` });
}

test('the command bar opens kinds by short name, switches namespace and context', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods?ns=team-a` });
  await page.getByRole('grid', { name: 'Pods' }).getByRole('row').nth(1).waitFor({ timeout: 10000 });

  await page.keyboard.press(':');
  const box = page.getByRole('combobox', { name: 'Command' });
  await box.fill('dep');
  const first = page.getByRole('listbox', { name: 'Completions' }).getByRole('option').first();
  await eventually(async () => (await first.getAttribute('aria-label')) === 'deployments', { what: 'deployments completed first' });
  await screenshot(page, 'command-bar');
  await box.press('Escape');
  await box.waitFor({ state: 'detached' });

  await command(page, 'deploy');
  await page.getByRole('grid', { name: 'Deployments' }).waitFor({ timeout: 10000 });
  assert.equal(await hash(page), `#/c/${ADMIN}/r/apps/v1/deployments?ns=team-a`, 'the namespace is kept');

  await command(page, 'ns team-b');
  await eventually(async () => (await hash(page)) === `#/c/${ADMIN}/r/apps/v1/deployments?ns=team-b`, { what: ':ns team-b' });
  await page.getByRole('button', { name: 'Namespace: team-b' }).waitFor();
  await command(page, 'ns all');
  await eventually(async () => (await hash(page)) === `#/c/${ADMIN}/r/apps/v1/deployments`, { what: ':ns all' });

  await command(page, 'svc');
  await page.getByRole('grid', { name: 'Services' }).waitFor({ timeout: 10000 });
  // A custom kind from discovery.
  await command(page, 'widgets');
  await page.getByRole('grid', { name: 'Widgets' }).waitFor({ timeout: 10000 });

  // A kind that does not exist says so, and the bar stays open.
  await page.keyboard.press(':');
  await box.fill('nosuchkind');
  await box.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'No resource “nosuchkind” in this cluster' }).waitFor();
  await box.press('Escape');

  await command(page, `ctx ${VIEWER}`);
  await eventually(async () => (await hash(page)).startsWith(`#/c/${VIEWER}/`), { timeout: 10000, what: ':ctx' });
  assert.equal(await page.getByRole('tab', { name: VIEWER }).getAttribute('aria-selected'), 'true');
  await page.close();
});

test('"?" and the Keyboard shortcuts button list the shortcuts of the view', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods?ns=team-a` });
  await page.getByRole('grid', { name: 'Pods' }).getByRole('row').nth(1).waitFor({ timeout: 10000 });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  const text = await dialog.innerText();
  for (const want of ['Search this cluster', 'Command bar', 'Switch context', 'Focus the filter', 'Logs', 'Shell', 'Edit YAML', 'YAML', 'Delete', 'Next row', 'Open the highlighted row']) {
    assert.ok(text.includes(want), `lists ${want}`);
  }
  // No row highlighted yet: the row keys say what they need.
  assert.match(text, /Logs — highlight a row first/);
  await screenshot(page, 'shortcuts-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Services have no logs or shell.
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/services?ns=team-a`);
  await page.getByRole('grid', { name: 'Services' }).waitFor({ timeout: 10000 });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await dialog.waitFor();
  const services = await dialog.getByRole('list', { name: 'The highlighted row' }).innerText();
  assert.ok(!services.includes('Logs') && !services.includes('Shell'), services);
  assert.ok(services.includes('Edit YAML'), services);
  await page.close();
});

test('row keys: l logs, s shell, y YAML, e edit, Ctrl+D delete, Esc back; "l" in the filter is an l', async () => {
  const pod = webPod();
  const page = await openApp(browser, serve, { hash: `#/c/${C}/r/core/v1/pods?ns=team-a` });
  const grid = page.getByRole('grid', { name: 'Pods' });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 10000 });
  const list = `#/c/${ADMIN}/r/core/v1/pods?ns=team-a`;

  // Typing in the filter types: "l" is a letter there, not a shortcut.
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.click();
  await page.keyboard.type('l');
  assert.equal(await filter.inputValue(), 'l');
  assert.equal(await hash(page), list);

  for (const [key, tab] of [['l', 'Logs'], ['s', 'Terminal'], ['y', 'YAML']]) {
    await highlight(page, grid, pod);
    await page.keyboard.press(key);
    await eventually(async () => (await page.getByRole('tab', { name: tab }).getAttribute('aria-selected')) === 'true', { timeout: 10000, what: `${key} opens ${tab}` });
    await page.getByRole('heading', { level: 1, name: pod }).waitFor();
    // Esc: back to the list (focus on the page, not in a field).
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('Escape');
    await grid.waitFor({ timeout: 10000 });
    assert.equal(await hash(page), list, `Esc back from ${tab}`);
  }

  await highlight(page, grid, pod);
  await page.keyboard.press('e');
  const edit = page.getByRole('dialog', { name: `Edit Pod ${pod}` });
  await edit.waitFor({ timeout: 10000 });
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await edit.waitFor({ state: 'detached' });

  await grid.focus();
  await page.keyboard.press('Control+d');
  const del = page.getByRole('alertdialog', { name: `Delete Pod ${pod}?` });
  await del.waitFor();
  await del.getByRole('button', { name: 'Cancel' }).click();
  await del.waitFor({ state: 'detached' });
  assert.ok(kubectl(['get', 'pod', pod, '-n', 'team-a', '-o', 'name']).includes(pod), 'nothing deleted');
  await page.close();
});

test('a row key the user may not use says why (viewer: no delete)', async () => {
  const page = await openApp(browser, serve, { hash: `#/c/${encodeURIComponent(VIEWER)}/r/core/v1/pods?ns=team-a` });
  const grid = page.getByRole('grid', { name: 'Pods' });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 10000 });
  await highlight(page, grid, webPod());
  // Once the access check answered, the help lists Delete as disabled, with the reason.
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await eventually(async () => {
    await page.keyboard.press('?');
    const text = await help.getByRole('list', { name: 'The highlighted row' }).innerText();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    return /Delete — \S/.test(text);
  }, { timeout: 10000, what: 'Delete disabled with a reason' });
  await page.keyboard.press('Control+d');
  await page.getByRole('status').filter({ hasText: /^Delete: \S/ }).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no delete dialog');
  await page.close();
});
