// Browser-shell sessions as a user meets them: the printed sign-in address
// works once, Sign out ends the session, and the page says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServe, launch, screenshot } from '../lib/harness.mjs';

let serve;
let browser;

before(async () => {
  // No fixed KUBEDECK_TOKEN: the single-use launch token of a default start.
  serve = await startServe({ env: { KUBEDECK_TOKEN: '' } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await serve?.stop();
});

test('the printed address signs in once, and Sign out ends the session', async () => {
  const first = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await first.newPage();
  await page.goto(serve.url);
  await page.getByRole('button', { name: /context/i }).first().waitFor({ timeout: 10000 });
  assert.match(page.url(), /^http:\/\/localhost:\d+\//, 'the UI is served on localhost');

  // The same address in another browser: already used.
  const second = await browser.newContext();
  const other = await second.newPage();
  const res = await other.goto(serve.url);
  assert.equal(res.status(), 401);
  assert.match(await other.locator('body').innerText(), /used/i);
  await second.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText(/You signed out/).waitFor({ timeout: 5000 });
  await screenshot(page, 'signed-out');
  const after = await page.goto(`${serve.base}/`);
  assert.equal(after.status(), 401, 'the ended session no longer opens the app');
  assert.match(await page.locator('body').innerText(), /needs its sign-in address/);
  const api = await page.evaluate(async () => (await fetch('/api/call/Contexts', { method: 'POST', body: '[]' })).status);
  assert.equal(api, 401);
  await first.close();
});
