// A Secret's keys, masked; each value is fetched from Go only when the user
// asks to reveal it (the object stream never carries Secret values).
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';

export function SecretData({ context, namespace, name, keys }: {
  context: string;
  namespace: string;
  name: string;
  keys: { key: string; hidden: string }[];
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (keys.length === 0) return <p className="muted">{t('details.parts.noData')}</p>;
  const reveal = async (key: string) => {
    setBusy(key);
    try {
      const v = await api.RevealSecret(context, namespace, name, key);
      setShown((s) => ({ ...s, [key]: v }));
      setErrors(({ [key]: _, ...rest }) => rest);
    } catch (e) {
      setErrors((s) => ({ ...s, [key]: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <dl className="kv data-list">
      {keys.map(({ key, hidden }) => {
        const value = shown[key];
        return (
          <div key={key} className="kv-row">
            <dt className="mono">{key}</dt>
            <dd>
              {value === undefined ? (
                <span className="masked" aria-label={t('details.secret.hidden', { key })}>
                  ••••••• <span className="muted">{hidden.replace(/^<hidden: (.*)>$/, '$1')}</span>
                </span>
              ) : (
                <code className="revealed" aria-label={t('details.secret.value', { key })}>
                  {value}
                </code>
              )}{' '}
              {value === undefined ? (
                <button
                  type="button"
                  className="btn small"
                  aria-label={t('details.secret.revealLabel', { key })}
                  disabled={busy === key}
                  onClick={() => void reveal(key)}
                >
                  {t('details.secret.reveal')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn small"
                  aria-label={t('details.secret.hideLabel', { key })}
                  onClick={() => setShown(({ [key]: _, ...rest }) => rest)}
                >
                  {t('details.secret.hide')}
                </button>
              )}
              {errors[key] && (
                <span className="form-error" role="alert">
                  {errors[key]}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
