// App-bar buttons plugins add (in the cluster bar). A rejected action is
// shown next to them; a throwing one fails its plugin.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pluginText } from './pluginI18n';
import { errorMessage } from '../../api/errors';
import { clusterClient } from './clusterClient';
import { registry, running, usePlugins } from './registry';

export function PluginActions({ context, namespace }: { context: string; namespace: string }) {
  const { t } = useTranslation();
  const snap = usePlugins();
  const actions = running(snap, 'actions');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (actions.length === 0) return null;
  return (
    <div className="plugin-actions" role="group" aria-label={t('plugins.actions.label')}>
      {actions.map((a, i) => {
        const key = `${a.pluginId}/${i}`;
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
              let result: void | Promise<void>;
              try {
                result = a.run({ client: clusterClient(a.pluginId, context, namespace), context, namespace });
              } catch (e) {
                registry.fail(a.pluginId, `The action ${a.label} threw: ${errorMessage(e)}`);
                setBusy(null);
                return;
              }
              void Promise.resolve(result)
                .catch((e: unknown) => setMessage(t('plugins.actions.failed', { label: pluginText(a.pluginId, a.label), error: errorMessage(e) })))
                .finally(() => setBusy(null));
            }}
          >
            {pluginText(a.pluginId, a.label)}
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
  );
}
