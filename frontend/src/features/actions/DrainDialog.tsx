// Drain a node (cordon, then evictions through the Eviction API): options,
// live progress, and Cancel that stops it cleanly (the node stays cordoned).
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { streamDrain, type DrainProgress } from '../../api/operations';
import { Modal } from '../common/Modal';

/** A whole number of seconds typed by the user; the fallback when empty or not a number (0 stays 0). */
export function seconds(text: string, fallback: number): number {
  const n = Number(text.trim());
  return text.trim() === '' || !Number.isInteger(n) ? fallback : n;
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
      { force, deleteEmptyDirData: emptyDir, gracePeriodSeconds: seconds(grace, -1), timeoutSeconds: Math.max(0, seconds(timeout, 0)) },
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
        {
        const n = p.pods?.length ?? 0;
        return `${n} pod${n === 1 ? '' : 's'} to evict${n ? `: ${(p.pods ?? []).join(', ')}` : ''}`;
      }
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
          Timeout (s, 0 = 5 minutes)
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
