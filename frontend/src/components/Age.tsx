import { formatAge } from '../lib/age';

const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A kubectl-style age ("5m") of a creation time, with the exact time as a tooltip. */
export function Age({ created, now }: { created: string | undefined; now: number }) {
  if (!created) return <span className="muted">—</span>;
  const t = Date.parse(created);
  return (
    <time dateTime={created} title={Number.isNaN(t) ? created : full.format(t)}>
      {formatAge(created, now)}
    </time>
  );
}
