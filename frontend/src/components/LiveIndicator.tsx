import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../features/resources/listReducer';

function text(t: TFunction, c: Connection): { label: string; help: string } {
  switch (c) {
    case 'connecting': return { label: t('common.live.connecting'), help: t('common.live.connectingHelp') };
    case 'live': return { label: t('common.live.live'), help: t('common.live.liveHelp') };
    case 'reconnecting': return { label: t('common.live.reconnecting'), help: t('common.live.reconnectingHelp') };
    case 'failed': return { label: t('common.live.failed'), help: t('common.live.failedHelp') };
  }
}

/** Whether the list follows the cluster live. */
export function LiveIndicator({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const { label, help } = text(t, connection);
  return (
    <span className={`live live-${connection}`} role="status" title={help} data-connection={connection}>
      <span className="live-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
