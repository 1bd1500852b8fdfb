// Full-page states: the session is gone, no backend, no kubeconfig, starting.
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  return (
    <Page tone="warn">
      <h1>{t('clusters.global.expired')}</h1>
      <p>
        <Trans i18nKey="clusters.global.expiredOpen" components={{ code: <code /> }} />
      </p>
      <p className="muted">
        <Trans i18nKey="clusters.global.expiredWhy" components={{ code: <code /> }} />
      </p>
      <div className="state-actions">
        <a className="btn" href="/">
          {t('clusters.global.showWhy')}
        </a>
      </div>
    </Page>
  );
}

export function Starting() {
  const { t } = useTranslation();
  return (
    <main className="global-state">
      <div className="global-card" role="status" aria-label={t('clusters.global.loading')}>
        <div className="global-brand">
          <Logo size={28} />
          <span>Kubedeck</span>
        </div>
        <p className="muted">{t('clusters.global.reading')}</p>
      </div>
    </main>
  );
}

export function BackendUnavailable({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page tone="bad">
      <h1>{t('clusters.global.noBackend')}</h1>
      <p className="state-detail">{message}</p>
      <p className="muted">
        <Trans i18nKey="clusters.global.noBackendHint" components={{ code: <code /> }} />
      </p>
      <div className="state-actions">
        <button type="button" className="btn primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    </Page>
  );
}

export function NoKubeconfig({ files, onRetry }: { files: readonly KubeconfigFile[]; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page>
      <h1>{t('clusters.global.noContexts')}</h1>
      <p>
        <Trans i18nKey="clusters.global.howRead" components={{ code: <code /> }} />
      </p>
      {files.length > 0 && (
        <div className="files">
          <h2>{t('clusters.global.files')}</h2>
          <ul>
            {files.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>{' '}
                <span className={f.error ? 'bad-text' : f.exists ? 'ok-text' : 'muted'}>
                  {f.error ? f.error : f.exists ? t('clusters.global.noContextsInFile') : t('clusters.global.missingFile')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted">
        <Trans i18nKey="clusters.global.addHint" components={{ code: <code /> }} />
      </p>
      <div className="state-actions">
        <button type="button" className="btn primary" onClick={onRetry}>
          {t('clusters.menu.checkAgain')}
        </button>
      </div>
    </Page>
  );
}
