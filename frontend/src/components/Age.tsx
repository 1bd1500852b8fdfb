import { formatAge } from '../lib/age';
import { formatDateTime } from '../lib/format';

/** A kubectl-style age ("5m") of a creation time, with the exact time as a tooltip. */
export function Age({ created, now }: { created: string | undefined; now: number }) {
  if (!created) return <span className="muted">—</span>;
  const t = Date.parse(created);
  return (
    <time dateTime={created} title={Number.isNaN(t) ? created : formatDateTime(t)}>
      {formatAge(created, now)}
    </time>
  );
}
