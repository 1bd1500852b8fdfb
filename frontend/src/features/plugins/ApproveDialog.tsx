// Asks before a plugin runs, showing what is being approved.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginInfo } from './backend';

export interface ApproveDialogProps {
  plugin: PluginInfo;
  onApprove: () => void;
  onCancel: () => void;
}

export function ApproveDialog({ plugin, onApprove, onCancel }: ApproveDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="approve-dialog"
      aria-labelledby="approve-title"
      aria-describedby="approve-warning"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="approve-title">{t('plugins.approve.title', { name: plugin.name })}</h2>
      <p id="approve-warning">
        {t('plugins.approve.warning')}
      </p>
      <dl className="plugin-facts">
        <dt>{t('plugins.approve.name')}</dt>
        <dd>{plugin.name}</dd>
        <dt>{t('plugins.approve.version')}</dt>
        <dd>{plugin.version || '—'}</dd>
        {plugin.description && (
          <>
            <dt>{t('plugins.approve.description')}</dt>
            <dd>{plugin.description}</dd>
          </>
        )}
        <dt>{t('plugins.card.path')}</dt>
        <dd className="mono">{plugin.path}</dd>
        <dt>{t('plugins.approve.hash')}</dt>
        <dd className="mono plugin-hash">{plugin.hash}</dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn primary" onClick={onApprove}>
          {t('plugins.approve.run')}
        </button>
      </div>
    </dialog>
  );
}
