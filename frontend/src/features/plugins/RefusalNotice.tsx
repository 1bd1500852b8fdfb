// The notice of the newest refused plugin request ("Node taints: Refused:
// delete pods (not granted)"), until dismissed or after a while; the
// plugin's card on the Plugins page keeps the list.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { registry, usePlugins } from './registry';
import { pluginsHash } from './routes';
import { refusalText } from './sandbox/refusalText';

export const NOTICE_MS = 8_000;

export function RefusalNotice({ context }: { context?: string }) {
  const { t } = useTranslation();
  const { notice, list } = usePlugins();
  const seq = notice?.seq;
  useEffect(() => {
    if (seq === undefined) return;
    const timer = setTimeout(() => registry.dismissNotice(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [seq]);
  if (!notice) return null;
  const name = list?.find((p) => p.id === notice.pluginId)?.name ?? notice.pluginId;
  return (
    <div className="plugin-refusal-notice" role="alert">
      <span>
        {t('plugins.refused.notice', { name, refusal: refusalText(notice.entry) })}
        {notice.entry.count > 1 && ` ${t('plugins.refused.times', { count: notice.entry.count })}`}
      </span>
      {context !== undefined && <a href={pluginsHash(context)}>{t('plugins.refused.open')}</a>}
      <button type="button" className="btn small" onClick={() => registry.dismissNotice()}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
