import { useState } from 'react';
import type { KubeconfigFile } from '../../api/types';

/** Kubeconfig files that could not be read, with why. */
export function KubeconfigBanner({ files }: { files: readonly KubeconfigFile[] }) {
  const broken = files.filter((f) => f.error);
  const [dismissed, setDismissed] = useState('');
  const sig = broken.map((f) => `${f.path}:${f.error}`).join('|');
  if (broken.length === 0 || dismissed === sig) return null;
  return (
    <div className="banner warn app-banner" role="alert">
      <div>
        <strong>
          {broken.length === 1 ? 'A kubeconfig file has a problem' : `${broken.length} kubeconfig files have problems`}
        </strong>
        {broken.map((f) => (
          <span key={f.path} className="banner-detail">
            <code>{f.path}</code>: {f.error}
          </span>
        ))}
      </div>
      <button type="button" className="btn small" aria-label="Dismiss kubeconfig warning" onClick={() => setDismissed(sig)}>
        Dismiss
      </button>
    </div>
  );
}
