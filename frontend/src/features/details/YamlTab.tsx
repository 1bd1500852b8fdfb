// The YAML tab: the live object as YAML, with a copy button, and its
// managedFields (left out of every stream) fetched only when asked for.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { ops, type Ref } from '../../api/operations';

type Managed = { t: 'hidden' } | { t: 'loading' } | { t: 'shown'; yaml: string } | { t: 'error'; message: string };

export function YamlTab({ yaml, context, target }: { yaml: string; context: string; target: Ref }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [managed, setManaged] = useState<Managed>({ t: 'hidden' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yaml);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  const toggleManaged = async () => {
    if (managed.t === 'shown' || managed.t === 'error') {
      setManaged({ t: 'hidden' });
      return;
    }
    setManaged({ t: 'loading' });
    try {
      setManaged({ t: 'shown', yaml: await ops.ManagedFields(context, target) });
    } catch (e) {
      setManaged({ t: 'error', message: errorMessage(e) });
    }
  };
  const open = managed.t === 'shown' || managed.t === 'error';
  return (
    <div className="yaml-tab">
      <div className="yaml-tools">
        <button type="button" className="btn small" onClick={() => void copy()}>
          {t('details.yaml.copy')}
        </button>
        <button
          type="button"
          className="btn small"
          aria-pressed={open}
          disabled={managed.t === 'loading'}
          onClick={() => void toggleManaged()}
        >
          {open ? t('details.yaml.hideManaged') : managed.t === 'loading' ? t('details.yaml.loadingManaged') : t('details.yaml.showManaged')}
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? t('details.yaml.copied') : copied === 'no' ? t('details.yaml.copyFailed') : ''}
        </span>
      </div>
      {/* A named region the keyboard can scroll: a scrollable region must be focusable (WCAG 2.1.1, axe
          scrollable-region-focusable), which no-noninteractive-tabindex does not know about. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre className="yaml mono" role="region" aria-label={t('details.yaml.label')} tabIndex={0}>
        {yaml}
      </pre>
      {managed.t === 'shown' && (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable, so focusable (as above)
        <pre className="yaml mono" role="region" aria-label={t('details.yaml.managed')} tabIndex={0}>
          {managed.yaml || t('details.yaml.noManaged')}
        </pre>
      )}
      {managed.t === 'error' && (
        <p className="form-error" role="alert">
          {t('details.yaml.managedError', { error: managed.message })}
        </p>
      )}
    </div>
  );
}
