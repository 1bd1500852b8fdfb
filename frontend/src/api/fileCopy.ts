// Copying files between a container and this machine, one function per
// direction whichever shell runs: the desktop asks Go (POST /api/stream/copy,
// the one NDJSON transport), which opens the native dialog and streams the
// copy's progress; the browser downloads with GET /api/copy/download (the
// body read here, counted, then saved as a Blob) and uploads with POST
// /api/copy/upload (XMLHttpRequest, for its upload progress).
import { apiHeaders, transport } from './client';
import type { CopyMessage, CopyRequest, CopyResult } from './contract.gen';
import { ApiError, networkError, responseError } from './errors';
import { decoded, streamNdjson, streamUrl } from './openStream';
import { downloadBlob } from './saveFile';
import { t } from '../i18n';

export type { CopyResult } from './contract.gen';

export type CopyDirection = 'download' | 'upload';

/** The container a copy reads or writes. */
export interface CopyTarget {
  context: string;
  namespace: string;
  pod: string;
  container: string;
}

/** Bytes moved so far, of total (-1: unknown); local is the file on this machine once known. */
export interface CopyProgress {
  bytes: number;
  total: number;
  local?: string;
}

export type CopyOutcome =
  /** local: the path written or read (desktop), the file name (browser). */
  | { kind: 'done'; result: CopyResult; local: string }
  /** The file dialog was closed without a choice: nothing was copied. */
  | { kind: 'cancelled' }
  /** The signal aborted the copy midway. */
  | { kind: 'stopped' };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function toResult(v: unknown): CopyResult {
  const o = isObj(v) ? v : {};
  const r: CopyResult = { bytes: num(o.bytes, 0), files: num(o.files, 0) };
  if (typeof o.sha256 === 'string' && o.sha256) r.sha256 = o.sha256;
  if (Array.isArray(o.skipped)) r.skipped = o.skipped.filter((x): x is string => typeof x === 'string');
  return r;
}

/** One line of the desktop's copy stream, or null for anything else. */
export function toCopyMessage(v: unknown): CopyMessage | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'progress':
      return { type: 'progress', bytes: num(v.bytes, 0), total: num(v.total, -1), local: str(v.local) };
    case 'done':
      return { type: 'done', result: toResult(v.result), local: str(v.local) };
    case 'cancelled':
      return { type: 'cancelled' };
    case 'error':
      return { type: 'error', message: str(v.message) || t('errors.unknown') };
    default:
      return null;
  }
}

/** Copies path in the container to this machine (a folder comes as NAME.tar in the browser, as a folder in the desktop). */
export function downloadFromContainer(target: CopyTarget, path: string, onProgress: (p: CopyProgress) => void, signal: AbortSignal): Promise<CopyOutcome> {
  if (transport() === 'desktop') return desktopCopy({ ...target, direction: 'download', path }, onProgress, signal);
  return browserDownload(target, path, onProgress, signal);
}

/**
 * Copies a file of this machine to path in the container (the file to
 * write; its folder must exist). The browser passes the file the user
 * picked; the desktop asks for it with the native dialog (file unused).
 */
export function uploadToContainer(target: CopyTarget, path: string, file: File | null, onProgress: (p: CopyProgress) => void, signal: AbortSignal): Promise<CopyOutcome> {
  if (transport() === 'desktop') return desktopCopy({ ...target, direction: 'upload', path }, onProgress, signal);
  if (!file) return Promise.reject(new ApiError(t('errors.noFile')));
  return browserUpload(target, path, file, onProgress, signal);
}

async function desktopCopy(req: CopyRequest, onProgress: (p: CopyProgress) => void, signal: AbortSignal): Promise<CopyOutcome> {
  const got: { outcome?: CopyOutcome; error?: string } = {};
  // No heartbeats: the native dialog waits for the user as long as they like.
  await streamNdjson('/api/stream/copy', {
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) },
    signal,
    onMessage: decoded(toCopyMessage, (m) => {
      if (m.type === 'progress') onProgress({ bytes: m.bytes, total: m.total, local: m.local });
      else if (m.type === 'done') got.outcome = { kind: 'done', result: m.result, local: m.local };
      else if (m.type === 'cancelled') got.outcome = { kind: 'cancelled' };
      else got.error = m.message;
    }),
  });
  if (got.error !== undefined) throw new ApiError(got.error);
  if (signal.aborted) return { kind: 'stopped' };
  if (!got.outcome) throw new ApiError(t('errors.copyEnded'));
  return got.outcome;
}

