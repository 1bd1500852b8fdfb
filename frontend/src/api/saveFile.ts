// Saving text as a file. The browser shell uses the browser's download; the
// desktop webview has no usable downloads, so there the Go shell asks where
// with the native save dialog (POST /api/desktop/save) and writes the file.
import { apiHeaders, transport } from './client';
import { t } from '../i18n';

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'cancelled' };

const SAVE_PATH = '/api/desktop/save';

/** Saves text under a suggested file name. Rejects with a readable Error. */
export async function saveFile(name: string, text: string): Promise<SaveOutcome> {
  if (transport() !== 'desktop') {
    browserDownload(name, text);
    return { kind: 'downloaded' };
  }
  let res: Response;
  try {
    res = await fetch(`${SAVE_PATH}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=utf-8', ...apiHeaders() },
      body: text,
    });
  } catch (e) {
    throw new Error(t('errors.save', { name, error: e instanceof Error ? e.message : String(e) }));
  }
  return saveAnswer(name, res.status, await res.text());
}

/** Reads the desktop shell's answer: {path} | {cancelled} | {error}. */
export function saveAnswer(name: string, status: number, body: string): SaveOutcome {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    throw new Error(t('errors.saveStatus', { name, status }));
  }
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  if (typeof o.error === 'string' && o.error) throw new Error(t('errors.save', { name, error: o.error }));
  if (o.cancelled === true) return { kind: 'cancelled' };
  if (status === 200 && typeof o.path === 'string' && o.path) return { kind: 'saved', path: o.path };
  throw new Error(t('errors.saveStatus', { name, status }));
}

function browserDownload(name: string, text: string): void {
  downloadBlob(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}

/** The browser's download of blob under name (an <a download> clicked). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
