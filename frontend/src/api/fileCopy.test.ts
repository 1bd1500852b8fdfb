import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFromContainer, downloadName, toCopyMessage, uploadToContainer, type CopyProgress } from './fileCopy';

let shell: 'desktop' | 'http' = 'http';
const saved = vi.fn<(name: string, blob: Blob) => void>();
vi.mock('./client', () => ({ transport: () => shell, apiHeaders: () => ({ 'X-Kubedeck-Key': 'k' }) }));
vi.mock('./saveFile', () => ({ downloadBlob: (n: string, b: Blob) => saved(n, b) }));

const target = { context: 'kind', namespace: 'team-a', pod: 'web-1', container: 'nginx' };

/** A response whose body arrives in the given chunks. */
function chunked(chunks: Uint8Array[], headers: Record<string, string>): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(x);
      c.close();
    },
  });
  return new Response(body, { status: 200, headers });
}

beforeEach(() => {
  shell = 'http';
  saved.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

describe('copy messages', () => {
  it('decodes the desktop stream’s lines and drops anything else', () => {
    expect(toCopyMessage({ type: 'progress', bytes: 5, total: 10, local: '/home/me/x' })).toEqual({ type: 'progress', bytes: 5, total: 10, local: '/home/me/x' });
    expect(toCopyMessage({ type: 'progress', bytes: 'a' })).toEqual({ type: 'progress', bytes: 0, total: -1, local: '' });
    expect(toCopyMessage({ type: 'done', result: { bytes: 3, files: 1, sha256: 'ab' }, local: '/x' })).toEqual({ type: 'done', result: { bytes: 3, files: 1, sha256: 'ab' }, local: '/x' });
    expect(toCopyMessage({ type: 'cancelled' })).toEqual({ type: 'cancelled' });
    expect(toCopyMessage({ type: 'error', message: 'the container has no tar' })).toEqual({ type: 'error', message: 'the container has no tar' });
    expect(toCopyMessage({ type: 'heartbeat' })).toBeNull();
    expect(toCopyMessage('x')).toBeNull();
  });

  it('names a download from Content-Disposition, else from the path', () => {
    expect(downloadName('attachment; filename="data.tar"', '/var/data')).toBe('data.tar');
    expect(downloadName("attachment; filename*=UTF-8''n%C3%A4me.txt", '/x')).toBe('näme.txt');
    expect(downloadName(null, '/var/log/app.log')).toBe('app.log');
    expect(downloadName(null, '/var/log/')).toBe('log');
  });
});

describe('the browser shell', () => {
  it('downloads with progress against X-Kubedeck-Size, saves the bytes and gives their SHA-256', async () => {
    const a = new Uint8Array(3000).fill(7);
    const b = new Uint8Array(1000).fill(9);
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      chunked([a, b], { 'X-Kubedeck-Size': '4000', 'Content-Disposition': 'attachment; filename="blob.bin"', 'Content-Type': 'application/octet-stream' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const seen: CopyProgress[] = [];
    const out = await downloadFromContainer(target, '/tmp/blob.bin', (p) => seen.push(p), new AbortController().signal);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/copy/download?context=kind&namespace=team-a&pod=web-1&container=nginx&path=%2Ftmp%2Fblob.bin');
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toEqual({ 'X-Kubedeck-Key': 'k' });
    expect(seen.map((p) => p.bytes)).toEqual([0, 3000, 4000]);
    expect(seen.every((p) => p.total === 4000 && p.local === 'blob.bin')).toBe(true);
    const sha = createHash('sha256').update(a).update(b).digest('hex');
    expect(out).toEqual({ kind: 'done', result: { bytes: 4000, files: 1, sha256: sha }, local: 'blob.bin' });
    expect(saved).toHaveBeenCalledOnce();
    expect(saved.mock.calls[0]?.[0]).toBe('blob.bin');
    expect(saved.mock.calls[0]?.[1].size).toBe(4000);
  });

  it('says what the server said when it refuses, and that a download ended short', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'the container has no tar: copying files needs tar' }, { status: 502 }));
    await expect(downloadFromContainer(target, '/x', () => {}, new AbortController().signal)).rejects.toThrow('the container has no tar');
    vi.stubGlobal('fetch', async () => chunked([new Uint8Array(10)], { 'X-Kubedeck-Size': '20' }));
    await expect(downloadFromContainer(target, '/x', () => {}, new AbortController().signal)).rejects.toThrow('after 10 of 20 bytes');
    expect(saved).not.toHaveBeenCalled();
  });

  it('stops a download when the signal aborts', async () => {
    const ctl = new AbortController();
    vi.stubGlobal('fetch', async (_u: string, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(5));
          init.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'X-Kubedeck-Size': '100' } });
    });
    const p = downloadFromContainer(target, '/x', (s) => s.bytes === 5 && ctl.abort(), ctl.signal);
    await expect(p).resolves.toEqual({ kind: 'stopped' });
    expect(saved).not.toHaveBeenCalled();
  });

  it('uploads the file with XMLHttpRequest, reports upload progress and reads the result', async () => {
    const sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
    class FakeXHR {
      upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onabort: (() => void) | null = null;
      status = 0;
      statusText = '';
      responseText = '';
      withCredentials = false;
      private url = '';
      private headers: Record<string, string> = {};
      open(_m: string, url: string) {
        this.url = url;
      }
      setRequestHeader(k: string, v: string) {
        this.headers[k] = v;
      }
      abort() {
        this.onabort?.();
      }
      send(body: unknown) {
        sent.push({ url: this.url, headers: this.headers, body });
        this.upload.onprogress?.({ loaded: 2, total: 4, lengthComputable: true });
        this.upload.onprogress?.({ loaded: 4, total: 4, lengthComputable: true });
        this.status = 200;
        this.responseText = JSON.stringify({ bytes: 4, sha256: 'beef', files: 1 });
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXHR);
    const file = new File(['abcd'], 'notes.txt');
    const seen: number[] = [];
    const out = await uploadToContainer(target, '/tmp/notes.txt', file, (p) => seen.push(p.bytes), new AbortController().signal);
    expect(out).toEqual({ kind: 'done', result: { bytes: 4, sha256: 'beef', files: 1 }, local: 'notes.txt' });
    expect(seen).toEqual([0, 2, 4]);
    expect(sent[0]?.url).toBe('/api/copy/upload?context=kind&namespace=team-a&pod=web-1&container=nginx&path=%2Ftmp%2Fnotes.txt');
    expect(sent[0]?.headers['X-Kubedeck-Key']).toBe('k');
    expect(sent[0]?.body).toBe(file);
  });

  it('needs a file to upload', async () => {
    await expect(uploadToContainer(target, '/tmp/x', null, () => {}, new AbortController().signal)).rejects.toThrow('Choose a file to upload first');
  });
});

