// A view frame's content height for the host (it sizes the iframe to it):
// posted once the view has rendered, then on every change a ResizeObserver
// sees, at most once per animation frame and only when it differs.
import type { FrameMessage } from '../features/plugins/sandbox/protocol';

export interface SizeDeps {
  ResizeObserver: typeof ResizeObserver | undefined;
  scheduleFrame: (cb: () => void) => void;
}

export const defaultSizeDeps = (): SizeDeps => ({
  ResizeObserver: globalThis.ResizeObserver,
  scheduleFrame: (cb) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => cb()) : setTimeout(cb, 16)),
});

/** Reports el's height; returns the function that stops. */
export function reportSize(el: Element, send: (m: FrameMessage) => void, deps: SizeDeps): () => void {
  let last = -1;
  let scheduled = false;
  let stopped = false;
  const post = () => {
    scheduled = false;
    if (stopped) return;
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    send({ type: 'size', height });
  };
  post();
  const RO = deps.ResizeObserver;
  if (!RO) return () => void (stopped = true);
  const ro = new RO(() => {
    if (scheduled) return;
    scheduled = true;
    deps.scheduleFrame(post);
  });
  ro.observe(el);
  return () => {
    stopped = true;
    ro.disconnect();
  };
}
