// Every GET stream of the page over one connection: GET /api/stream/mux
// (app/api/mux.go). A browser opens at most six HTTP/1.1 connections to a
// host and each live stream holds one, so a details page with a terminal
// used to take all six and every later request queued for ever. Here one
// connection carries them: POST /api/stream/mux/open starts a stream, and
// its answer comes back as a Response of its own (status, then the body's
// bytes), so openStream's callers read it as before.
import type { MuxMessage, MuxOpenRequest } from './contract.gen';

/** The request header naming a stream, for POST /api/stream/cancel?id=. */
export const STREAM_HEADER = 'X-Kubedeck-Stream';

/** How long the mux may stay silent (the backend sends a heartbeat every 30 s) before it counts as broken. */
export const MUX_SILENCE_MS = 90_000;

const NEWLINE = 0x0a;

/**
 * Splits the mux's bytes into frames: a JSON line, and after a data line
 * the number of bytes it announced. Chunks may split anything anywhere.
 */
export class MuxFrameParser {
  private pending: Uint8Array = new Uint8Array(0);
  private data: { stream: string; left: number } | null = null;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly onFrame: (f: MuxMessage) => void,
    private readonly onData: (stream: string, bytes: Uint8Array) => void,
  ) {}

  push(chunk: Uint8Array): void {
    let buf = this.pending.length ? concat(this.pending, chunk) : chunk;
    for (;;) {
      if (this.data) {
        if (buf.length === 0) break;
        const n = Math.min(this.data.left, buf.length);
        this.onData(this.data.stream, buf.subarray(0, n));
        this.data.left -= n;
        buf = buf.subarray(n);
        if (this.data.left === 0) this.data = null;
        continue;
      }
      const nl = buf.indexOf(NEWLINE);
      if (nl === -1) break;
      const frame = parseFrame(this.decoder.decode(buf.subarray(0, nl)));
      buf = buf.subarray(nl + 1);
      if (!frame) continue;
      if (frame.type === 'data' && frame.size > 0) this.data = { stream: frame.stream, left: frame.size };
      this.onFrame(frame);
    }
    this.pending = buf.length ? buf.slice() : new Uint8Array(0);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function parseFrame(line: string): MuxMessage | null {
  if (!line.trim()) return null;
  try {
    const v = JSON.parse(line) as unknown;
    return typeof v === 'object' && v !== null && 'type' in v ? (v as MuxMessage) : null;
  } catch {
    return null;
  }
}

/** A stream on the mux: waiting for its start, then reading. */
interface Entry {
  resolve: (r: Response) => void;
  reject: (e: unknown) => void;
  /** Stops following the caller's signal (the stream is over). */
  off: () => void;
  body?: ReadableStreamDefaultController<Uint8Array>;
}

interface Conn {
  id: string;
  entries: Map<string, Entry>;
  abort: () => void;
  dead?: boolean;
}

export interface MuxDeps {
  fetch: typeof fetch;
  /** The headers every request carries (apiHeaders). */
  headers: () => Record<string, string>;
  newId: () => string;
  /** Asks the backend to stop a stream (or the mux itself) by id. */
  cancel: (id: string) => void;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** The page's one stream connection, opened when the first stream needs it and again after it broke. */
export class StreamMux {
  private conn: Promise<Conn> | null = null;
  /** The connection this.conn resolved to, once it did. */
  private live: Conn | null = null;

  constructor(private readonly deps: MuxDeps) {}

  /**
   * Runs the GET stream url as stream id and resolves with its answer (a
   * Response whose body is the stream's bytes), as fetch would; rejects as
   * fetch does when the connection cannot be made or breaks before the start.
   */
  async open(url: string, id: string, plugin: string | undefined, signal: AbortSignal): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const conn = await this.connection(signal);
      if (conn instanceof Response) return conn;
      const onAbort = () => this.drop(conn, id, new DOMException('The stream was aborted', 'AbortError'));
      const off = () => signal.removeEventListener('abort', onAbort);
      const answer = new Promise<Response>((resolve, reject) => conn.entries.set(id, { resolve, reject, off }));
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      const req: MuxOpenRequest = { stream: id, path: url };
      if (plugin) req.plugin = plugin;
      let res: Response;
      try {
        res = await this.deps.fetch(`/api/stream/mux/open?mux=${encodeURIComponent(conn.id)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...this.deps.headers() },
          body: JSON.stringify(req),
          credentials: 'same-origin',
          signal,
        });
      } catch (e) {
        this.drop(conn, id, e);
        throw e;
      }
      if (res.ok) {
        await res.text().catch(() => ''); // "{}": read, so the request ends cleanly
        return answer;
      }
      conn.entries.delete(id);
      off();
      // The backend forgot the mux (it ended as this was sent): once more on a new one.
      if (res.status === 404 && attempt === 0) {
        this.forget(conn);
        continue;
      }
      return res;
    }
  }

  private drop(conn: Conn, id: string, reason: unknown): void {
    const e = conn.entries.get(id);
    if (!e) return;
    conn.entries.delete(id);
    e.off();
    if (e.body) e.body.error(reason);
    else e.reject(reason);
  }

  /** Drops a connection, here and on the backend (the desktop's webview never ends an aborted request). */
  private forget(conn: Conn): void {
    if (this.live === conn) {
      this.live = null;
      this.conn = null;
    }
    if (conn.dead) return;
    conn.dead = true;
    conn.abort();
    this.deps.cancel(conn.id);
  }

  /** The open connection, or a new one; a refused one (401 …) as its Response. */
  private connection(signal: AbortSignal): Promise<Conn | Response> {
    if (!this.conn) {
      const attempt = this.connect();
      this.conn = attempt;
      attempt.catch(() => {
        if (this.conn === attempt) this.conn = null;
      });
    }
    const conn = this.conn;
    return new Promise<Conn | Response>((resolve, reject) => {
      const onAbort = () => reject(new DOMException('The stream was aborted', 'AbortError'));
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      conn
        .then(resolve, (e: unknown) => {
          if (e instanceof RefusedMux) resolve(new Response(e.body, { status: e.status, headers: { 'Content-Type': 'application/json' } }));
          else reject(e);
        })
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async connect(): Promise<Conn> {
    const ctl = new AbortController();
    const conn: Conn = { id: this.deps.newId(), entries: new Map(), abort: () => ctl.abort() };
    const res = await this.deps.fetch('/api/stream/mux', {
      headers: { Accept: 'application/x-ndjson', [STREAM_HEADER]: conn.id, ...this.deps.headers() },
      credentials: 'same-origin',
      signal: ctl.signal,
    });
    if (!res.ok || !res.body) throw new RefusedMux(res.status, await res.text().catch(() => ''));
    const reader = res.body.getReader();
    let ready: () => void = () => undefined;
    const isReady = new Promise<void>((r) => (ready = r));
    const parser = new MuxFrameParser((f) => (f.type === 'ready' ? ready() : this.onFrame(conn, f)), (stream, bytes) => conn.entries.get(stream)?.body?.enqueue(bytes));
    void this.read(conn, reader, parser, ctl);
    const lost = new Promise<never>((_, reject) => ctl.signal.addEventListener('abort', () => reject(new TypeError('the stream connection ended')), { once: true }));
    await Promise.race([isReady, lost]);
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => this.deps.cancel(conn.id), { once: true });
    if (ctl.signal.aborted) throw new TypeError('the stream connection ended');
    this.live = conn;
    return conn;
  }

  private onFrame(conn: Conn, f: MuxMessage): void {
    if (f.type === 'start') {
      const e = conn.entries.get(f.stream);
      if (!e || e.body) return;
      if (NULL_BODY.has(f.status)) {
        conn.entries.delete(f.stream);
        e.off();
        e.resolve(new Response(null, { status: f.status }));
        return;
      }
      const body = new ReadableStream<Uint8Array>({ start: (c) => (e.body = c) });
      e.resolve(new Response(body, { status: f.status, headers: { 'Content-Type': 'application/x-ndjson' } }));
    } else if (f.type === 'end') {
      const e = conn.entries.get(f.stream);
      conn.entries.delete(f.stream);
      e?.off();
      if (e?.body) e.body.close();
      else e?.reject(new TypeError('the stream ended before it started'));
    }
  }

  /** Reads the connection until it ends, then fails every stream on it (their callers reconnect). */
  private async read(conn: Conn, reader: ReadableStreamDefaultReader<Uint8Array>, parser: MuxFrameParser, ctl: AbortController): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => ctl.abort(), MUX_SILENCE_MS);
    };
    try {
      watch();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        watch();
        parser.push(value);
      }
    } catch {
      // broken off: below
    } finally {
      clearTimeout(timer);
      ctl.abort();
      this.forget(conn);
      const broken = new TypeError('the stream connection broke off');
      for (const id of [...conn.entries.keys()]) this.drop(conn, id, broken);
    }
  }
}

/** A mux the backend refused (its status and body, for responseError). */
class RefusedMux extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the stream connection was refused (${status})`);
  }
}
