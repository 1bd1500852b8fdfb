// Roll a release back (`helm rollback NAME REVISION`): pick the revision (the
// one before the current to start with), see what would change (the values
// and manifest, current → target, from HelmRollbackPreview), then confirm.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { helmApi } from '../../api/helm';
import type { HelmDetails, HelmRef, HelmResult } from '../../api/types';
import { Modal } from '../common/Modal';
import { chartLabel } from './helmList';
import { RevisionDiffs } from './HistoryTab';
import { helmKey } from './queries';
import { StatusBadge } from './StatusBadge';

export interface RollbackDialogProps {
  context: string;
  helmRef: HelmRef;
  details: HelmDetails;
  /** The revision to start with (else the one before the current). */
  revision?: number;
  onClose: () => void;
  /** It ran (the dialog then closes): Helm's word on it. */
  onDone: (result: HelmResult) => void;
}

export function RollbackDialog({ context, helmRef, details, revision, onClose, onDone }: RollbackDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const current = details.release.revision;
  const targets = details.history.filter((h) => h.revision !== current);
  const [target, setTarget] = useState<number | null>(revision ?? targets[0]?.revision ?? null);
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useQuery({
    queryKey: [...helmKey(context, helmRef), helmRef.driver, 'rollbackPreview', current, target],
    queryFn: () => helmApi.HelmRollbackPreview(context, helmRef, target ?? 0),
    enabled: target !== null && !busy,
    retry: false,
    staleTime: 0,
  });
  const run = async () => {
    if (target === null) return;
    setBusy(true);
    setError(null);
    try {
      const r = await helmApi.HelmRollback(context, helmRef, target);
      // Done: Helm's word on it shows on the page, which follows the release live.
      onDone(r);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  const entry = details.history.find((h) => h.revision === target);
  return (
    <Modal title={t('helm.rollback.title', { name: helmRef.name })} onClose={onClose} size="wide" describedBy={`${id}-what`}>
      <div className="modal-body helm-dialog">
        {targets.length === 0 ? (
          <p id={`${id}-what`}>{t('helm.rollback.nothing', { name: helmRef.name })}</p>
        ) : (
          <>
            <p id={`${id}-what`}>{t('helm.rollback.what', { name: helmRef.name, current })}</p>
            <div className="field-row">
              <label htmlFor={`${id}-target`}>{t('helm.rollback.target')}</label>
              <select id={`${id}-target`} value={target ?? ''} disabled={busy} onChange={(e) => setTarget(Number(e.target.value))}>
                {targets.map((h) => (
                  <option key={h.revision} value={h.revision}>
                    {t('helm.rollback.option', { revision: h.revision, status: h.status, chart: chartLabel(h) })}
                  </option>
                ))}
              </select>
              {entry && <StatusBadge status={entry.status} />}
              {entry?.description && <span className="muted">{entry.description}</span>}
            </div>
            {preview.isPending ? (
              <p className="loading-text" role="status">
                {t('helm.rollback.previewing', { revision: target })}
              </p>
            ) : preview.isError ? (
              <p className="op-message bad" role="alert">
                {t('helm.rollback.previewError', { error: errorMessage(preview.error) })}
              </p>
            ) : (
              <section aria-label={t('helm.rollback.changes', { from: current, to: target })}>
                <p className="action-status">{t('helm.rollback.changes', { from: current, to: target })}</p>
                <RevisionDiffs before={preview.data.current} after={preview.data.target} all={all} onAll={setAll} />
              </section>
            )}
          </>
        )}
        {busy && (
          <div className="helm-progress" role="status">
            <progress aria-label={t('helm.rollback.running', { name: helmRef.name, revision: target })} />
            <span>{t('helm.rollback.running', { name: helmRef.name, revision: target })}</span>
          </div>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {t('helm.rollback.failed', { error })}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {targets.length > 0 && (
            <button type="button" className="btn primary" disabled={busy || target === null || !preview.isSuccess} onClick={() => void run()}>
              {t('helm.rollback.confirm', { revision: target })}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
