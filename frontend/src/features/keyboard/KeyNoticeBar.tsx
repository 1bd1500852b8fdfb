// The live region for what a key did or why it did nothing.
import { useTranslation } from 'react-i18next';
import { dismissNotice, useKeyNotice } from './notice';

export function KeyNoticeBar() {
  const { t } = useTranslation();
  const n = useKeyNotice();
  return (
    <div className="key-notice-region" role="status" aria-live="polite">
      {n && (
        <p key={n.id} className={`key-notice op-message ${n.tone}`}>
          {n.text}
          <button type="button" className="link-button" aria-label={t('keyboard.dismiss')} onClick={dismissNotice}>
            ✕
          </button>
        </p>
      )}
    </div>
  );
}
