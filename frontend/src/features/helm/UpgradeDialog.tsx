// Upgrade a release with edited values and the chart it was installed from
// (`helm upgrade NAME CHART -f values.yaml`): the user-supplied values in the
// editor, "Preview (dry run)" renders on the server and shows the manifest's
// diff, "Upgrade" applies. Invalid YAML is reported before anything is sent,
// and no failure loses the text.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { helmApi } from '../../api/helm';
import type { HelmDetails, HelmRef, HelmResult } from '../../api/types';
import { DiffView } from '../actions/DiffView';
import { lintYaml } from '../actions/yamlTools';
import { Modal } from '../common/Modal';
import { chartLabel } from './helmList';
import { ValuesField } from './ValuesField';

export interface UpgradeDialogProps {
  context: string;
  helmRef: HelmRef;
  details: HelmDetails;
  onClose: () => void;
  onDone: (result: HelmResult) => void;
}

type Phase = { t: 'edit' } | { t: 'preview'; result: HelmResult };

export function UpgradeDialog({ context, helmRef, details, onClose, onDone }: UpgradeDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(details.values);
  const [phase, setPhase] = useState<Phase>({ t: 'edit' });
  const [busy, setBusy] = useState<'preview' | 'upgrade' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [defaults, setDefaults] = useState(false);
  const problems = useMemo(() => lintYaml(text), [text]);
  const r = details.release;

  const run = async (dryRun: boolean) => {
    // Syntax errors are shown under the editor; nothing goes to the server with them.
    if (lintYaml(text).length > 0) return;
    setBusy(dryRun ? 'preview' : 'upgrade');
    setError(null);
    try {
      const result = await helmApi.HelmUpgrade(context, helmRef, { values: text, dryRun });
      if (dryRun) {
        setPhase({ t: 'preview', result });
        setBusy(null);
      } else {
        // Done: Helm's word on it shows on the page, which follows the release live.
        onDone(result);
        onClose();
      }
    } catch (e) {
      setError(errorMessage(e));
      setPhase({ t: 'edit' });
      setBusy(null);
    }
  };

  return (
    <Modal title={t('helm.upgrade.title', { name: helmRef.name })} onClose={onClose} size="wide" closeOnBackdrop={false}>
      <div className="modal-body helm-dialog">
        {phase.t === 'preview' ? (
          <>
            <p className="action-status" role="status">
              {phase.result.message}
            </p>
            <DiffView before={details.manifest} after={phase.result.manifest} label={t('helm.upgrade.diff', { name: helmRef.name })} />
          </>
        ) : (
          <>
            <p className="muted">{t('helm.upgrade.what', { chart: chartLabel(r), revision: r.revision })}</p>
            <p className="modal-note" role="note">
              {details.hasSchema ? t('helm.values.schema') : t('helm.values.noSchema')}
            </p>
            <ValuesField value={text} onChange={setText} label={t('helm.upgrade.editor', { name: helmRef.name })} problems={problems} />
            <button type="button" className="link-button" aria-expanded={defaults} onClick={() => setDefaults(!defaults)}>
              {defaults ? t('helm.upgrade.hideDefaults') : t('helm.upgrade.showDefaults')}
            </button>
            {defaults && (
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1)
              <pre className="yaml mono helm-defaults" role="region" aria-label={t('helm.upgrade.defaults', { chart: r.chart })} tabIndex={0}>
                {details.chartValues}
              </pre>
            )}
          </>
        )}
        {busy && (
          <div className="helm-progress" role="status">
            <progress aria-label={busy === 'preview' ? t('helm.values.previewing') : t('helm.upgrade.running', { name: helmRef.name })} />
            <span>{busy === 'preview' ? t('helm.values.previewing') : t('helm.upgrade.running', { name: helmRef.name })}</span>
          </div>
        )}
        {error && (
          <div className="op-message bad" role="alert">
            <strong>{t('helm.upgrade.failed')}</strong> {error}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {phase.t === 'preview' && (
            <button type="button" className="btn" disabled={busy !== null} onClick={() => setPhase({ t: 'edit' })}>
              {t('helm.values.back')}
            </button>
          )}
          {phase.t === 'edit' && (
            <button type="button" className="btn" disabled={busy !== null || problems.length > 0} onClick={() => void run(true)}>
              {t('helm.values.preview')}
            </button>
          )}
          <button type="button" className="btn primary" disabled={busy !== null || problems.length > 0} onClick={() => void run(false)}>
            {t('helm.upgrade.confirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
