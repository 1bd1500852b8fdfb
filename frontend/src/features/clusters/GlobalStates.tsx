// Full-page states: the session is gone, no backend, no kubeconfig, starting.
import type { ReactNode } from 'react';
import type { KubeconfigFile } from '../../api/types';
import { Logo } from '../../components/Logo';

function Page({ children, tone }: { children: ReactNode; tone?: 'bad' | 'warn' }) {
  return (
    <main className={`global-state ${tone ?? ''}`}>
      <div className="global-card">
        <div className="global-brand">
          <Logo size={28} />
          <span>Kubedeck</span>
        </div>
        {children}
      </div>
    </main>
  );
}

export function SessionExpired() {
  return (
    <Page tone="warn">
      <h1>Session expired</h1>
      <p>
        Open the newest sign-in address that <code>kubedeck serve</code> printed (each one works once), or ask
        whoever runs it for one.
      </p>
      <p className="muted">
        Sessions end after a while without use, after their maximum age, on sign-out, or when{' '}
        <code>kubedeck serve</code> restarts. Reloading shows why this one ended.
      </p>
      <div className="state-actions">
        <a className="btn" href="/">
          Show why
        </a>
      </div>
    </Page>
  );
}

export function Starting() {
  return (
    <main className="global-state">
      <div className="global-card" role="status" aria-label="Loading Kubedeck">
        <div className="global-brand">
          <Logo size={28} />
          <span>Kubedeck</span>
        </div>
        <p className="muted">Reading your kubeconfig…</p>
      </div>
    </main>
  );
}

export function BackendUnavailable({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Page tone="bad">
      <h1>Kubedeck cannot reach its backend</h1>
      <p className="state-detail">{message}</p>
      <p className="muted">
        In a browser, Kubedeck is served by <code>kubedeck serve</code>: check that it still runs, then retry.
      </p>
      <div className="state-actions">
        <button type="button" className="btn primary" onClick={onRetry}>
          Retry
        </button>
      </div>
    </Page>
  );
}

export function NoKubeconfig({ files, onRetry }: { files: readonly KubeconfigFile[]; onRetry: () => void }) {
  return (
    <Page>
      <h1>No Kubernetes contexts found</h1>
      <p>
        Kubedeck reads your kubeconfig the way <code>kubectl</code> does: the files listed in the{' '}
        <code>KUBECONFIG</code> environment variable, or <code>~/.kube/config</code> when it is not set.
      </p>
      {files.length > 0 && (
        <div className="files">
          <h2>Files Kubedeck looked at</h2>
          <ul>
            {files.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>{' '}
                <span className={f.error ? 'bad-text' : f.exists ? 'ok-text' : 'muted'}>
                  {f.error ? f.error : f.exists ? 'has no contexts' : 'does not exist'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted">
        Add a cluster with your provider’s CLI (for example <code>aws eks update-kubeconfig</code>,{' '}
        <code>gcloud container clusters get-credentials</code>, <code>az aks get-credentials</code>) or{' '}
        <code>kind create cluster</code>, then check again.
      </p>
      <div className="state-actions">
        <button type="button" className="btn primary" onClick={onRetry}>
          Check again
        </button>
      </div>
    </Page>
  );
}
