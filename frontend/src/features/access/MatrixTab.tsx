// "Who can do what": the live matrix with its controls, notices and states,
// and the dialogs a cell (its grants) or a subject (all it may do) opens.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRow, Subject } from '../../api/types';
import { LiveIndicator } from '../../components/LiveIndicator';
import { DangerLegend } from './DangerLegend';
import { GrantsDialog } from './GrantsDialog';
import { matrixView, rowDangers, type ShownColumn } from './matrix';
import { MatrixTable } from './MatrixTable';
import { SubjectDialog } from './SubjectDialog';
import { matrixName } from './text';
import { useAccessMatrix } from './useAccessMatrix';

export function MatrixTab({ context, namespace }: { context: string; namespace: string }) {
  const { t } = useTranslation();
  const live = useAccessMatrix(context, namespace);
  const [allResources, setAllResources] = useState(false);
  const [showSystem, setShowSystem] = useState(false);
  const [filter, setFilter] = useState('');
  const [cell, setCell] = useState<{ row: AccessRow; column: ShownColumn } | null>(null);
  const [subject, setSubject] = useState<Subject | null>(null);
  const { matrix, problem } = live;
  const view = useMemo(() => (matrix ? matrixView(matrix, { allResources, showSystem, filter }) : null), [matrix, allResources, showSystem, filter]);
  const dangers = useMemo(() => [...new Set(view?.rows.flatMap(rowDangers) ?? [])], [view]);
  const where = namespace || t('access.namespace.clusterWideLower');

  return (
    <div className="access-matrix">
      <div className="access-toolbar">
        <label className="field-row">
          <input type="checkbox" checked={allResources} onChange={(e) => setAllResources(e.target.checked)} />
          {t('access.matrix.allResources')}
        </label>
        <label className="field-row">
          <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} />
          {t('access.matrix.showSystem')}
        </label>
        <span className="filter-box">
          <input type="text" aria-label={t('access.matrix.filter')} placeholder={t('access.matrix.filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </span>
        <span className="topbar-spacer" />
        <LiveIndicator connection={live.connection} />
      </div>
      {problem && (matrix || problem.retrying) && (
        <div className={`op-message ${problem.retrying ? 'warn' : 'bad'}`} role="status">
          {problem.retrying ? t('access.matrix.retrying', { error: problem.message }) : t('access.matrix.stopped', { error: problem.message })}{' '}
          {!problem.retrying && (
            <button type="button" className="btn small" onClick={live.retry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {matrix && matrix.missing.length > 0 && (
        <div className="op-message warn" role="note" aria-label={t('access.matrix.missingLabel')}>
          <p>{t('access.matrix.missing')}</p>
          <ul>
            {matrix.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {!matrix ? (
        problem && !problem.retrying ? (
          <div className="state-panel" role="alert">
            <div className="state-icon bad" aria-hidden="true">
              !
            </div>
            <h2>{t('access.matrix.loadError', { namespace: where })}</h2>
            <p className="state-detail">{problem.message}</p>
            <button type="button" className="btn primary" onClick={live.retry}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <div className="access-loading" role="status">
            <progress aria-label={t('access.matrix.loading', { namespace: where })} />
            <p className="loading-text">{t('access.matrix.loading', { namespace: where })}</p>
          </div>
        )
      ) : view && view.rows.length > 0 && view.columns.length > 0 ? (
        <>
          {dangers.length > 0 && <DangerLegend kinds={dangers} />}
          <MatrixTable name={matrixName(namespace)} view={view} onCell={(row, column) => setCell({ row, column })} onSubject={setSubject} />
        </>
      ) : (
        <EmptyMatrix filtered={filter.trim() !== ''} hiddenSystem={!showSystem && matrix.rows.some((r) => r.system)} where={where} />
      )}
      {cell && <GrantsDialog row={cell.row} column={cell.column} onClose={() => setCell(null)} />}
      {subject && <SubjectDialog context={context} namespace={namespace} subject={subject} onClose={() => setSubject(null)} />}
    </div>
  );
}

function EmptyMatrix({ filtered, hiddenSystem, where }: { filtered: boolean; hiddenSystem: boolean; where: string }) {
  const { t } = useTranslation();
  return (
    <div className="state-panel">
      <div className="state-icon" aria-hidden="true">
        ∅
      </div>
      <h2>{filtered ? t('access.matrix.noMatch') : t('access.matrix.empty', { namespace: where })}</h2>
      <p className="state-detail">{filtered ? t('access.matrix.noMatchDetail') : hiddenSystem ? t('access.matrix.emptySystem') : t('access.matrix.emptyDetail')}</p>
    </div>
  );
}
