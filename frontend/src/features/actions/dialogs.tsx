// The smaller action dialogs: delete, scale, confirm, rollout history, drain.
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { ops, streamDrain, type DrainProgress, type OpResult, type Propagation, type Ref, type Revision } from '../../api/operations';
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
        onDone(`Deleting ${targets.length === 1 ? refName(targets[0]!) : `${targets.length} objects`}`);
        onClose();
      } else setResults(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const title = targets.length === 1 ? `Delete ${targets[0]!.kind} ${targets[0]!.name}?` : `Delete ${targets.length} objects?`;
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
      onDone(msg || `Rolled back ${name}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={`Rollout history of ${name}`} onClose={onClose} size="wide">
      <div className="modal-body">
        {!list && !error && <p role="status">Loading revisions…</p>}
        {list && (
          <table className="simple-table" aria-label="Revisions">
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">ReplicaSet</th>
                <th scope="col">Images</th>
                <th scope="col">Change cause</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...list].sort((a, b) => b.revision - a.revision).map((r) => (
                <tr key={r.revision}>
                  <td>
                    {r.revision}
                    {r.current ? ' (current)' : ''}
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
                        Roll back to {r.revision}
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
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}

export function DrainDialog({ context, node, onClose }: { context: string; node: string; onClose: () => void }) {
  const [force, setForce] = useState(false);
  const [emptyDir, setEmptyDir] = useState(true);
  const [grace, setGrace] = useState('-1');
  const [timeout, setTimeoutS] = useState('300');
  const [events, setEvents] = useState<DrainProgress[]>([]);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed' | 'cancelled'>('idle');
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  const start = () => {
    const c = new AbortController();
    ctl.current = c;
    setEvents([]);
    setState('running');
    streamDrain(
      context,
      node,
      { force, deleteEmptyDirData: emptyDir, gracePeriodSeconds: Number(grace) || -1, timeoutSeconds: Number(timeout) || 0 },
      (p) => {
        setEvents((e) => [...e, p]);
        if (p.type === 'done') setState('done');
        if (p.type === 'error') setState('failed');
      },
      c.signal,
    )
      .then(() => setState((s) => (s === 'running' ? (c.signal.aborted ? 'cancelled' : 'done') : s)))
      .catch((e: unknown) => {
        setEvents((ev) => [...ev, { type: 'error', message: errorMessage(e) }]);
        setState('failed');
      });
  };
  const cancel = () => {
    ctl.current?.abort();
    setState('cancelled');
  };
  const line = (p: DrainProgress): string => {
    const pod = p.pod ? `${p.namespace ? `${p.namespace}/` : ''}${p.pod}` : '';
    switch (p.type) {
      case 'cordoned':
        return `Node ${node} cordoned`;
      case 'pods':
        return `${p.pods?.length ?? 0} pods to evict${p.pods?.length ? `: ${p.pods.join(', ')}` : ''}`;
      case 'evicting':
        return `Evicting ${pod}`;
      case 'evicted':
        return `Evicted ${pod}`;
      case 'waiting':
        return `Waiting${pod ? ` for ${pod}` : ''}: ${p.message ?? ''}`;
      case 'done':
        return p.message || 'Drained';
      case 'error':
        return `Error: ${p.message ?? ''}`;
    }
  };
  return (
    <Modal title={`Drain node ${node}`} onClose={() => (state === 'running' ? cancel() : onClose())}>
      <div className="modal-body action-form">
        <label className="field-row">
          <input type="checkbox" checked={force} disabled={state === 'running'} onChange={(e) => setForce(e.target.checked)} /> Force
          (pods without a controller)
        </label>
        <label className="field-row">
          <input type="checkbox" checked={emptyDir} disabled={state === 'running'} onChange={(e) => setEmptyDir(e.target.checked)} />{' '}
          Delete emptyDir data
        </label>
        <label className="field-row">
          Grace period (s, -1 = the pod’s own)
          <input type="number" value={grace} disabled={state === 'running'} onChange={(e) => setGrace(e.target.value)} />
        </label>
        <label className="field-row">
          Timeout (s, 0 = none)
          <input type="number" min={0} value={timeout} disabled={state === 'running'} onChange={(e) => setTimeoutS(e.target.value)} />
        </label>
        <ul className="progress-list" aria-label="Drain progress" aria-live="polite">
          {events.map((p, i) => (
            <li key={i} className={p.type === 'error' ? 'bad-text' : p.type === 'waiting' ? 'warn-text' : p.type === 'done' ? 'ok-text' : ''}>
              {line(p)}
            </li>
          ))}
        </ul>
        {state === 'cancelled' && <p className="op-message warn">Drain cancelled: the node stays cordoned.</p>}
        <div className="modal-actions">
          {state === 'running' ? (
            <button type="button" className="btn" onClick={cancel}>
              Cancel drain
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={onClose}>
                Close
              </button>
              <button type="button" className="btn primary" onClick={start}>
                {state === 'idle' ? 'Drain' : 'Drain again'}
              </button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
