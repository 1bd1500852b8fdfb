// The small building blocks of a details page: titled sections, key/value
// lists, folded long text, label chips, conditions and data entries.
import { useTranslation } from 'react-i18next';
import { useId, useState, type ReactNode } from 'react';
import type { Condition } from './summaries';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="details-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function KV({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {rows
        .filter(([, v]) => v !== '' && v !== null && v !== undefined)
        .map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Long or multi-line text folded, with "Show more". */
export function Folded({ text, limit = 120 }: { text: string; limit?: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = text.length > limit || text.includes('\n');
  if (!long) return <span className="value">{text}</span>;
  return (
    <span className="value folded">
      {open ? <pre className="mono">{text}</pre> : <span>{text.split('\n')[0]?.slice(0, limit)}…</span>}{' '}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('details.parts.less') : t('details.parts.more')}
      </button>
    </span>
  );
}

export function Chips({ label, map }: { label: string; map: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(map);
  if (entries.length === 0) return <p className="muted">{t('details.parts.none', { what: label })}</p>;
  return (
    <ul className="chips" aria-label={label}>
      {entries.map(([k, v]) => (
        <li key={k} className="chip">
          <span className="chip-key">{k}</span>
          {v !== '' && (
            <>
              <span className="chip-eq">=</span>
              <Folded text={v} limit={60} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A small named table: a header row of column names, then the rows given. */
export function SimpleTable({ label, columns, children }: { label: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <table className="simple-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function Conditions({ list }: { list: Condition[] }) {
  const { t } = useTranslation();
  if (list.length === 0) return null;
  return (
    <Section title={t('details.parts.conditions')}>
      <SimpleTable label={t('details.parts.conditions')} columns={[t('details.parts.type'), t('details.status'), t('details.parts.reason'), t('details.parts.message')]}>
        {list.map((c) => (
          <tr key={c.type}>
            <td>{c.type}</td>
            <td className={c.status === 'True' ? 'ok-text' : 'muted'}>{c.status}</td>
            <td>{c.reason}</td>
            <td>
              <Folded text={c.message} />
            </td>
          </tr>
        ))}
      </SimpleTable>
    </Section>
  );
}

export function DataList({ entries }: { entries: { key: string; value: string }[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('details.parts.noData')}</p>;
  return (
    <dl className="kv data-list">
      {entries.map((e) => (
        <div key={e.key} className="kv-row">
          <dt className="mono">{e.key}</dt>
          <dd>
            <Folded text={e.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
