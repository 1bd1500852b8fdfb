// A log stream into a ring buffer. Lines go into the buffer as they arrive;
// React hears about them at most once per animation frame (or every 250 ms
// when frames do not run, e.g. a background tab), so a fast log costs one
// render per frame however many batches came in. The stream pauses while
// its cluster pane is hidden (useLiveStream) and starts over when shown.
import { useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { streamLogs, type LogMessage, type LogQuery } from '../../api/operations';
import { frameBatch } from '../../lib/frameScheduler';
import { useLiveStream } from '../../lib/useLiveStream';
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

export function useLogStream(query: LogQuery | null, capacity = DEFAULT_CAPACITY): LogStream {
  const bufferRef = useRef<RingBuffer | null>(null);
  if (!bufferRef.current || bufferRef.current.capacity !== capacity) bufferRef.current = new RingBuffer(capacity);
  const buffer = bufferRef.current;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<LogState>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const receivedRef = useRef(0);
  const first = useRef(true);
  // One version bump per frame at most, however many batches came in.
  const changed = useMemo(() => frameBatch<true>(() => setVersion((v) => v + 1)), []);

  // Logs do not reconnect by themselves (a new stream would repeat the tail);
  // restart, the epoch and a hidden pane shown again start over, buffer cleared.
  const { retry } = useLiveStream<LogMessage>({
    key: query ? JSON.stringify([query, capacity]) : null,
    backoff: null,
    open: (onMessage, signal) => (query ? streamLogs(query, onMessage, signal) : Promise.resolve()),
    onConnect: () => {
      buffer.clear();
      receivedRef.current = 0;
      first.current = true;
      setState('connecting');
      setError(null);
      setNotes([]);
      setVersion((v) => v + 1);
    },
    onMessage: (m) => {
      if (first.current) {
        first.current = false;
        setState('streaming');
      }
      switch (m.type) {
        case 'lines':
          buffer.push(m.lines);
          receivedRef.current += m.lines.length;
          changed.push(true);
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
    onEnd: (e) => {
      if (e === undefined) {
        setState((s) => (s === 'error' ? s : 'ended'));
      } else {
        setError(errorMessage(e));
        setState('error');
      }
      changed.push(true);
      return false;
    },
    onStop: () => changed.cancel(),
  });

  return {
    buffer,
    version,
    state,
    error,
    notes,
    received: receivedRef.current,
    restart: retry,
  };
}
