// Follows one object live: the latest object and YAML, or that it is gone.
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { streamObject } from '../../api/objectStream';
import type { KubeObject, ObjectQuery } from '../../api/types';
import { reportLive, reportTrouble, usePaneActive, useStreamEpoch } from '../clusters/clusterHealth';

export interface ObjectState {
  object: KubeObject | null;
  yaml: string;
  deleted: boolean;
  error: { message: string; status?: number } | null;
  connection: 'connecting' | 'live' | 'reconnecting' | 'failed';
}

const initial: ObjectState = { object: null, yaml: '', deleted: false, error: null, connection: 'connecting' };

export function useObjectStream(q: ObjectQuery): ObjectState {
  const [state, setState] = useState<ObjectState>(initial);
  const key = JSON.stringify(q);
  const epoch = useStreamEpoch();
  // Hidden panes pause (one connection per stream; browsers allow 6 per host).
  const active = usePaneActive();
  useEffect(() => {
    if (!active) return;
    const query = JSON.parse(key) as ObjectQuery;
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    setState((s) => (s.object && s.object.metadata && sameTarget(s.object, query) ? { ...s, connection: 'reconnecting' } : initial));
    const run = () => {
      let terminal = false;
      streamObject(
        query,
        (m) => {
          if (m.type === 'object') {
            failures = 0;
            reportLive(query.context);
            setState({ object: m.object, yaml: m.yaml, deleted: false, error: null, connection: 'live' });
          } else if (m.type === 'deleted') {
            terminal = true;
            setState((s) => ({ ...s, deleted: true, connection: 'failed' }));
          } else {
            if (m.status === 401 || m.status === undefined) reportTrouble(query.context);
            terminal = m.status !== undefined && m.status >= 400 && m.status < 500;
            const error = m.status === undefined ? { message: m.message } : { message: m.message, status: m.status };
            setState((s) => ({ ...s, error, connection: terminal ? 'failed' : 'reconnecting' }));
          }
        },
        ctl.signal,
      ).then(
        () => !terminal && retry(),
        (e: unknown) => {
          const status = e instanceof ApiError ? e.status : undefined;
          if (status !== undefined && status >= 400 && status < 500) {
            setState((s) => ({ ...s, error: { message: errorMessage(e), status }, connection: 'failed' }));
            return;
          }
          setState((s) => ({ ...s, error: { message: errorMessage(e) }, connection: 'reconnecting' }));
          retry();
        },
      );
    };
    const retry = () => {
      if (ctl.signal.aborted) return;
      failures++;
      timer = setTimeout(run, Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5)));
    };
    run();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, [key, epoch, active]);
  return state;
}

function sameTarget(o: KubeObject, q: ObjectQuery): boolean {
  const md = o.metadata as { name?: unknown; namespace?: unknown } | undefined;
  return md?.name === q.name && (md.namespace ?? '') === q.namespace;
}
