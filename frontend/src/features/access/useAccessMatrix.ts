// Follows GET /api/stream/access: the newest matrix (each line replaces the
// last wholesale), how the stream is doing, and what went wrong. Reconnects
// with the app's one backoff (useLiveStream) and pauses while the pane is hidden.
import { useState } from 'react';
import { streamAccess, type AccessLine } from '../../api/access';
import { errorMessage } from '../../api/errors';
import type { AccessMatrix } from '../../api/types';
import { t } from '../../i18n';
import { isTransient, useLiveStream } from '../../lib/useLiveStream';
import type { Connection, StreamProblem } from '../resources/listReducer';

export interface AccessMatrixState {
  /** The newest matrix; null until the first one is in. */
  matrix: AccessMatrix | null;
  connection: Connection;
  /** A retrying problem (the matrix shown may be stale) or a final one (the stream stopped). */
  problem: StreamProblem | null;
  retry: () => void;
}

interface Live {
  matrix: AccessMatrix | null;
  connection: Connection;
  problem: StreamProblem | null;
}

const START: Live = { matrix: null, connection: 'connecting', problem: null };

export function useAccessMatrix(context: string, namespace: string): AccessMatrixState {
  const [live, setLive] = useState<Live>(START);
  const { retry } = useLiveStream<AccessLine>({
    key: JSON.stringify([context, namespace]),
    open: (onLine, signal) => streamAccess(context, namespace, onLine, signal),
    onConnect: (c) => setLive((l) => (c.kind === 'new' ? START : { ...l, connection: l.matrix ? l.connection : 'connecting' })),
    onMessage: (m, c) => {
      if (m.type === 'matrix') {
        c.healthy();
        setLive({ matrix: m.matrix, connection: 'live', problem: null });
        return;
      }
      if (!m.retrying) c.final = true;
      setLive((l) => ({ ...l, connection: m.retrying ? 'reconnecting' : 'failed', problem: { message: m.message, retrying: m.retrying } }));
    },
    onEnd: (error, c) => {
      if (error === undefined && c.final) return false;
      if (error !== undefined && !isTransient(error)) {
        setLive((l) => ({ ...l, connection: 'failed', problem: { message: errorMessage(error), retrying: false } }));
        return false;
      }
      const message = error === undefined ? t('errors.connectionLost') : errorMessage(error);
      setLive((l) => ({ ...l, connection: 'reconnecting', problem: { message, retrying: true } }));
      return true;
    },
  });
  return { ...live, retry };
}