describe('the desktop shell', () => {
  beforeEach(() => {
    shell = 'desktop';
  });

  it('posts the request to the copy stream and follows it to the end', async () => {
    const lines = [
      { type: 'progress', bytes: 0, total: 8, local: '/home/me/x' },
      { type: 'progress', bytes: 8, total: 8, local: '/home/me/x' },
      { type: 'done', result: { bytes: 8, files: 1, sha256: 'cafe' }, local: '/home/me/x' },
    ];
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    vi.stubGlobal('fetch', fetchMock);
    const seen: CopyProgress[] = [];
    const out = await downloadFromContainer(target, '/etc/x', (p) => seen.push(p), new AbortController().signal);
    expect(out).toEqual({ kind: 'done', result: { bytes: 8, files: 1, sha256: 'cafe' }, local: '/home/me/x' });
    expect(seen.map((p) => p.bytes)).toEqual([0, 8]);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/stream/copy');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ ...target, direction: 'download', path: '/etc/x' });
  });

  it('reports a closed file dialog, and the stream’s error', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"type":"cancelled"}\n'));
    await expect(uploadToContainer(target, '/tmp/x', null, () => {}, new AbortController().signal)).resolves.toEqual({ kind: 'cancelled' });
    vi.stubGlobal('fetch', async () => new Response('{"type":"error","message":"open /x: permission denied"}\n'));
    await expect(uploadToContainer(target, '/tmp/x', null, () => {}, new AbortController().signal)).rejects.toThrow('open /x: permission denied');
  });
});
