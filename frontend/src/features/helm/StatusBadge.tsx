// A release's status as Helm words it, coloured: deployed green, failed red,
// pending-* amber, superseded and uninstalled grey.
import { helmStatusTone } from './helmList';

export function StatusBadge({ status }: { status: string }) {
  const tone = helmStatusTone(status);
  return (
    <span className={`helm-status helm-status-${tone}`} data-tone={tone}>
      <span className="status-dot" aria-hidden="true" />
      {status || '—'}
    </span>
  );
}
