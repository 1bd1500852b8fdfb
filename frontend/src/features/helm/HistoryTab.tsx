// A release's revisions, newest first (`helm history`), and a comparison of
// any two of them: their values and manifests side by side as diffs (the
// newest and the one before to start with). Older revisions can be rolled
// back to from their row.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import type { HelmDetails, HelmRef, HelmRevisionContent } from '../../api/types';
import { Age } from '../../components/Age';
import { useNow } from '../../lib/useNow';
import type { ActionState } from '../actions/access';
import { DiffView } from '../actions/DiffView';
import { chartLabel, timeOf } from './helmList';
import { useHelmRevision } from './queries';
import { StatusBadge } from './StatusBadge';

export interface HistoryTabProps {
  context: string;
  helmRef: HelmRef;
  details: HelmDetails;
  /** Whether rolling back is allowed (and why not). */
  rollback: ActionState;
  onRollback: (revision: number) => void;
}

export function HistoryTab({ context, helmRef, details, rollback, onRollback }: HistoryTabProps) {
  const { t } = useTranslation();
  const id = useId();
  const now = useNow(5000);
  const history = details.history;
  const current = details.release.revision;
  const [to, setTo] = useState<number | null>(history[0]?.revision ?? null);
  const [from, setFrom] = useState<number | null>(history[1]?.revision ?? null);
  return (
    <div className="helm-history">
      <table className="simple-table helm-history-table" aria-label={t('helm.history.table', { name: helmRef.name })}>
        <thead>
          <tr>
            <th scope="col">{t('helm.column.revision')}</th>
            <th scope="col">{t('helm.column.status')}</th>
            <th scope="col">{t('helm.column.chart')}</th>
            <th scope="col">{t('helm.column.appVersion')}</th>
            <th scope="col">{t('helm.column.updated')}</th>
            <th scope="col">{t('helm.history.description')}</th>
            <th scope="col">{t('helm.history.from')}</th>
            <th scope="col">{t('helm.history.to')}</th>
            <th scope="col">
              <span className="sr-only">{t('helm.history.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => {
            const updated = timeOf(h.updated);
            return (
              <tr key={h.revision}>
                <td className="num">{h.revision === current ? t('helm.history.current', { revision: h.revision }) : h.revision}</td>
                <td>
                  <StatusBadge status={h.status} />
                </td>
                <td>{chartLabel(h)}</td>
                <td>{h.appVersion}</td>
                <td>
                  <Age created={Number.isNaN(updated) ? undefined : h.updated} now={now} />
                </td>
                <td>{h.description}</td>
                <td>
                  <input
                    type="radio"
                    name={`${id}-from`}
                    checked={from === h.revision}
                    aria-label={t('helm.history.fromLabel', { revision: h.revision })}
                    onChange={() => setFrom(h.revision)}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name={`${id}-to`}
                    checked={to === h.revision}
                    aria-label={t('helm.history.toLabel', { revision: h.revision })}
                    onChange={() => setTo(h.revision)}
                  />
                </td>
                <td>
                  {h.revision !== current && (
                    <button
                      type="button"
                      className="btn small"
                      aria-haspopup="dialog"
                      aria-disabled={rollback.enabled ? undefined : 'true'}
                      aria-describedby={rollback.enabled ? undefined : `${id}-why`}
                      title={rollback.reason}
                      onClick={() => rollback.enabled && onRollback(h.revision)}
                    >
                      {t('helm.history.rollBackTo', { revision: h.revision })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!rollback.enabled && (
        <p id={`${id}-why`} className="why">
          {t('helm.history.whyNot', { reason: rollback.reason ?? t('actions.reason.forbidden') })}
        </p>
      )}
      {history.length < 2 ? (
        <p className="muted">{t('helm.history.onlyOne')}</p>
      ) : from !== null && to !== null ? (
        <Compare context={context} helmRef={helmRef} from={from} to={to} />
      ) : null}
    </div>
  );
}

function Compare({ context, helmRef, from, to }: { context: string; helmRef: HelmRef; from: number; to: number }) {
  const { t } = useTranslation();
  const id = useId();
  const a = useHelmRevision(context, helmRef, from);
  const b = useHelmRevision(context, helmRef, to);
  const [all, setAll] = useState(false);
  return (
    <section className="helm-compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="helm-section-title">
        {t('helm.history.compare', { from, to })}
      </h2>
      {from === to && <p className="muted">{t('helm.history.same')}</p>}
      {a.isError || b.isError ? (
        <p className="op-message bad" role="alert">
          {t('helm.history.loadError', { error: errorMessage(a.error ?? b.error) })}
        </p>
      ) : !a.data || !b.data ? (
        <p className="loading-text" role="status">
          {t('helm.history.loading', { from, to })}
        </p>
      ) : (
        <RevisionDiffs before={a.data} after={b.data} all={all} onAll={setAll} />
      )}
    </section>
  );
}

/** The values and the manifest of two revisions as diffs (also the rollback preview's). */
export function RevisionDiffs({ before, after, all, onAll }: { before: HelmRevisionContent; after: HelmRevisionContent; all: boolean; onAll: (all: boolean) => void }) {
  const { t } = useTranslation();
  const what = { from: before.revision, to: after.revision };
  return (
    <>
      <h3 className="helm-diff-title">
        {t('helm.history.values')}{' '}
        <label className="helm-inline-check">
          <input type="checkbox" checked={all} onChange={(e) => onAll(e.target.checked)} /> {t('helm.history.allValues')}
        </label>
      </h3>
      <DiffView
        before={all ? before.allValues : before.values}
        after={all ? after.allValues : after.values}
        label={t('helm.history.valuesDiff', what)}
      />
      <h3 className="helm-diff-title">{t('helm.history.manifest')}</h3>
      <DiffView before={before.manifest} after={after.manifest} label={t('helm.history.manifestDiff', what)} />
    </>
  );
}
