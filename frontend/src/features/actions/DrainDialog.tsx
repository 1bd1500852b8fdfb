// Drain a node (cordon, then evictions through the Eviction API): options,
// live progress, and Cancel that stops it cleanly (the node stays cordoned).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { streamDrain, type DrainProgress } from '../../api/operations';
import { Modal } from '../common/Modal';

/** A whole number of seconds typed by the user; the fallback when empty or not a number (0 stays 0). */
export function seconds(text: string, fallback: number): number {
  const n = Number(text.trim());
  return text.trim() === '' || !Number.isInteger(n) ? fallback : n;
}

export function DrainDialog({ context, node, onClose }: { context: string; node: string; onClose: () => void }) {
  const { t } = useTranslation();
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
        return t('actions.drain.cordoned', { node });
      case 'pods':
        {
        const n = p.pods?.length ?? 0;
        return n ? t('actions.drain.toEvictList', { count: n, pods: (p.pods ?? []).join(', ') }) : t('actions.drain.toEvict', { count: n });
      }
      case 'evicting':
        return t('actions.drain.evicting', { pod });
      case 'evicted':
        return t('actions.drain.evicted', { pod });
      case 'waiting':
        return pod ? t('actions.drain.waitingFor', { pod, message: p.message ?? '' }) : t('actions.drain.waiting', { message: p.message ?? '' });
      case 'done':
        return p.message || t('actions.drain.drained');
      case 'error':
        return t('actions.drain.error', { message: p.message ?? '' });
    }
  };
  return (
    <Modal title={t('actions.drain.title', { node })} onClose={() => (state === 'running' ? cancel() : onClose())}>
      <div className="modal-body action-form">
        <label className="field-row">
          <input type="checkbox" checked={force} disabled={state === 'running'} onChange={(e) => setForce(e.target.checked)} />{' '}
          {t('actions.drain.force')}
        </label>
        <label className="field-row">
          <input type="checkbox" checked={emptyDir} disabled={state === 'running'} onChange={(e) => setEmptyDir(e.target.checked)} />{' '}
          {t('actions.drain.emptyDir')}
        </label>
        <label className="field-row">
          {t('actions.drain.grace')}
          <input type="number" value={grace} disabled={state === 'running'} onChange={(e) => setGrace(e.target.value)} />
        </label>
        <label className="field-row">
          {t('actions.drain.timeout')}
          <input type="number" min={0} value={timeout} disabled={state === 'running'} onChange={(e) => setTimeoutS(e.target.value)} />
        </label>
        <ul className="progress-list" aria-label={t('actions.drain.progress')} aria-live="polite">
          {events.map((p, i) => (
            <li key={i} className={p.type === 'error' ? 'bad-text' : p.type === 'waiting' ? 'warn-text' : p.type === 'done' ? 'ok-text' : ''}>
              {line(p)}
            </li>
          ))}
        </ul>
        {state === 'cancelled' && <p className="op-message warn">{t('actions.drain.cancelled')}</p>}
        <div className="modal-actions">
          {state === 'running' ? (
            <button type="button" className="btn" onClick={cancel}>
              {t('actions.drain.cancel')}
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={onClose}>
                {t('common.close')}
              </button>
              <button type="button" className="btn primary" onClick={start}>
                {state === 'idle' ? t('actions.drain.drain') : t('actions.drain.again')}
              </button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
