// Follows one object live: the latest object and YAML, or that it is gone.
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { streamObject } from '../../api/objectStream';
import type { KubeObject, ObjectMessage, ObjectQuery } from '../../api/types';
import { useLiveStream } from '../../lib/useLiveStream';
import { reportLive, reportTrouble } from '../clusters/clusterHealth';

export interface ObjectState {
  object: KubeObject | null;
  yaml: string;
  deleted: boolean;
  error: { message: string; status?: number } | null;
  connection: 'connecting' | 'live' | 'reconnecting' | 'failed';
}

const initial: ObjectState = { object: null, yaml: '', deleted: false, error: null, connection: 'connecting' };

const clientError = (status: number | undefined): status is number => status !== undefined && status >= 400 && status < 500;

export function useObjectStream(q: ObjectQuery): ObjectState {
  const [state, setState] = useState<ObjectState>(initial);
  useLiveStream<ObjectMessage>({
    key: JSON.stringify(q),
    open: (onMessage, signal) => streamObject(q, onMessage, signal),
    onConnect: (c) => {
      if (c.kind === 'retry') return;
      setState((s) => (s.object && s.object.metadata && sameTarget(s.object, q) ? { ...s, connection: 'reconnecting' } : initial));
    },
    onMessage: (m, c) => {
      if (m.type === 'object') {
        c.healthy();
        reportLive(q.context);
        setState({ object: m.object, yaml: m.yaml, deleted: false, error: null, connection: 'live' });
      } else if (m.type === 'deleted') {
        c.final = true;
        setState((s) => ({ ...s, deleted: true, connection: 'failed' }));
      } else {
        if (m.status === 401 || m.status === undefined) reportTrouble(q.context);
        c.final = clientError(m.status);
        const error = m.status === undefined ? { message: m.message } : { message: m.message, status: m.status };
        setState((s) => ({ ...s, error, connection: c.final ? 'failed' : 'reconnecting' }));
      }
    },
    onEnd: (e, c) => {
      if (e === undefined) return !c.final;
      const status = e instanceof ApiError ? e.status : undefined;
      if (clientError(status)) {
        setState((s) => ({ ...s, error: { message: errorMessage(e), status }, connection: 'failed' }));
        return false;
      }
      setState((s) => ({ ...s, error: { message: errorMessage(e) }, connection: 'reconnecting' }));
      return true;
    },
  });
  return state;
}

function sameTarget(o: KubeObject, q: ObjectQuery): boolean {
  const md = o.metadata as { name?: unknown; namespace?: unknown } | undefined;
  return md?.name === q.name && (md.namespace ?? '') === q.namespace;
}
