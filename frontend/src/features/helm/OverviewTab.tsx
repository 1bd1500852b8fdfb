// A release's overview: as `helm status` shows it (status, description,
// when, notes) and its hooks with how their last run went.
import { useTranslation } from 'react-i18next';
import type { HelmDetails } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { KV, Section } from '../details/parts';
import { StatusCell } from '../resources/StatusCell';
import { chartLabel, timeOf } from './helmList';
import { StatusBadge } from './StatusBadge';

/** An absolute time, or "" for none. */
export function when(iso: string): string {
  const t = timeOf(iso);
  return Number.isNaN(t) ? '' : formatDateTime(t);
}

export function OverviewTab({ details }: { details: HelmDetails }) {
  const { t } = useTranslation();
  const r = details.release;
  return (
    <div className="summary helm-overview">
      <Section title={t('helm.overview.status')}>
        <KV
          rows={[
            [t('helm.column.status'), <StatusBadge key="s" status={r.status} />],
            [t('helm.overview.description'), r.description],
            [t('helm.column.revision'), t('helm.overview.revisionOf', { revision: r.revision, count: details.history.length })],
            [t('helm.column.chart'), chartLabel(r)],
            [t('helm.column.appVersion'), r.appVersion],
            [t('helm.overview.firstDeployed'), when(details.firstDeployed)],
            [t('helm.overview.lastDeployed'), when(r.updated)],
            [t('helm.overview.storage'), r.driver === 'configmap' ? t('helm.overview.configmaps') : t('helm.overview.secrets')],
          ]}
        />
      </Section>
      <Section title={t('helm.overview.notes')}>
        {details.notes.trim() ? (
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1)
          <pre className="yaml mono helm-notes" role="region" aria-label={t('helm.overview.notesOf', { name: r.name })} tabIndex={0}>
            {details.notes}
          </pre>
        ) : (
          <p className="muted">{t('helm.overview.noNotes')}</p>
        )}
      </Section>
      {details.hooks.length > 0 && (
        <Section title={t('helm.overview.hooks')}>
          <table className="simple-table" aria-label={t('helm.overview.hooks')}>
            <thead>
              <tr>
                <th scope="col">{t('helm.overview.hookName')}</th>
                <th scope="col">{t('helm.overview.hookKind')}</th>
                <th scope="col">{t('helm.overview.hookEvents')}</th>
                <th scope="col">{t('helm.overview.hookPhase')}</th>
              </tr>
            </thead>
            <tbody>
              {details.hooks.map((h) => (
                <tr key={`${h.kind}/${h.name}`}>
                  <td className="mono">{h.name}</td>
                  <td>{h.kind}</td>
                  <td>{h.events.join(', ')}</td>
                  <td>{h.phase ? <StatusCell value={h.phase} column="Phase" /> : <span className="muted">{t('helm.overview.notRun')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
    </div>
  );
}
