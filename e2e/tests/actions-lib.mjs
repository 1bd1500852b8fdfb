// Helpers shared by the actions e2e tests (not a test file itself).
import { kubectl, eventually } from '../lib/harness.mjs';

/** A jsonpath field of an object, as kubectl sees it now. */
export const field = (args, path, opts) => kubectl(['get', ...args, '-o', `jsonpath={${path}}`], opts).trim();

/** True once kubectl no longer finds the object. */
export function gone(args) {
  try {
    kubectl(['get', ...args, '-o', 'name']);
    return false;
  } catch (e) {
    return /NotFound|not found/.test(String(e.message ?? e) + String(e.stderr ?? ''));
  }
}

/** Replaces everything in a CodeMirror editor (found by its accessible name) with text. */
export async function setEditorText(page, editor, text) {
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** The text of a CodeMirror editor (every line is rendered for the small objects used here). */
export async function editorText(editor) {
  const lines = await editor.locator('.cm-line').allTextContents();
  return lines.join('\n');
}

/** An action button of the details toolbar. */
export const action = (page, name) => page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name, exact: true });

/** Waits until the button is enabled (access answers arrived) or disabled with a reason. */
export async function actionState(button) {
  await button.waitFor({ timeout: 15000 });
  return { disabled: (await button.getAttribute('aria-disabled')) === 'true', reason: (await button.getAttribute('title')) ?? '' };
}

export { eventually };
