// The YAML tab: the live object as YAML, with a copy button.
import { useState } from 'react';

export function YamlTab({ yaml }: { yaml: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yaml);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div className="yaml-tab">
      <div className="yaml-tools">
        <button type="button" className="btn small" onClick={() => void copy()}>
          Copy YAML
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Could not copy: select the text instead' : ''}
        </span>
      </div>
      <pre className="yaml mono" aria-label="Object YAML" tabIndex={0}>
        {yaml}
      </pre>
    </div>
  );
}
