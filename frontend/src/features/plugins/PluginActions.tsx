// App-bar buttons plugins add (in the cluster bar): each runs in the plugin's
// background frame ("action" → "action-done"); a rejected action is shown next
// to them. The bar also carries the notice of a refused plugin request, and
// tells the background frames which cluster and namespace are on screen.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pluginText } from './pluginI18n';
import { errorMessage } from '../../api/errors';
import { frames } from './host';
import { running, usePlugins } from './registry';
import { RefusalNotice } from './RefusalNotice';
import { hostEnv } from './sandbox/session';

export function PluginActions({ context, namespace }: { context: string; namespace: string }) {
  const { t } = useTranslation();
  const snap = usePlugins();
  const actions = running(snap, 'actions');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    hostEnv.scope = { context, namespace };
  }, [context, namespace]);
  return (
    <>
      <RefusalNotice context={context} />
      {actions.length > 0 && (
        <div className="plugin-actions" role="group" aria-label={t('plugins.actions.label')}>
          {actions.map((a) => {
            const key = `${a.pluginId}/${a.index}`;
            const label = pluginText(a.pluginId, a.label);
            return (
              <button
                key={key}
                type="button"
                className="btn small"
                disabled={busy === key}
                title={t('plugins.sidebar.from', { plugin: a.pluginId })}
                onClick={() => {
                  setMessage(null);
                  setBusy(key);
                  frames
                    .action(a.pluginId, a.index, { context, namespace })
                    .catch((e: unknown) => setMessage(t('plugins.actions.failed', { label, error: errorMessage(e) })))
                    .finally(() => setBusy(null));
                }}
              >
                {label}
              </button>
            );
          })}
          {message && (
            <span className="plugin-action-error" role="alert">
              {message}
              <button type="button" className="btn small" onClick={() => setMessage(null)}>
                {t('common.dismiss')}
              </button>
            </span>
          )}
        </div>
      )}
    </>
  );
}
