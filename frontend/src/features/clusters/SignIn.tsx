// A cluster that wants credentials: why, a token field, Sign in.
import { Trans, useTranslation } from 'react-i18next';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { ClusterStatus, SignInResult } from '../../api/types';
import { useTitle } from '../../lib/useTitle';

/** Separator between a failed credential plugin's message and its stderr (app/cluster/plugin.go). */
const PLUGIN_SAID = '. It said:\n';

/** Splits a status message into the message and what a credential plugin printed. */
export function splitPluginOutput(message: string): { text: string; output?: string } {
  const i = message.indexOf(PLUGIN_SAID);
  if (i < 0) return { text: message };
  return { text: `${message.slice(0, i)}.`, output: message.slice(i + PLUGIN_SAID.length) };
}

export function SignInScreen({ status, onSignedIn }: { status: ClusterStatus; onSignedIn: (r: SignInResult) => void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useTitle(`${t('clusters.signIn.submit')} · ${status.context} — Kubedeck`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.SignIn(status.context, token);
      setToken('');
      onSignedIn(r);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="state-panel signin" aria-labelledby={`${id}-h`}>
      <div className="state-icon warn" aria-hidden="true">
        <svg viewBox="0 0 16 16" width="18" height="18">
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </div>
      <h2 id={`${id}-h`}>{t('clusters.signIn.title', { context: status.context })}</h2>
      <StatusDetail message={status.message || t('clusters.signIn.needs')} />
      <form className="signin-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-t`}>{t('clusters.signIn.token')}</label>
        <input
          id={`${id}-t`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setToken(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          <Trans
            i18nKey="clusters.signIn.hint"
            values={{ server: status.server || t('clusters.signIn.thisCluster'), command: 'kubectl create token <serviceaccount>' }}
            components={{ code: <code /> }}
          />
        </p>
        {error && (
          <p id={`${id}-err`} className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn primary" disabled={busy || token.trim() === ''}>
          {busy ? t('clusters.signIn.busy') : t('clusters.signIn.submit')}
        </button>
      </form>
    </section>
  );
}

/** The status message; a credential plugin's own output (its hint, e.g. "run aws sso login") as it printed it. */
function StatusDetail({ message }: { message: string }) {
  const { t } = useTranslation();
  const { text, output } = splitPluginOutput(message);
  return (
    <>
      <p className="state-detail">{text}</p>
      {output && (
        <figure className="plugin-output">
          <figcaption>{t('clusters.signIn.pluginSaid')}</figcaption>
          <pre aria-label={t('clusters.signIn.pluginOutput')}>{output}</pre>
        </figure>
      )}
    </>
  );
}
