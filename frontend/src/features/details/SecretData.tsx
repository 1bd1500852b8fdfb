// A Secret's keys, masked; each value is fetched from Go only when the user
// asks to reveal it (the object stream never carries Secret values).
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';

export function SecretData({ context, namespace, name, keys }: {
  context: string;
  namespace: string;
  name: string;
  keys: { key: string; hidden: string }[];
}) {
  const [shown, setShown] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (keys.length === 0) return <p className="muted">No data.</p>;
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
                <span className="masked" aria-label={`${key} hidden`}>
                  ••••••• <span className="muted">{hidden.replace(/^<hidden: (.*)>$/, '$1')}</span>
                </span>
              ) : (
                <code className="revealed" aria-label={`${key} value`}>
                  {value}
                </code>
              )}{' '}
              {value === undefined ? (
                <button
                  type="button"
                  className="btn small"
                  aria-label={`Reveal ${key}`}
                  disabled={busy === key}
                  onClick={() => void reveal(key)}
                >
                  Reveal
                </button>
              ) : (
                <button
                  type="button"
                  className="btn small"
                  aria-label={`Hide ${key}`}
                  onClick={() => setShown(({ [key]: _, ...rest }) => rest)}
                >
                  Hide
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
