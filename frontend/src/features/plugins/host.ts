// Keeps the loaded plugins in step with the backend's plugin list: follows
// the plugin stream, loads every enabled plugin (again when its bundle URL,
// which carries its hash, changes: development reload) and unloads the
// ones that are no longer enabled.
import { useEffect } from 'react';
import { errorMessage } from '../../api/errors';
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

/** Mount once: follows the plugin stream for as long as the app runs. */
export function usePluginHost(): void {
  useEffect(() => {
    const ctl = new AbortController();
    let delay = 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      streamPlugins(
        (list) => {
          delay = 1000;
          reconcile(list);
        },
        (message) => registry.setListError(message),
        ctl.signal,
      )
        .catch((e: unknown) => registry.setListError(t('plugins.errors.folder', { error: errorMessage(e) })))
        .finally(() => {
          if (ctl.signal.aborted) return;
          timer = setTimeout(run, delay);
          delay = Math.min(delay * 2, 15_000);
        });
    };
    run();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, []);
}
