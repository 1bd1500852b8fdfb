// Follows GET /api/stream/helm for some namespaces ("" all, "a,b" several)
// through the one reducer (helmList.ts). Reconnects with the app's one
// backoff (useLiveStream) and pauses while the pane is hidden.
import { startTransition, useReducer, useRef } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { streamHelm, type HelmLine } from '../../api/helm';
import { splitNamespaces } from '../../api/stream';
import { t } from '../../i18n';
import { isTransient, useLiveStream } from '../../lib/useLiveStream';
import { reportLive, reportTrouble } from '../clusters/clusterHealth';
import type { StreamProblem } from '../resources/listReducer';
import { helmListReducer, initialHelmList, type HelmListState } from './helmList';

export interface HelmReleases extends HelmListState {
  /** Reconnect now (Retry); the releases shown stay until the new list is in. */
  retry: () => void;
}

function problemOf(e: unknown, retrying: boolean): StreamProblem {
  const p: StreamProblem = { message: errorMessage(e), retrying };
  if (e instanceof ApiError && e.status !== undefined) p.status = e.status;
  return p;
}

export function useHelmReleases(context: string, namespace: string): HelmReleases {
  const [state, dispatch] = useReducer(helmListReducer, undefined, initialHelmList);
  const namespaces = splitNamespaces(namespace);
  const terminal = useRef<StreamProblem | null>(null);
  const { retry } = useLiveStream<HelmLine>({
    key: JSON.stringify([context, namespaces]),
    open: (onLine, signal) => streamHelm(context, namespaces, onLine, signal),
    onConnect: (c) => {
      terminal.current = null;
      dispatch({ type: 'connect', replace: c.kind !== 'new' });
    },
    onMessage: (line, c) => {
      if (line.type === 'releases') c.healthy();
      if (line.type === 'releases' || line.type === 'changes') reportLive(context);
      if (line.type === 'problem' && line.status === 401) reportTrouble(context);
      if (line.type === 'error') {
        // Go ends the stream after an error line: it was about the request, retrying will not help.
        c.final = true;
        terminal.current = { message: line.message, retrying: false };
      }
      // A transition: typing in the filter stays ahead of a big list.
      startTransition(() => dispatch({ type: 'line', line }));
    },
    onEnd: (error, c) => {
      // A 401, or no answer at all: ask for the cluster's status.
      if (error instanceof ApiError && (error.status === 401 || error.status === undefined)) reportTrouble(context);
      if (error === undefined && c.final) {
        dispatch({ type: 'ended', problem: terminal.current, retry: false });
        return false;
      }
      if (error !== undefined && !isTransient(error)) {
        dispatch({ type: 'ended', problem: problemOf(error, false), retry: false });
        return false;
      }
      dispatch({ type: 'ended', problem: error === undefined ? { message: t('errors.connectionLost'), retrying: true } : problemOf(error, true), retry: true });
      return true;
    },
  });
  return { ...state, retry };
}
