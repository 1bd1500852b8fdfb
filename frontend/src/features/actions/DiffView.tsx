// A unified line diff of two YAML texts; long unchanged runs are folded
// ("N unchanged lines", a button that shows them).
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n';
import { useMemo, useState } from 'react';
import { collapseUnchanged, diffCounts, lineDiff, type DiffLine, type DiffRow } from './lineDiff';

// Many lines: the i18next t, not a hook each (DiffView re-renders them on a language change).
function Line({ l }: { l: DiffLine }) {
  return (
    <span className={`diff-line ${l.type}`}>
      <span className="sign" aria-hidden="true">
        {l.type === 'add' ? '+' : l.type === 'del' ? '-' : ' '}
      </span>
      {l.type === 'add' ? <span className="sr-only">{translate('actions.diff.added')}</span> : l.type === 'del' ? <span className="sr-only">{translate('actions.diff.removed')}</span> : null}
      {l.text}
      {'\n'}
    </span>
  );
}

export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const { t } = useTranslation();
  const rows = useMemo(() => collapseUnchanged(lineDiff(before, after)), [before, after]);
  // The folds opened, for these rows (a new diff starts folded again).
  const [state, setState] = useState<{ rows: readonly DiffRow[]; open: ReadonlySet<number> }>({ rows, open: new Set() });
  const opened = state.rows === rows ? state.open : new Set<number>();
  const open = (i: number) => setState({ rows, open: new Set(opened).add(i) });
  const { added, removed } = diffCounts(rows);
  return (
    <figure className="diff-figure" style={{ margin: 0 }}>
      <figcaption className="action-status">
        {added === 0 && removed === 0 ? t('actions.diff.none') : t('actions.diff.counts', { count: added, removed })}
      </figcaption>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <pre className="diff" role="region" aria-label={label} tabIndex={0}>
        {rows.map((r, i) => {
          if (r.type !== 'fold') return <Line key={i} l={r} />;
          if (opened.has(i)) return r.lines.map((text, k) => <Line key={`${i}.${k}`} l={{ type: 'same', text }} />);
          const n = r.lines.length;
          return (
            <button key={i} type="button" className="diff-fold" onClick={() => open(i)}>
              {t('actions.diff.unchanged', { count: n })}
            </button>
          );
        })}
      </pre>
    </figure>
  );
}
