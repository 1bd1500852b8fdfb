// A unified line diff of two YAML texts.
import { useMemo } from 'react';
import { diffCounts, lineDiff } from './yamlTools';

export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const d = useMemo(() => lineDiff(before, after), [before, after]);
  const { added, removed } = diffCounts(d);
  return (
    <figure className="diff-figure" style={{ margin: 0 }}>
      <figcaption className="action-status">
        {added === 0 && removed === 0 ? 'No changes.' : `${added} line${added === 1 ? '' : 's'} added, ${removed} removed.`}
      </figcaption>
      <pre className="diff" aria-label={label} tabIndex={0}>
        {d.map((l, i) => (
          <span key={i} className={`diff-line ${l.type}`}>
            <span className="sign" aria-hidden="true">
              {l.type === 'add' ? '+' : l.type === 'del' ? '-' : ' '}
            </span>
            {l.type === 'add' ? <span className="sr-only">added: </span> : l.type === 'del' ? <span className="sr-only">removed: </span> : null}
            {l.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
