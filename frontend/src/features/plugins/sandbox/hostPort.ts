// The host's end of one frame's channel. Once the iframe has loaded, the host
// opens a MessageChannel and posts "connect" with port 2 to the frame's
// window (targetOrigin "*": a sandboxed frame's origin is opaque); from then
// on every message travels on port 1, checked with isFrameMessage (anything
// else is dropped). A second load means the frame navigated away from the
// document the host connected to: the channel is closed and reported.
import { isFrameMessage, PROTOCOL, type Connect, type FrameMessage, type HostMessage } from './protocol';

export interface FramePort {
  /** Posts to the frame (queued until connected); false when it could not be sent. */
  post(m: HostMessage): boolean;
  close(): void;
}

export interface FrameHandlers {
  /** Connected: the first message (init) can go. */
  onConnect: () => void;
  onMessage: (m: FrameMessage) => void;
  /** The frame loaded a second document (it navigated): the channel is gone. */
  onNavigated: () => void;
}

export function connectFrame(iframe: HTMLIFrameElement, h: FrameHandlers): FramePort {
  let port: MessagePort | null = null;
  let closed = false;
  const onLoad = () => {
    if (closed) return;
    if (port) {
      port.close();
      port = null;
      closed = true;
      h.onNavigated();
      return;
    }
    const win = iframe.contentWindow;
    if (!win) return;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (e: MessageEvent<unknown>) => {
      if (!closed && isFrameMessage(e.data)) h.onMessage(e.data);
    };
    const connect: Connect = { kd: 'connect', protocol: PROTOCOL };
    win.postMessage(connect, '*', [channel.port2]);
    h.onConnect();
  };
  iframe.addEventListener('load', onLoad);
  return {
    post(m) {
      if (closed || !port) return false;
      try {
        port.postMessage(m);
        return true;
      } catch (e) {
        console.warn('kubedeck: a message to a plugin frame could not be sent', e);
        return false;
      }
    },
    close() {
      closed = true;
      iframe.removeEventListener('load', onLoad);
      port?.close();
      port = null;
    },
  };
}

/** A hidden or visible sandboxed frame for a plugin: scripts only (no same origin, forms, popups or top navigation). */
export function sandboxedFrame(src: string, title: string): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.setAttribute('sandbox', 'allow-scripts');
  f.setAttribute('title', title);
  f.setAttribute('referrerpolicy', 'no-referrer');
  f.src = src;
  return f;
}
