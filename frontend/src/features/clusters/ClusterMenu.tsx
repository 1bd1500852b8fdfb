// The cluster's status pill in the cluster bar; opens a panel with who you
// are there, Retry, Sign out (for entered tokens), the read-only switch and
// Remove (for clusters added in the app).
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { ClusterStatus } from '../../api/types';
import { stateText, stateTone } from '../../lib/clusterText';

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
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const s = p.status;
  const text = s ? stateText(s.state) : t('clusters.state.checking');
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
        aria-label={t('clusters.menu.status', { status: text })}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        <span className={`status-dot ${tone}`} aria-hidden="true" />
        {p.checking && !s ? t('clusters.state.checking') : text}
        {s?.state === 'ready' && s.user && <span className="cluster-user">{s.user}</span>}
      </button>
      {open && (
        <div className="cluster-menu-panel" role="dialog" aria-label={t('clusters.menu.label', { context: p.context })}>
          <dl className="kv">
            <dt>{t('clusters.menu.statusTerm')}</dt>
            <dd>{text}</dd>
            {s?.message && (
              <>
                <dt>{t('clusters.menu.why')}</dt>
                <dd>{s.message}</dd>
              </>
            )}
            <dt>{t('clusters.menu.server')}</dt>
            <dd>{s?.server || '—'}</dd>
            {s?.gitVersion && (
              <>
                <dt>Kubernetes</dt>
                <dd>{s.gitVersion}</dd>
              </>
            )}
            {s?.user && (
              <>
                <dt>{t('clusters.menu.user')}</dt>
                <dd>
                  {s.user}
                  {s.groups.length > 0 && <span className="muted"> ({s.groups.join(', ')})</span>}
                </dd>
              </>
            )}
            {s && (
              <>
                <dt>{t('clusters.menu.credentials')}</dt>
                <dd>
                  {s.auth === 'token'
                    ? s.tokenStorage === 'keyring'
                      ? t('clusters.menu.tokenKeyring')
                      : t('clusters.menu.tokenMemory')
                    : t('clusters.menu.fromKubeconfig')}
                </dd>
              </>
            )}
          </dl>
          <div className="switch-row">
            <button
              type="button"
              role="switch"
              aria-checked={p.readOnly}
              aria-label={t('clusters.readOnly.label')}
              className="switch"
              onClick={() => p.onReadOnly(!p.readOnly)}
            >
              <span className="switch-knob" aria-hidden="true" />
            </button>
            <span aria-hidden="true">{t('clusters.readOnly.switch')}</span>
          </div>
          <div className="cluster-menu-actions">
            <button type="button" className="btn small" onClick={p.onRetry}>
              {t('clusters.menu.checkAgain')}
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
                {t('clusters.signOut.label')}
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
                {t('clusters.menu.remove')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function ReadOnlyLock() {
  const { t } = useTranslation();
  return (
    <span className="readonly-lock" role="img" aria-label={t('clusters.readOnly.label')} title={t('clusters.readOnly.title')}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
        <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </span>
  );
}
