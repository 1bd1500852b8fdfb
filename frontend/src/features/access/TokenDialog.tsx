// The token of a new share, shown once: copy it (or the recipient's
// kubeconfig) now. It lives in the props of this dialog only (ShareFlow
// drops it on close) and never reaches storage, settings, the URL or the console.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareCreated } from '../../api/types';
import { saveFile } from '../../api/saveFile';
import { humanDuration, parseTime } from '../../lib/age';
import { formatDateTime } from '../../lib/format';
import { Modal } from '../common/Modal';
import { kubeconfigFileName } from './shareForm';

type Note = { text: string; bad: boolean } | null;

export function TokenDialog({ created, onClose }: { created: ShareCreated; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<Note>(null);
  const { share } = created;
  const expires = parseTime(share.expiresAt);
  const [shownAt] = useState(() => Date.now());

  const copy = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote({ text: done, bad: false });
    } catch {
      setNote({ text: t('access.token.copyFailed'), bad: true });
    }
  };
  const download = async () => {
    try {
      const r = await saveFile(kubeconfigFileName(share.recipient, share.namespace), created.kubeconfig);
      if (r.kind === 'saved') setNote({ text: t('access.token.saved', { path: r.path }), bad: false });
      else if (r.kind === 'downloaded') setNote({ text: t('access.token.downloaded'), bad: false });
    } catch (e) {
      setNote({ text: e instanceof Error ? e.message : String(e), bad: true });
    }
  };

  return (
    <Modal title={t('access.token.title')} onClose={onClose} size="wide" closeOnBackdrop={false}>
      <div className="modal-body token-dialog">
        <p className="op-message warn" role="note">
          <strong>{t('access.token.once')}</strong> {t('access.token.onceDetail')}
        </p>
        <p>{t('access.token.what', { recipient: share.recipient, role: share.role, namespace: share.namespace })}</p>
        <p>
          {Number.isNaN(expires)
            ? t('access.token.expiresUnknown')
            : t('access.token.expires', { time: formatDateTime(expires), duration: humanDuration(expires - shownAt) })}
        </p>
        {created.capped && (
          <p className="op-message warn" role="note">
            {t('access.token.capped')}
          </p>
        )}
        <label className="share-field">
          <span>{t('access.token.token')}</span>
          <input type="text" readOnly className="mono" value={created.token} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} data-autofocus />
        </label>
        <div className="modal-actions start">
          <button type="button" className="btn" onClick={() => void copy(created.token, t('access.token.tokenCopied'))}>
            {t('access.token.copyToken')}
          </button>
        </div>
        <label className="share-field">
          <span>{t('access.token.kubeconfig')}</span>
          <textarea readOnly className="mono" value={created.kubeconfig} rows={Math.min(16, created.kubeconfig.split('\n').length + 1)} spellCheck={false} />
        </label>
        <div className="modal-actions start">
          <button type="button" className="btn" onClick={() => void copy(created.kubeconfig, t('access.token.kubeconfigCopied'))}>
            {t('access.token.copyKubeconfig')}
          </button>
          <button type="button" className="btn" onClick={() => void download()}>
            {t('access.token.download')}
          </button>
        </div>
        {note && (
          <p className={`op-message ${note.bad ? 'bad' : 'ok'}`} role={note.bad ? 'alert' : 'status'}>
            {note.text}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn primary" onClick={onClose}>
            {t('access.token.done')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
