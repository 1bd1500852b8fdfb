// Keeps a command's cached result fresh from its snapshot stream: kubeconfig
// edits show up in the context switcher, new CRDs in the sidebar, no reload.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../api/errors';
import { followSnapshots, type SnapshotStream } from '../../api/snapshots';

export function useSnapshotStream<T>(stream: SnapshotStream<T> | null, queryKey: QueryKey): void {
  const client = useQueryClient();
  const url = stream?.url ?? null;
  const keyJson = JSON.stringify(queryKey);
  useEffect(() => {
    if (!stream) return;
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const key = JSON.parse(keyJson) as QueryKey;
    const run = () => {
      followSnapshots(
        stream,
        (v) => {
          failures = 0;
          client.setQueryData(key, v);
        },
        () => {
          // An error snapshot (e.g. discovery failed): the command's own result and error stay.
        },
        ctl.signal,
      ).then(
        () => retry(),
        (e: unknown) => {
          // Client errors (no such endpoint or context, session gone) do not heal by retrying.
          if (e instanceof ApiError && e.status !== undefined && e.status >= 400 && e.status < 500) return;
          retry();
        },
      );
    };
    const retry = () => {
      if (ctl.signal.aborted) return;
      failures++;
      timer = setTimeout(run, Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)));
    };
    run();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
    // The stream object is rebuilt each render; its URL identifies it.
  }, [url, keyJson, client]);
}
