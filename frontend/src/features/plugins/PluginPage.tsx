// A page a plugin registered (#/c/<context>/p/<plugin>/<path>), drawn in its sandboxed frame.
import { useTranslation } from 'react-i18next';
import { pluginText } from './pluginI18n';
import { useTitle } from '../../lib/useTitle';
import { PluginFrame } from './PluginFrame';
import { usePlugins } from './registry';
import { pluginsHash } from './routes';
import { stateText } from './stateText';

export interface PluginPageProps {
  context: string;
  namespace: string;
  plugin: string;
  path: string;
}

function Notice({ context, title, detail, tone }: { context: string; title: string; detail?: string; tone: 'warn' | 'bad' | 'wait' }) {
  const { t } = useTranslation();
  return (
    <div className="state-panel" role={tone === 'wait' ? 'status' : 'alert'}>
      {tone !== 'wait' && (
        <div className={`state-icon ${tone}`} aria-hidden="true">
          !
        </div>
      )}
      <h2>{title}</h2>
      {detail && <p className="state-detail">{detail}</p>}
      <p>
        <a href={pluginsHash(context)}>{t('plugins.page.openPlugins')}</a>
      </p>
    </div>
  );
}

export function PluginPage({ context, namespace, plugin, path }: PluginPageProps) {
  const { t } = useTranslation();
  const snap = usePlugins();
  const loaded = snap.loaded.get(plugin);
  const info = snap.list?.find((p) => p.id === plugin);
  const route = loaded?.runtime.status === 'running' ? loaded.contributions.routes.find((r) => r.path === path) : undefined;
  const title = route ? pluginText(plugin, route.title) : undefined;
  useTitle(`${title ?? plugin} · ${context} — Kubedeck`);

  let body;
  if (!snap.list) body = <Notice context={context} tone="wait" title={t('plugins.page.loadingPlugins')} />;
  else if (!info) body = <Notice context={context} tone="warn" title={t('plugins.page.noPlugin', { plugin })} detail={t('plugins.page.noPluginDetail')} />;
  else if (info.state !== 'enabled') body = <Notice context={context} tone="warn" title={t('plugins.page.notEnabled', { name: info.name, state: stateText(info, undefined) })} detail={info.error} />;
  else if (!loaded || loaded.runtime.status === 'loading') body = <Notice context={context} tone="wait" title={t('plugins.page.loadingPlugin', { name: info.name })} />;
  else if (loaded.runtime.status === 'failed') body = <Notice context={context} tone="bad" title={t('plugins.page.failed', { name: info.name })} detail={loaded.runtime.error} />;
  else if (!route) body = <Notice context={context} tone="warn" title={t('plugins.page.noPage', { name: info.name, path })} />;
  else {
    body = <PluginFrame info={info} view={{ kind: 'route', path: route.path }} props={{ context, namespace }} title={t('plugins.frame.view', { name: info.name, view: title ?? route.path })} />;
  }
  return (
    <section className="view plugin-page" aria-labelledby="plugin-page-title">
      <header className="view-header">
        <div className="view-title-block">
          <h1 id="plugin-page-title">{title ?? info?.name ?? plugin}</h1>
          <span className="view-scope">
            {t('plugins.page.scope', { context, plugin: info?.name ?? plugin })}
          </span>
        </div>
      </header>
      <div className="view-body plugin-page-body">{body}</div>
    </section>
  );
}