const copyUrl = (path: string, target: CopyTarget, remote: string) =>
  streamUrl(path, { context: target.context, namespace: target.namespace, pod: target.pod, container: target.container, path: remote });

/** The name in a Content-Disposition header (filename="…"), else the last part of the container path. */
export function downloadName(disposition: string | null, remote: string): string {
  const m = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (m?.[1]) {
    try {
      return decodeURIComponent(m[1]);
    } catch {
      return m[1];
    }
  }
  return remote.replace(/\/+$/, '').split('/').pop() || 'download';
}

/** The SHA-256 of data in hex, where the page may compute it (a secure context). */
export async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const sum = new Uint8Array(await subtle.digest('SHA-256', data));
  return Array.from(sum, (b) => b.toString(16).padStart(2, '0')).join('');
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

async function browserDownload(target: CopyTarget, remote: string, onProgress: (p: CopyProgress) => void, signal: AbortSignal): Promise<CopyOutcome> {
  let res: Response;
  try {
    res = await fetch(copyUrl('/api/copy/download', target, remote), { headers: apiHeaders(), credentials: 'same-origin', signal });
  } catch (e) {
    if (signal.aborted) return { kind: 'stopped' };
    throw networkError(e);
  }
  if (!res.ok) throw await responseError(res);
  const size = res.headers.get('X-Kubedeck-Size');
  const total = size !== null && /^\d+$/.test(size) ? Number(size) : -1;
  const name = downloadName(res.headers.get('Content-Disposition'), remote);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  onProgress({ bytes, total, local: name });
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        onProgress({ bytes, total, local: name });
      }
    } catch (e) {
      if (signal.aborted || isAbort(e)) return { kind: 'stopped' };
      throw new ApiError(t('errors.brokeOff', { error: e instanceof Error ? e.message : String(e) }), undefined, { network: true, cause: e });
    }
  }
  if (total >= 0 && bytes !== total) throw new ApiError(t('errors.copyShort', { bytes, total }));
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  const sha256 = await sha256Hex(all);
  downloadBlob(name, new Blob([all], { type: res.headers.get('Content-Type') ?? 'application/octet-stream' }));
  return { kind: 'done', result: sha256 ? { bytes, files: 1, sha256 } : { bytes, files: 1 }, local: name };
}

function browserUpload(target: CopyTarget, remote: string, file: File, onProgress: (p: CopyProgress) => void, signal: AbortSignal): Promise<CopyOutcome> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      resolve({ kind: 'stopped' });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', copyUrl('/api/copy/upload', target, remote));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(apiHeaders())) xhr.setRequestHeader(k, v);
    xhr.withCredentials = true;
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    const settle = () => signal.removeEventListener('abort', abort);
    xhr.upload.onprogress = (e) => onProgress({ bytes: e.loaded, total: e.lengthComputable ? e.total : file.size, local: file.name });
    xhr.onabort = () => {
      settle();
      resolve({ kind: 'stopped' });
    };
    xhr.onerror = () => {
      settle();
      reject(networkError(new Error(t('errors.uploadFailed'))));
    };
    xhr.onload = () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve({ kind: 'done', result: toResult(JSON.parse(xhr.responseText)), local: file.name });
        } catch (e) {
          reject(new ApiError(t('errors.invalidJson', { method: 'copy/upload', error: e instanceof Error ? e.message : String(e) }), xhr.status));
        }
        return;
      }
      void responseError(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText })).then(reject);
    };
    onProgress({ bytes: 0, total: file.size, local: file.name });
    xhr.send(file);
  });
}
