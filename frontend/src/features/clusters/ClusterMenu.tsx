// The cluster's status pill in the cluster bar; opens a panel with who you
// are there, Retry, Sign out (for entered tokens), the read-only switch and
// Remove (for clusters added in the app).
import { useEffect, useRef, useState } from 'react';
import type { ClusterStatus } from '../../api/types';
import { STATE_TEXT, stateTone } from '../../lib/clusterText';

export interface ClusterMenuProps {
  context: string;
  status: ClusterStatus | undefined;
  checking: boolean;
  readOnly: boolean;
  removable: boolean;
  onRetry: () => void;
  onSignOut: () => void;
  onReadOnly: (on: boolean) => void;
  onRemove: () => void;
}

export function ClusterMenu(p: ClusterMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const s = p.status;
  const text = s ? STATE_TEXT[s.state] : 'Checking…';
  const tone = s ? stateTone(s.state) : 'muted';

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="cluster-menu" ref={rootRef}>
      <button
        type="button"
        className={`status-pill ${tone}`}
        aria-label={`Cluster status: ${text}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        <span className={`status-dot ${tone}`} aria-hidden="true" />
        {p.checking && !s ? 'Checking…' : text}
        {s?.state === 'ready' && s.user && <span className="cluster-user">{s.user}</span>}
      </button>
      {open && (
        <div className="cluster-menu-panel" role="dialog" aria-label={`Cluster ${p.context}`}>
          <dl className="kv">
            <dt>Status</dt>
            <dd>{text}</dd>
            {s?.message && (
              <>
                <dt>Why</dt>
                <dd>{s.message}</dd>
              </>
            )}
            <dt>Server</dt>
            <dd>{s?.server || '—'}</dd>
            {s?.gitVersion && (
              <>
                <dt>Kubernetes</dt>
                <dd>{s.gitVersion}</dd>
              </>
            )}
            {s?.user && (
              <>
                <dt>User</dt>
                <dd>
                  {s.user}
                  {s.groups.length > 0 && <span className="muted"> ({s.groups.join(', ')})</span>}
                </dd>
              </>
            )}
            {s && (
              <>
                <dt>Credentials</dt>
                <dd>
                  {s.auth === 'token'
                    ? `A token you entered, kept ${s.tokenStorage === 'keyring' ? 'in your system keyring' : 'in memory only'}`
                    : 'From your kubeconfig'}
                </dd>
              </>
            )}
          </dl>
          <div className="switch-row">
            <button
              type="button"
              role="switch"
              aria-checked={p.readOnly}
              aria-label="Read-only"
              className="switch"
              onClick={() => p.onReadOnly(!p.readOnly)}
            >
              <span className="switch-knob" aria-hidden="true" />
            </button>
            <span aria-hidden="true">Read-only: no changes to this cluster from Kubedeck</span>
          </div>
          <div className="cluster-menu-actions">
            <button type="button" className="btn small" onClick={p.onRetry}>
              Check again
            </button>
            {s?.auth === 'token' && (
              <button
                type="button"
                className="btn small"
                onClick={() => {
                  setOpen(false);
                  p.onSignOut();
                }}
              >
                Sign out
              </button>
            )}
            {p.removable && (
              <button
                type="button"
                className="btn small danger"
                onClick={() => {
                  setOpen(false);
                  p.onRemove();
                }}
              >
                Remove cluster
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function ReadOnlyLock() {
  return (
    <span className="readonly-lock" role="img" aria-label="Read-only" title="Read-only: Kubedeck makes no changes to this cluster">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
        <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </span>
  );
}
