// The smaller action dialogs: delete, scale, confirm.
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { ops, type OpResult, type Propagation, type Ref } from '../../api/operations';
import { Modal } from '../common/Modal';

export interface DeleteTarget extends Ref {
  kind: string;
}

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
        onDone(`Deleting ${only ? refName(only) : `${targets.length} objects`}`);
        onClose();
      } else setResults(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const title = only ? `Delete ${only.kind} ${only.name}?` : `Delete ${targets.length} objects?`;
  return (
    <Modal title={title} onClose={onClose} role="alertdialog" describedBy={`${id}-what`}>
      <div className="modal-body">
        <p id={`${id}-what`}>
          {targets.length === 1 ? 'This deletes' : `These ${targets.length} objects will be deleted`} on the cluster:
        </p>
        <ul className="object-list" aria-label="Objects to delete">
          {targets.map((t) => (
            <li key={`${t.resource}/${t.namespace ?? ''}/${t.name}`}>{refName(t)}</li>
          ))}
        </ul>
        <fieldset className="radio-row" style={{ border: 0, padding: 0 }}>
          <legend className="action-status">Dependents (propagation)</legend>
          {(['background', 'foreground', 'orphan'] as const).map((p) => (
            <label key={p}>
              <input type="radio" name={`${id}-prop`} value={p} checked={propagation === p} onChange={() => setPropagation(p)} />{' '}
              {p === 'background' ? 'Background (default)' : p === 'foreground' ? 'Foreground (wait for dependents)' : 'Orphan (keep dependents)'}
            </label>
          ))}
        </fieldset>
        {results && (
          <ul className="op-message bad" role="alert" aria-label="Delete results">
            {results.map((r) => (
              <li key={`${r.kind}/${r.namespace ?? ''}/${r.name}`}>
                {refName(r)}: {r.error ? `${r.status ? `${r.status}: ` : ''}${r.error}` : r.action ?? 'deleted'}
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
            Cancel
          </button>
          <button type="button" className="btn primary danger" disabled={busy} onClick={() => void run()}>
            {busy ? 'Deleting…' : targets.length === 1 ? 'Delete' : `Delete ${targets.length}`}
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
      onDone(`Scaled ${kind} ${target.name} to ${n}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={`Scale ${kind} ${target.name}`} onClose={onClose}>
      <form
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field-row">
          Replicas
          <input type="number" min={0} step={1} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!valid} />
        </label>
        <p className="action-status">Now: {current}</p>
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={busy || !valid}>
            Scale
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
            Cancel
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
