// What a share would create (server dry-run): each object's YAML, the warnings, the expiry.
import { useTranslation } from 'react-i18next';
import type { SharePreview } from '../../api/types';
import { parseTime } from '../../lib/age';
import { formatDateTime } from '../../lib/format';
import { RulesTable } from './RulesTable';

export function SharePreviewView({ preview, stale }: { preview: SharePreview; stale: boolean }) {
  const { t } = useTranslation();
  const expires = parseTime(preview.expires);
  const warnings = preview.warnings ?? [];
  return (
    <section className="share-preview" aria-label={t('access.share.previewLabel')}>
      <h3>{t('access.share.previewHeading')}</h3>
      {stale && (
        <p className="op-message warn" role="status">
          {t('access.share.stale')}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="op-message warn" aria-label={t('access.share.warnings')}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {preview.expires && <p className="muted">{t('access.share.previewExpires', { time: Number.isNaN(expires) ? preview.expires : formatDateTime(expires) })}</p>}
      <h4>{t('access.share.grantsHeading')}</h4>
      <RulesTable rules={preview.grants ?? []} label={t('access.share.grants')} />
      {(preview.objects ?? []).map((o) => (
        <label key={`${o.kind}/${o.namespace ?? ''}/${o.name}`} className="share-object">
          <span>{`${o.kind} ${o.name}`}</span>
          <textarea readOnly className="mono" value={o.yaml} rows={Math.min(18, o.yaml.split('\n').length + 1)} spellCheck={false} />
        </label>
      ))}
    </section>
  );
}
