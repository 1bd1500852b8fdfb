// Keeps a command's cached result fresh from its snapshot stream: kubeconfig
// edits show up in the context switcher, new CRDs in the sidebar, no reload.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { followSnapshots, type SnapshotStream } from '../../api/snapshots';
import { useLiveStream } from '../../lib/useLiveStream';

export function useSnapshotStream<T>(stream: SnapshotStream<T> | null, queryKey: QueryKey): void {
  const client = useQueryClient();
  // The stream object is rebuilt each render; its URL (and the query key) identify it.
  useLiveStream<T>({
    key: stream ? JSON.stringify([stream.url, queryKey]) : null,
    open: (onValue, signal) =>
      stream
        ? followSnapshots(stream, onValue, () => {
            // An error snapshot (e.g. discovery failed): the command's own result and error stay.
          }, signal)
        : Promise.resolve(),
    onMessage: (v, c) => {
      c.healthy();
      client.setQueryData(queryKey, v);
    },
    // Default end: reconnect, except after client errors (no such endpoint or
    // context, session gone), which do not heal by retrying.
  });
}
