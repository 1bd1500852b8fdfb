// Attach to a container's main process (kubectl attach): pick the
// container (those whose spec keeps stdin open are marked: only they hear
// what is typed), read what attaching means, open its terminal.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../common/Modal';
import { runningFirst, type ContainerInfo } from './pod';
import { useTerminalStart } from './useTerminalStart';
import './debug.css';

export interface AttachDialogProps {
  context: string;
  namespace: string;
  pod: string;
  containers: readonly ContainerInfo[];
  onClose: () => void;
  onStarted: (message: string) => void;
}

export function AttachDialog({ context, namespace, pod, containers, onClose, onStarted }: AttachDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const list = runningFirst(containers);
  // The first container that reads input, else the first running one.
  const [container, setContainer] = useState(() => (list.find((c) => c.stdin && c.running) ?? list[0])?.name ?? '');
  const { busy, error, start } = useTerminalStart(context);
  const chosen = list.find((c) => c.name === container);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!container || busy) return;
    const s = await start({ kind: 'attach', namespace, pod, container });
    if (!s) return;
    onStarted(s.noInput ? t('debug.attach.startedOutput', { pod, container }) : t('debug.attach.started', { pod, container }));
    onClose();
  };

  return (
    <Modal title={t('debug.attach.title', { pod })} onClose={onClose} describedBy={`${id}-what`}>
      <form className="modal-body debug-form" onSubmit={(e) => void submit(e)}>
        <label className="debug-field">
          <span>{t('debug.attach.container')}</span>
          <select value={container} disabled={busy} onChange={(e) => setContainer(e.target.value)}>
            {list.map((c) => (
              <option key={c.name} value={c.name}>
                {c.stdin ? t('debug.attach.readsInput', { container: c.name }) : t('debug.attach.outputOnly', { container: c.name })}
              </option>
            ))}
          </select>
        </label>
        <p id={`${id}-what`} className={`debug-creates${chosen && !chosen.stdin ? '' : ' warn'}`}>
          {chosen && !chosen.stdin ? t('debug.attach.noStdin', { container }) : t('debug.attach.what', { container })}
        </p>
        {chosen && !chosen.running && <p className="hint">{t('debug.attach.notRunning', { container })}</p>}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy || !container}>
            {busy ? t('debug.attach.attaching') : t('debug.attach.attach')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
