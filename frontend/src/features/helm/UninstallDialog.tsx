// Uninstall a release (`helm uninstall NAME [--keep-history]`): its objects
// are deleted, and its records too unless history is kept. Typing the
// release's name confirms it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { helmApi } from '../../api/helm';
import type { HelmRef, HelmResult } from '../../api/types';
import { Modal } from '../common/Modal';

export interface UninstallDialogProps {
  context: string;
  helmRef: HelmRef;
  /** How many objects its manifest declares. */
  objects: number;
  onClose: () => void;
  onDone: (result: HelmResult) => void;
}

export function UninstallDialog({ context, helmRef, objects, onClose, onDone }: UninstallDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [keepHistory, setKeepHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmed = typed.trim() === helmRef.name;
  const run = async () => {
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await helmApi.HelmUninstall(context, helmRef, keepHistory));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Modal title={t('helm.uninstall.title', { name: helmRef.name })} onClose={onClose} describedBy={`${id}-what`}>
      <form
        className="modal-body helm-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <p id={`${id}-what`}>{t('helm.uninstall.what', { name: helmRef.name, namespace: helmRef.namespace, count: objects })}</p>
        <label className="field-row helm-confirm">
          {t('helm.uninstall.type', { name: helmRef.name })}
          <input type="text" value={typed} spellCheck={false} autoComplete="off" disabled={busy} data-autofocus onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label className="field-row">
          <input type="checkbox" checked={keepHistory} disabled={busy} onChange={(e) => setKeepHistory(e.target.checked)} />
          {t('helm.uninstall.keepHistory')}
        </label>
        <p className="muted">{keepHistory ? t('helm.uninstall.keepHistoryOn') : t('helm.uninstall.keepHistoryOff')}</p>
        {busy && (
          <div className="helm-progress" role="status">
            <progress aria-label={t('helm.uninstall.running', { name: helmRef.name })} />
            <span>{t('helm.uninstall.running', { name: helmRef.name })}</span>
          </div>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {t('helm.uninstall.failed', { error })}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn danger" disabled={!confirmed || busy}>
            {t('helm.uninstall.confirm', { name: helmRef.name })}
          </button>
        </div>
      </form>
    </Modal>
  );
}
