// A Deployment's rollout history (revisions, images, change cause) and undo to one of them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { ops, type Revision } from '../../api/operations';
import { Modal } from '../common/Modal';

export function RolloutDialog({
  context,
  namespace,
  name,
  canUndo,
  undoReason,
  onClose,
  onDone,
}: {
  context: string;
  namespace: string;
  name: string;
  canUndo: boolean;
  undoReason?: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [list, setList] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    ops
      .RolloutHistory(context, namespace, name)
      .then((r) => live && setList(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [context, namespace, name]);
  const undo = async (revision: number) => {
    setBusy(true);
    setError(null);
    try {
      const msg = await ops.RolloutUndo(context, namespace, name, revision);
      onDone(msg || t('actions.rollout.rolledBack', { name }));
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('actions.rollout.title', { name })} onClose={onClose} size="wide">
      <div className="modal-body">
        {!list && !error && <p role="status">{t('actions.rollout.loading')}</p>}
        {list && (
          <table className="simple-table" aria-label={t('actions.rollout.revisions')}>
            <thead>
              <tr>
                <th scope="col">{t('actions.rollout.revision')}</th>
                <th scope="col">{t('actions.rollout.replicaSet')}</th>
                <th scope="col">{t('actions.rollout.images')}</th>
                <th scope="col">{t('actions.rollout.changeCause')}</th>
                <th scope="col">{t('actions.rollout.created')}</th>
                <th scope="col">
                  <span className="sr-only">{t('actions.rollout.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...list].sort((a, b) => b.revision - a.revision).map((r) => (
                <tr key={r.revision}>
                  <td>
                    {r.current ? t('actions.rollout.current', { revision: r.revision }) : r.revision}
                  </td>
                  <td className="mono">{r.replicaSet}</td>
                  <td className="mono">{r.images.join(', ')}</td>
                  <td>{r.changeCause ?? ''}</td>
                  <td>{r.created}</td>
                  <td>
                    {!r.current && (
                      <button
                        type="button"
                        className="btn small"
                        aria-disabled={!canUndo || busy}
                        title={canUndo ? undefined : undoReason}
                        onClick={() => canUndo && !busy && void undo(r.revision)}
                      >
                        {t('actions.rollout.rollBackTo', { revision: r.revision })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
