// The one frame scheduler: work that updates React state from a stream runs
// at most once per animation frame, however many messages came in.

/**
 * Runs fn on the next animation frame, or after 250 ms when frames do not run
 * (a background tab, no requestAnimationFrame); whichever comes first, once.
 * Returns a cancel function.
 */
export function onNextFrame(fn: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const t = setTimeout(run, 250);
  return () => {
    done = true;
    if (raf !== null) cancelAnimationFrame(raf);
    clearTimeout(t);
  };
}

export interface FrameBatch<T> {
  /** Queues an item; the batch is flushed on the next frame. */
  push(item: T): void;
  /** Flushes what is queued now (e.g. before the stream's end is shown). */
  flush(): void;
  /** Drops what is queued and the pending frame. */
  cancel(): void;
}

/** Collects items and hands them to flush as one batch per frame. */
export function frameBatch<T>(flush: (items: T[]) => void): FrameBatch<T> {
  let queue: T[] = [];
  let cancelFrame: (() => void) | null = null;
  const run = () => {
    cancelFrame = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    flush(items);
  };
  return {
    push(item) {
      queue.push(item);
      cancelFrame ??= onNextFrame(run);
    },
    flush() {
      cancelFrame?.();
      run();
    },
    cancel() {
      cancelFrame?.();
      cancelFrame = null;
      queue = [];
    },
  };
}
