// Keeps the loaded plugins in step with the backend's plugin list: follows
// the plugin stream, loads every enabled plugin (again when its bundle URL,
// which carries its hash, changes: development reload) and unloads the
// ones that are no longer enabled.
import { errorMessage } from '../../api/errors';
import { useLiveStream } from '../../lib/useLiveStream';
import { streamPlugins, type PluginInfo } from './backend';
import { browserImport, loadPlugin, type Importer } from './loader';
import { registry, type PluginRegistry } from './registry';
import { t } from '../../i18n';

/** Brings the registry in line with a plugin list. */
export function reconcile(list: PluginInfo[], reg: PluginRegistry = registry, importer: Importer = browserImport): void {
  reg.setList(list);
  const wanted = new Map(list.filter((p) => p.state === 'enabled' && p.url).map((p) => [p.id, p]));
  for (const id of reg.snapshot().loaded.keys()) {
    if (!wanted.has(id)) reg.unload(id);
  }
  for (const p of wanted.values()) {
    const cur = reg.snapshot().loaded.get(p.id);
    if (!cur || cur.url !== p.url) void loadPlugin(p, reg, importer);
  }
}

type PluginStreamEvent = { type: 'list'; list: PluginInfo[] } | { type: 'error'; message: string };

/** Mount once: follows the plugin stream for as long as the app runs (the one live-stream hook and its backoff). */
export function usePluginHost(): void {
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
