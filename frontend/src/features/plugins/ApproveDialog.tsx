// Asks before a plugin runs, showing what is being approved: name, version,
// folder, content hash, and each capability it asks for in plain words with a
// checkbox (Secret values never ticked; writes, Secret values and exec marked
// sensitive). The user grants the ticked ones.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capabilities } from '../../api/contract.gen';
import type { PluginInfo } from './backend';
import { capabilityItems, grantOf } from './capabilityItems';

export interface ApproveDialogProps {
  plugin: PluginInfo;
  onApprove: (granted: Capabilities) => void;
  onCancel: () => void;
}

export function ApproveDialog({ plugin, onApprove, onCancel }: ApproveDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const items = useMemo(() => capabilityItems(plugin.requested), [plugin.requested]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(items.filter((i) => i.ticked).map((i) => i.id)));
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
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
      <p id="approve-warning">{t('plugins.approve.warning')}</p>
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
      <fieldset className="plugin-capabilities">
        <legend>{t('plugins.approve.capabilities')}</legend>
        {items.length === 0 ? (
          <p>{t('plugins.approve.nothing')}</p>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={item.id} className={item.sensitive ? 'sensitive' : undefined}>
                <label>
                  <input type="checkbox" checked={ticked.has(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                  {item.text}
                  {item.sensitive && <span className="badge sensitive">{t('plugins.approve.sensitive')}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn primary" onClick={() => onApprove(grantOf(items, ticked))}>
          {t('plugins.approve.run')}
        </button>
      </div>
    </dialog>
  );
}
