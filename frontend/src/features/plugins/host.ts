// Keeps the plugins' background frames in step with the backend's plugin
// list: follows the plugin stream, starts a sandboxed frame for every enabled
// plugin (again when its frame URL, which carries its hash, changes:
// development reload) and stops the ones that are no longer enabled. No
// plugin code runs in this page: everything a plugin runs is in its frames.
import { useEffect } from 'react';
import { errorMessage } from '../../api/errors';
import { usePreferences } from '../../api/queries';
import { i18n, t } from '../../i18n';
import { useLiveStream } from '../../lib/useLiveStream';
import { isReadOnly } from '../../lib/location';
import { useTheme } from '../../theme';
import { streamPlugins, type PluginInfo } from './backend';
import { registry } from './registry';
import { BackgroundFrames } from './sandbox/frames';
import { hostEnv } from './sandbox/session';

/** The one set of background frames of the app. */
export const frames = new BackgroundFrames(registry);

/** Brings the registry and the frames in line with a plugin list. */
export function reconcile(list: PluginInfo[], manager: BackgroundFrames = frames): void {
  manager.reconcile(list);
}

type PluginStreamEvent = { type: 'list'; list: PluginInfo[] } | { type: 'error'; message: string };

/** Keeps the frames' view of read-only, theme and language in step with the app. */
function useFrameEnvironment(): void {
  const prefs = usePreferences();
  const { theme } = useTheme();
  useEffect(() => {
    // A damaged settings file counts as read-only, as for the app's own actions.
    hostEnv.readOnly = (context) => prefs.isError || prefs.isPending || isReadOnly(context, prefs.data);
  }, [prefs.isError, prefs.isPending, prefs.data]);
  useEffect(() => frames.broadcast({ type: 'theme', theme: hostEnv.theme() }), [theme]);
  useEffect(() => {
    const onLanguage = (language: string) => frames.broadcast({ type: 'language', language });
    i18n.on('languageChanged', onLanguage);
    return () => i18n.off('languageChanged', onLanguage);
  }, []);
}

/** Mount once: follows the plugin stream for as long as the app runs (the one live-stream hook and its backoff). */
export function usePluginHost(): void {
  useFrameEnvironment();
  useLiveStream<PluginStreamEvent>({
    key: 'plugins',
    open: (onMessage, signal) =>
      streamPlugins(
        (list) => onMessage({ type: 'list', list }),
        (message) => onMessage({ type: 'error', message }),
        signal,
      ),
    onMessage: (m, connection) => {
      if (m.type === 'error') {
        registry.setListError(m.message);
        return;
      }
      connection.healthy();
      reconcile(m.list);
    },
    // The plugin folders are followed as long as the app runs: any end or failure reconnects after the backoff.
    onEnd: (error) => {
      if (error !== undefined) registry.setListError(t('plugins.errors.folder', { error: errorMessage(error) }));
      return true;
    },
  });
}
