// The sidebar's Plugins section: the entries plugins registered and the
// Plugins page (always there, so plugins waiting for approval can be found).
import { useTranslation } from 'react-i18next';
import { pluginPageHash, pluginsHash } from './routes';
import { running, usePlugins } from './registry';
import { pluginText } from './pluginI18n';

export interface PluginSidebarLinksProps {
  context: string;
  /** The plugin route on screen, if any. */
  current: { plugin: string; path: string } | null;
  pluginsPageActive: boolean;
}

export function PluginSidebarLinks({ context, current, pluginsPageActive }: PluginSidebarLinksProps) {
  const { t } = useTranslation();
  const snap = usePlugins();
  const entries = running(snap, 'sidebar');
  const waiting = snap.list?.filter((p) => p.state === 'waiting-approval').length ?? 0;
  return (
    <div className="sidebar-section plugin-links">
      <h2 className="sidebar-heading section plugin-heading">{t('plugins.sidebar.heading')}</h2>
      <ul>
        {entries.map((e) => (
          <li key={`${e.pluginId}/${e.path}`}>
            <a
              href={pluginPageHash(context, e.pluginId, e.path)}
              aria-current={current?.plugin === e.pluginId && current.path === e.path ? 'page' : undefined}
              title={t('plugins.sidebar.from', { plugin: e.pluginId })}
            >
              {pluginText(e.pluginId, e.label)}
            </a>
          </li>
        ))}
        <li>
          <a href={pluginsHash(context)} aria-current={pluginsPageActive ? 'page' : undefined}>
            {t('plugins.sidebar.manage')}
            {waiting > 0 && (
              <span className="badge plugin-waiting" aria-label={t('plugins.sidebar.waiting', { count: waiting })}>
                {waiting}
              </span>
            )}
          </a>
        </li>
      </ul>
    </div>
  );
}
