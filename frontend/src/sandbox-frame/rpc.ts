// The plugin's cluster client as messages: every method is a "call" with a
// numeric id; the host answers with "reply" (and, for watches, "watch-event"s
// with the call's id). The host checks each call against the grant; a
// refused one rejects with an Error that says so.
import type { Call, CallError, FrameMessage, HostMessage, WatchEventWire } from '../features/plugins/sandbox/protocol';
import type { WatchEvent } from '../features/plugins/types';

/** A failed call: the cluster's error, or the host's refusal (refused = true). */
export class CallFailed extends Error {
  readonly status: number | undefined;
  readonly refused: boolean;

  constructor(err: CallError) {
    const message = typeof err.message === 'string' && err.message !== '' ? err.message : 'The request failed';
    super(err.refused === true && !/^refused\b/i.test(message) ? `Refused: ${message}` : message);
    this.name = 'CallFailed';
    this.status = typeof err.status === 'number' ? err.status : undefined;
    this.refused = err.refused === true;
  }
}

export const cancelled = (): Error => new Error('Cancelled');

type Reply = Extract<HostMessage, { type: 'reply' }>;
type Send = (m: FrameMessage) => void;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A watch event from the host, checked (null: malformed, dropped). */
function toEvent(e: WatchEventWire): WatchEvent | null {
  const v: Record<string, unknown> = e as unknown as Record<string, unknown>;
  if (v.type === 'objects' && Array.isArray(v.objects)) return { type: 'objects', objects: v.objects.filter(isObj) };
  if ((v.type === 'added' || v.type === 'modified' || v.type === 'deleted') && isObj(v.object)) return { type: v.type, object: v.object };
  if (v.type === 'error' && typeof v.message === 'string') {
    return typeof v.status === 'number' ? { type: 'error', message: v.message, status: v.status } : { type: 'error', message: v.message };
  }
  return null;
}

/** Hands an event to the plugin's callback; a throwing callback is the plugin's bug, not the runtime's. */
function deliver(onEvent: (e: WatchEvent) => void, e: WatchEvent): void {
  try {
    onEvent(e);
  } catch (err) {
    console.error('kubedeck plugin: watch callback threw', err);
  }
}

export class Rpc {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly watches = new Map<number, (e: WatchEvent) => void>();

  constructor(private readonly send: Send) {}

  /** Sends a call; resolves with the reply's value. An aborted signal rejects "Cancelled" (the late reply is dropped). */
  call(call: Call, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(cancelled());
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => {
          done();
          resolve(v);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      this.send({ type: 'call', id, call });
    });
  }

  /** Starts a watch; returns the function that stops it (it sends "unwatch" once). */
  watch(call: Extract<Call, { method: 'watch' }>, onEvent: (e: WatchEvent) => void, signal?: AbortSignal): () => void {
    if (signal?.aborted) return () => undefined;
    const id = this.nextId++;
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      signal?.removeEventListener('abort', stop);
      this.watches.delete(id);
      this.pending.delete(id);
      this.call({ method: 'unwatch', watch: id }).catch(() => undefined);
    };
    signal?.addEventListener('abort', stop, { once: true });
    this.watches.set(id, onEvent);
    // The watch call's reply: ok means started; a failure (refused, bad kind) is the watch's error event.
    this.pending.set(id, {
      resolve: () => undefined,
      reject: (e) => {
        if (stopped) return;
        this.watches.delete(id);
        deliver(onEvent, e instanceof CallFailed && e.status !== undefined ? { type: 'error', message: e.message, status: e.status } : { type: 'error', message: e.message });
      },
    });
    this.send({ type: 'call', id, call });
    return stop;
  }

  /** Handles a reply or a watch event; returns false for any other message. */
  handle(m: HostMessage): boolean {
    if (m.type === 'reply') {
      this.reply(m);
      return true;
    }
    if (m.type === 'watch-event') {
      const onEvent = this.watches.get(m.id);
      const e = onEvent ? toEvent(m.event) : null;
      if (onEvent && e) deliver(onEvent, e);
      return true;
    }
    return false;
  }

  private reply(m: Reply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new CallFailed(isObj(m.error) ? m.error : { message: '' }));
  }
}
