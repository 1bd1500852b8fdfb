// A log stream into a ring buffer. Lines go into the buffer as they arrive;
// React hears about them at most once per animation frame (or every 250 ms
// when frames do not run, e.g. a background tab), so a fast log costs one
// render per frame however many batches came in.
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { streamLogs, type LogQuery } from '../../api/operations';
import { useStreamEpoch } from '../clusters/clusterHealth';
import { DEFAULT_CAPACITY, RingBuffer } from './ringBuffer';

export type LogState = 'connecting' | 'streaming' | 'ended' | 'error';

export interface LogStream {
  buffer: RingBuffer;
  /** Bumped (once per frame at most) when the buffer changed. */
  version: number;
  state: LogState;
  error: string | null;
  /** The latest status notes from the backend (stream resumed, new pod…), newest last. */
  notes: string[];
  /** Lines received since the stream started. */
  received: number;
  /** Restart the stream (the buffer is cleared first, so nothing repeats). */
  restart: () => void;
}

function onNextFrame(fn: () => void): () => void {
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

export function useLogStream(query: LogQuery | null, capacity = DEFAULT_CAPACITY): LogStream {
  const bufferRef = useRef<RingBuffer | null>(null);
  if (!bufferRef.current || bufferRef.current.capacity !== capacity) bufferRef.current = new RingBuffer(capacity);
  const buffer = bufferRef.current;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<LogState>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [restarts, setRestarts] = useState(0);
  const receivedRef = useRef(0);
  const epoch = useStreamEpoch();
  const key = query ? JSON.stringify(query) : '';

  useEffect(() => {
    if (!query) return;
    const ctl = new AbortController();
    buffer.clear();
    receivedRef.current = 0;
    setState('connecting');
    setError(null);
    setNotes([]);
    setVersion((v) => v + 1);
    let cancelFrame: (() => void) | null = null;
    const changed = () => {
      if (cancelFrame) return;
      cancelFrame = onNextFrame(() => {
        cancelFrame = null;
        setVersion((v) => v + 1);
      });
    };
    let first = true;
    streamLogs(
      query,
      (m) => {
        if (first) {
          first = false;
          setState('streaming');
        }
        switch (m.type) {
          case 'lines':
            buffer.push(m.lines);
            receivedRef.current += m.lines.length;
            changed();
            break;
          case 'status':
            setNotes((n) => [...n.slice(-4), m.pod ? `${m.pod}: ${m.message}` : m.message]);
            break;
          case 'error':
            setError(m.message);
            break;
          case 'heartbeat':
            break;
        }
      },
      ctl.signal,
    ).then(
      () => {
        if (ctl.signal.aborted) return;
        setState((s) => (s === 'error' ? s : 'ended'));
        setError((e) => e);
        changed();
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(errorMessage(e));
        setState('error');
        changed();
      },
    );
    return () => {
      ctl.abort();
      cancelFrame?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the query
  }, [key, buffer, restarts, epoch]);

  return {
    buffer,
    version,
    state,
    error,
    notes,
    received: receivedRef.current,
    restart: () => setRestarts((n) => n + 1),
  };
}
