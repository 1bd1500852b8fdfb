// Tests only: a fake host on a real MessageChannel, speaking protocol.ts to
// the runtime as the host page does.
import type { FrameMessage, HostMessage, Theme } from '../features/plugins/sandbox/protocol';
import { startRuntime, type RuntimeDeps } from './runtime';

export interface FakeHost {
  post: (m: HostMessage | Record<string, unknown>) => void;
  /** Every message the frame posted, in order. */
  received: FrameMessage[];
  /** The first message of this type not yet returned by next (waits for it). */
  next: <T extends FrameMessage['type']>(type: T, timeoutMs?: number) => Promise<Extract<FrameMessage, { type: T }>>;
  close: () => void;
}

export const theme: Theme = { name: 'dark', vars: { '--kd-bg': '#111113', '--kd-text': '#edeef0' } };

export function initMessage(over: Partial<Extract<HostMessage, { type: 'init' }>> = {}): HostMessage {
  return {
    type: 'init',
    role: 'background',
    plugin: { id: 'demo', name: 'Demo', version: '1.0.0' },
    moduleUrl: 'plugin/main.js',
    language: 'en',
    theme,
    settings: {},
    ...over,
  };
}

export function fakeHost(deps: Partial<RuntimeDeps>): FakeHost {
  const ch = new MessageChannel();
  const received: FrameMessage[] = [];
  const taken = new Set<number>();
  const waiters = new Set<() => void>();
  ch.port1.onmessage = (e: MessageEvent<FrameMessage>) => {
    received.push(e.data);
    for (const w of [...waiters]) w();
  };
  const stop = startRuntime(ch.port2, deps);
  const next = <T extends FrameMessage['type']>(type: T, timeoutMs = 2000) =>
    new Promise<Extract<FrameMessage, { type: T }>>((resolve, reject) => {
      const check = () => {
        const i = received.findIndex((m, j) => m.type === type && !taken.has(j));
        if (i < 0) return;
        taken.add(i);
        waiters.delete(check);
        clearTimeout(timer);
        resolve(received[i] as Extract<FrameMessage, { type: T }>);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no "${type}" message; got ${JSON.stringify(received.map((m) => m.type))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    post: (m) => ch.port1.postMessage(m),
    received,
    next,
    close: () => {
      stop();
      ch.port1.close();
    },
  };
}

/** An importer serving modules from a map (keys relative to the document; a missing URL rejects, as a failed import does). */
export function modules(map: Record<string, Record<string, unknown>>): (url: string) => Promise<Record<string, unknown>> {
  const byUrl = new Map(Object.entries(map).map(([k, v]) => [new URL(k, document.baseURI).href, v]));
  return (url) => {
    const m = byUrl.get(url);
    return m ? Promise.resolve(m) : Promise.reject(new Error(`Failed to fetch dynamically imported module: ${url}`));
  };
}
