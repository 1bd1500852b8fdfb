// The smaller action dialogs: delete, scale, confirm.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { ops, type OpResult, type Propagation, type Ref } from '../../api/operations';
import { Modal } from '../common/Modal';

export interface DeleteTarget extends Ref {
  kind: string;
}

const PROPAGATIONS: readonly Propagation[] = ['background', 'foreground', 'orphan'];

const refName = (r: { kind: string; namespace?: string; name: string }) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

export function DeleteDialog({
  context,
  targets,
  onClose,
  onDone,
}: {
  context: string;
  targets: DeleteTarget[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const only = targets.length === 1 ? targets[0] : undefined;
  const [propagation, setPropagation] = useState<Propagation>('background');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<OpResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const refs: Ref[] = targets.map(({ group, version, resource, namespace, name }) => (namespace ? { group, version, resource, namespace, name } : { group, version, resource, name }));
      const r = await ops.Delete(context, refs, propagation);
      const failed = r.filter((x) => x.error);
      if (failed.length === 0) {
        onDone(only ? t('actions.delete.doneOne', { object: refName(only) }) : t('actions.delete.doneMany', { count: targets.length }));
        onClose();
      } else setResults(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const title = only ? t('actions.delete.titleOne', { kind: only.kind, name: only.name }) : t('actions.delete.titleMany', { count: targets.length });
  return (
    <Modal title={title} onClose={onClose} role="alertdialog" describedBy={`${id}-what`}>
      <div className="modal-body">
        <p id={`${id}-what`}>
          {targets.length === 1 ? t('actions.delete.whatOne') : t('actions.delete.whatMany', { count: targets.length })}
        </p>
        <ul className="object-list" aria-label={t('actions.delete.objects')}>
          {targets.map((o) => (
            <li key={`${o.resource}/${o.namespace ?? ''}/${o.name}`}>{refName(o)}</li>
          ))}
        </ul>
        <fieldset className="radio-row" style={{ border: 0, padding: 0 }}>
          <legend className="action-status">{t('actions.delete.propagation')}</legend>
          {PROPAGATIONS.map((p) => (
            <label key={p}>
              <input type="radio" name={`${id}-prop`} value={p} checked={propagation === p} onChange={() => setPropagation(p)} />{' '}
              {p === 'background' ? t('actions.delete.background') : p === 'foreground' ? t('actions.delete.foreground') : t('actions.delete.orphan')}
            </label>
          ))}
        </fieldset>
        {results && (
          <ul className="op-message bad" role="alert" aria-label={t('actions.delete.results')}>
            {results.map((r) => (
              <li key={`${r.kind}/${r.namespace ?? ''}/${r.name}`}>
                {refName(r)}: {r.error ? `${r.status ? `${r.status}: ` : ''}${r.error}` : r.action ?? t('actions.delete.deleted')}
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn primary danger" disabled={busy} onClick={() => void run()}>
            {busy ? t('actions.delete.deleting') : targets.length === 1 ? t('actions.label.delete') : t('actions.deleteCount', { count: targets.length })}
          </button>
        </div>
      </div>
    </Modal>
  );
}

export function ScaleDialog({
  context,
  target,
  kind,
  current,
  onClose,
  onDone,
}: {
  context: string;
  target: Ref;
  kind: string;
  current: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(n) && n >= 0;
  const run = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      await ops.Scale(context, target, n);
      onDone(t('actions.scale.done', { kind, name: target.name, count: n }));
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('actions.scale.title', { kind, name: target.name })} onClose={onClose}>
      <form
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field-row">
          {t('actions.scale.replicas')}
          <input type="number" min={0} step={1} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!valid} />
        </label>
        <p className="action-status">{t('actions.scale.now', { count: current })}</p>
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy || !valid}>
            {t('actions.scale.scale')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDialog({
  title,
  text,
  confirm,
  onClose,
  run,
}: {
  title: string;
  text: string;
  confirm: string;
  onClose: () => void;
  /** Resolves when done (the dialog closes) or throws (the message is shown). */
  run: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={title} onClose={onClose} role="alertdialog">
      <div className="modal-body">
        <p>{text}</p>
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              run()
                .then(onClose)
                .catch((e: unknown) => setError(errorMessage(e)))
                .finally(() => setBusy(false));
            }}
          >
            {confirm}
          </button>
        </div>
      </div>
    </Modal>
  );
}
