// The YAML editing dialogs, loaded on first use: CodeMirror and its YAML
// language are most of the app's JavaScript, and a user who never edits
// never downloads or parses them.
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, type ComponentProps } from 'react';
import { Modal } from '../common/Modal';

const EditYamlDialogLazy = lazy(() => import('./EditYamlDialog').then((m) => ({ default: m.EditYamlDialog })));
const CreateDialogLazy = lazy(() => import('./CreateDialog').then((m) => ({ default: m.CreateDialog })));

function Loading({ title, onClose }: { title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onClose={onClose} size="wide">
      <p className="modal-body loading-text" role="status">
        {t('actions.loadingEditor')}
      </p>
    </Modal>
  );
}

export function EditYamlDialog(p: ComponentProps<typeof EditYamlDialogLazy>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading title={t('actions.edit.title', { kind: p.kind, name: p.name })} onClose={p.onClose} />}>
      <EditYamlDialogLazy {...p} />
    </Suspense>
  );
}

export function CreateDialog(p: ComponentProps<typeof CreateDialogLazy>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading title={t('actions.create.title')} onClose={p.onClose} />}>
      <CreateDialogLazy {...p} />
    </Suspense>
  );
}
