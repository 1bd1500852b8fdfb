// "Install chart…" on the releases page: off on read-only contexts, and
// (with one namespace on screen) when the user may not create Helm's records
// there. Its dialog (with the CodeMirror editor) loads on first use.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../common/Modal';
import { GatedButton } from './GatedButton';
import { useInstallState } from './permissions';

const InstallDialog = lazy(() => import('./InstallDialog').then((m) => ({ default: m.InstallDialog })));

export function InstallButton({ context, namespace, knownNamespaces }: { context: string; namespace: string; knownNamespaces: readonly string[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const single = namespace.includes(',') ? '' : namespace;
  const state = useInstallState(context, single);
  const close = () => setOpen(false);
  const loading = (
    <Modal title={t('helm.install.title')} onClose={close} size="wide">
      <p className="modal-body loading-text" role="status">
        {t('actions.loadingEditor')}
      </p>
    </Modal>
  );
  return (
    <>
      <GatedButton label={t('helm.install.open')} state={state} className="btn primary small" onClick={() => setOpen(true)} />
      {open && (
        <Suspense fallback={loading}>
          <InstallDialog context={context} namespace={single || namespace.split(',')[0] || knownNamespaces[0] || 'default'} knownNamespaces={knownNamespaces} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
