import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeconfigFile } from '../../api/types';

/** Kubeconfig files that could not be read, with why. */
export function KubeconfigBanner({ files }: { files: readonly KubeconfigFile[] }) {
  const { t } = useTranslation();
  const broken = files.filter((f) => f.error);
  const [dismissed, setDismissed] = useState('');
  const sig = broken.map((f) => `${f.path}:${f.error}`).join('|');
  if (broken.length === 0 || dismissed === sig) return null;
  return (
    <div className="banner warn app-banner" role="alert">
      <div>
        <strong>
          {t('clusters.kubeconfig.problems', { count: broken.length })}
        </strong>
        {broken.map((f) => (
          <span key={f.path} className="banner-detail">
            <code>{f.path}</code>: {f.error}
          </span>
        ))}
      </div>
      <button type="button" className="btn small" aria-label={t('clusters.kubeconfig.dismiss')} onClick={() => setDismissed(sig)}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
