// Issue 12 item 7 as a user sees it: a German browser gets the UI in German
// (sidebar, a list's loaded and empty states, a plural, dates and numbers),
// the language picker switches to Japanese live and the choice survives a
// reload, and "System" goes back to the browser's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cluster, kubectl, startServe, launch, screenshot, eventually } from '../lib/harness.mjs';

const ADMIN = cluster().contexts.admin;
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

/** A signed-in page in a browser whose language is `locale`. */
async function openIn(locale, hash) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark', locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(serve.url);
  await page.goto(`${serve.base}/${hash}`);
  return page;
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

test('a de-DE browser shows the UI in German: sidebar, list states, a plural, dates and numbers', async () => {
  const page = await openIn('de-DE', `#/c/${C}/r/core/v1/pods?ns=team-a`);
  const nav = page.getByRole('navigation', { name: 'Ressourcen' });
  await nav.waitFor({ timeout: 10000 });
  assert.equal(await htmlLang(page), 'de');
  for (const section of ['Workloads', 'Netzwerk', 'Konfiguration', 'Speicher', 'Zugriffskontrolle']) {
    assert.equal(await nav.getByRole('button', { name: section, exact: true }).count(), 1, `sidebar section ${section}`);
  }
  await nav.getByRole('link', { name: 'Übersicht' }).waitFor();

  // Loaded: the rows, the count in German, ages and their tooltips in German formats.
  const table = page.getByRole('grid', { name: 'Pods' });
  await table.waitFor({ timeout: 10000 });
  const pods = kubectl(['get', 'pods', '-n', 'team-a', '--no-headers']).trim().split('\n').filter(Boolean).length;
  await page.getByRole('status').filter({ hasText: new RegExp(`^${pods} pods?$`) }).waitFor({ timeout: 10000 });
  await page.getByRole('searchbox', { name: 'Filter' }).waitFor();
  assert.equal(await page.getByPlaceholder('pods filtern… (app=web, field:…)').count(), 1, 'filter placeholder');
  const age = table.locator('time').first();
  const title = await age.getAttribute('title');
  assert.match(title, /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/, `German date and time: ${title}`);
  assert.match(await age.innerText(), /^\d+( Sek\.| Min\.|h| T| J)( \d+( Sek\.| Min\.|h| T))?$/, 'German age units');
  await screenshot(page, 'i18n-de-list');

  // Empty: a namespace without pods.
  await page.goto(`${serve.base}/#/c/${C}/r/core/v1/pods?ns=kubedeck-e2e-i18n-empty`);
  await page.getByRole('heading', { name: 'Keine pods in kubedeck-e2e-i18n-empty' }).waitFor({ timeout: 10000 });
  await page.getByText('Kubedeck beobachtet: Neue pods erscheinen hier, sobald sie erstellt werden.').waitFor();

  // A plural: search results ("1 Ergebnis" / "N Ergebnisse").
  const pod = kubectl(['get', 'pods', '-n', 'team-a', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
  await page.getByRole('button', { name: 'Suchen' }).click();
  const box = page.getByRole('combobox', { name: 'Objekte durchsuchen' });
  await box.fill(pod);
  await page.getByRole('status').filter({ hasText: /^1 Ergebnis$/ }).waitFor({ timeout: 15000 });
  await box.fill('web');
  await page.getByRole('status').filter({ hasText: /^\d+\+? Ergebnisse$/ }).waitFor({ timeout: 15000 });
  await page.keyboard.press('Escape');
  await page.context().close();
});

test('the language picker switches to Japanese live, keeps it over a reload, and System returns to the browser language', async () => {
  const page = await openIn('de-DE', `#/c/${C}/r/core/v1/pods?ns=team-a`);
  const picker = page.getByRole('combobox', { name: 'Sprache' });
  await picker.waitFor({ timeout: 10000 });
  assert.equal(await picker.inputValue(), 'system');
  await page.getByRole('grid', { name: 'Pods' }).waitFor({ timeout: 10000 });
  const marker = await page.evaluate(() => (window.__i18nMarker = Math.random()));

  await picker.selectOption({ label: '日本語' });
  const jaNav = page.getByRole('navigation', { name: 'リソース' });
  await jaNav.waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__i18nMarker), marker, 'switched without a reload');
  assert.equal(await htmlLang(page), 'ja');
  await jaNav.getByRole('button', { name: 'ネットワーク', exact: true }).waitFor();
  await page.getByRole('searchbox', { name: 'フィルター' }).waitFor();
  await page.getByRole('status').filter({ hasText: /^pods \d+ 件$/ }).waitFor();
  await screenshot(page, 'i18n-ja-list');

  await page.reload();
  await page.getByRole('navigation', { name: 'リソース' }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByRole('combobox', { name: '言語' }).inputValue(), 'ja');
  assert.equal(await htmlLang(page), 'ja');

  await page.getByRole('combobox', { name: '言語' }).selectOption({ label: 'システム' });
  await page.getByRole('navigation', { name: 'Ressourcen' }).waitFor({ timeout: 5000 });
  assert.equal(await htmlLang(page), 'de');
  await page.reload();
  await page.getByRole('navigation', { name: 'Ressourcen' }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByRole('combobox', { name: 'Sprache' }).inputValue(), 'system');
  await page.context().close();
});

test('an en-US browser keeps the English UI', async () => {
  const page = await openIn('en-US', `#/c/${C}/r/core/v1/pods?ns=team-a`);
  await page.getByRole('navigation', { name: 'Resources' }).waitFor({ timeout: 10000 });
  assert.equal(await htmlLang(page), 'en');
  await eventually(async () => (await page.getByRole('combobox', { name: 'Language' }).count()) === 1, { what: 'language picker' });
  await page.getByRole('button', { name: 'Add cluster' }).waitFor();
  await page.context().close();
});
