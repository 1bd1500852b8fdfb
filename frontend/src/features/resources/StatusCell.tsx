import { statusTone } from '../../lib/status';

/** A status value with its colour: green running, yellow pending, red failing. */
export function StatusCell({ value, column }: { value: string; column: string }) {
  const tone = statusTone(value, column);
  if (tone === 'neutral') return <>{value}</>;
  return (
    <span className={`status status-${tone}`} data-tone={tone}>
      <span className="status-dot" aria-hidden="true" />
      {value}
    </span>
  );
}
