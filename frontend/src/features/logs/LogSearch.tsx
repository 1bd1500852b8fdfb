// The search box: matches counted, Enter / Shift+Enter (or the buttons) move
// to the next / previous match.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import { useId } from 'react';

export function LogSearch({ value, onChange, count, position, onStep }: {
  value: string;
  onChange: (q: string) => void;
  count: number;
  /** 0-based index of the selected match, or -1. */
  position: number;
  onStep: (delta: 1 | -1) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="log-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        {t('logs.search.label')}
      </label>
      <input
        id={id}
        type="search"
        placeholder={t('logs.search.label')}
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
            ? t('logs.search.none')
            : position < 0
              ? t('logs.search.matches', { count })
              : t('logs.search.position', { position: formatCount(position + 1), count: formatCount(count) })}
      </span>
      <button type="button" className="btn small" aria-label={t('logs.search.previous')} disabled={count === 0} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" className="btn small" aria-label={t('logs.search.next')} disabled={count === 0} onClick={() => onStep(1)}>
        ↓
      </button>
    </div>
  );
}
