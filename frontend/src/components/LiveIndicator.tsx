import type { Connection } from '../features/resources/listReducer';

const TEXT: Record<Connection, string> = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  failed: 'Disconnected',
};

const HELP: Record<Connection, string> = {
  connecting: 'Loading the list from the cluster',
  live: 'Watching the cluster: changes appear as they happen',
  reconnecting: 'The connection broke; reconnecting (rows shown may be out of date)',
  failed: 'Not watching: the stream stopped. Use Retry to start again.',
};

/** Whether the list follows the cluster live. */
export function LiveIndicator({ connection }: { connection: Connection }) {
  return (
    <span className={`live live-${connection}`} role="status" title={HELP[connection]} data-connection={connection}>
      <span className="live-dot" aria-hidden="true" />
      {TEXT[connection]}
    </span>
  );
}
