// Test helper: a plugin frame played by the test on the far end of a real
// MessageChannel, in place of an iframe document (FrameEnv.connect).
import type { FrameEnv } from './session';
import { isFrameMessage, isHostMessage, type FrameMessage, type HostMessage } from './protocol';

export interface FakeFrame {
  iframe: HTMLIFrameElement;
  received: HostMessage[];
  send: (m: FrameMessage | Record<string, unknown>) => void;
  closed: boolean;
}

/** A connect function whose frames answer with `script` (called on every host message). */
export function fakeConnect(script: (f: FakeFrame, m: HostMessage) => void, frames: FakeFrame[] = []): FrameEnv['connect'] {
  return (iframe, h) => {
    const ch = new MessageChannel();
    const f: FakeFrame = { iframe, received: [], send: (m) => ch.port2.postMessage(m), closed: false };
    frames.push(f);
    ch.port1.onmessage = (e: MessageEvent<unknown>) => {
      if (!f.closed && isFrameMessage(e.data)) h.onMessage(e.data);
    };
    ch.port2.onmessage = (e: MessageEvent<unknown>) => {
      if (!isHostMessage(e.data)) return;
      f.received.push(e.data);
      script(f, e.data);
    };
    queueMicrotask(() => h.onConnect());
    return {
      post: (m) => {
        if (f.closed) return false;
        ch.port1.postMessage(m);
        return true;
      },
      close: () => {
        f.closed = true;
        ch.port1.close();
        ch.port2.close();
      },
    };
  };
}

/** Resolves when cond() holds (polling; the channel delivers between macrotasks). */
export async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
