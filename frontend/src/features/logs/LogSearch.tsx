// The search box: matches counted, Enter / Shift+Enter (or the buttons) move
// to the next / previous match.
import { useId } from 'react';

export function LogSearch({ value, onChange, count, position, onStep }: {
  value: string;
  onChange: (q: string) => void;
  count: number;
  /** 0-based index of the selected match, or -1. */
  position: number;
  onStep: (delta: 1 | -1) => void;
}) {
  const id = useId();
  return (
    <div className="log-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        Search logs
      </label>
      <input
        id={id}
        type="search"
        placeholder="Search logs"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape' && value) {
            e.stopPropagation();
            onChange('');
          }
        }}
      />
      <span className="log-count" role="status" aria-live="polite">
        {!value
          ? ''
          : count === 0
            ? 'No matches'
            : position < 0
              ? `${count.toLocaleString('en-US')} ${count === 1 ? 'match' : 'matches'}`
              : `${(position + 1).toLocaleString('en-US')} of ${count.toLocaleString('en-US')}`}
      </span>
      <button type="button" className="btn small" aria-label="Previous match" disabled={count === 0} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" className="btn small" aria-label="Next match" disabled={count === 0} onClick={() => onStep(1)}>
        ↓
      </button>
    </div>
  );
}
