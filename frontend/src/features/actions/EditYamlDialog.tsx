// Edit an object's YAML: syntax errors marked before sending, "Preview" (server
// dry run, diff of live vs result), "Save" (update against the resourceVersion
// the edit was made from). A conflict shows the live version beside the edit.
// The user's text is never lost: every failure keeps it.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { ops, type OpResult } from '../../api/operations';
import { Modal } from '../common/Modal';
import { DiffView } from './DiffView';
import { YamlEditor } from './YamlEditor';
import { hasHiddenSecretValues, lintYaml, resourceVersionOf, withoutManagedFields, withResourceVersion } from './yamlTools';

export interface EditYamlDialogProps {
  context: string;
  kind: string;
  name: string;
  /** The object's YAML as the server has it now. */
  yaml: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}

type Phase =
  | { t: 'edit' }
  | { t: 'preview'; result: string }
  | { t: 'conflict'; live: string; message: string };

export function EditYamlDialog({ context, kind, name, yaml, onClose, onSaved }: EditYamlDialogProps) {
  const { t } = useTranslation();
  const initial = useMemo(() => withoutManagedFields(yaml), [yaml]);
  const [text, setText] = useState(initial);
  const [base, setBase] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ t: 'edit' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => lintYaml(text), [text]);
  const hidden = kind === 'Secret' || hasHiddenSecretValues(text);

  const failure = (r: OpResult): string => `${r.status ? `${r.status}: ` : ''}${r.error ?? t('actions.edit.failed')}`;

  const preview = async () => {
    if (problems.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await ops.Update(context, text, true);
      if (r.error) setError(failure(r));
      else setPhase({ t: 'preview', result: withoutManagedFields(r.yaml ?? '') });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async (yamlText: string) => {
    if (lintYaml(yamlText).length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await ops.Update(context, yamlText, false);
      if (r.status === 409 && r.live) {
        setPhase({ t: 'conflict', live: withoutManagedFields(r.live), message: r.error ?? t('actions.edit.changed') });
      } else if (r.error) {
        setError(failure(r));
        setPhase({ t: 'edit' });
      } else {
        onSaved(t('actions.edit.saved', { kind, name }));
        onClose();
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const reapply = async () => {
    if (phase.t !== 'conflict') return;
    const next = withResourceVersion(text, resourceVersionOf(phase.live));
    setText(next);
    setBase(phase.live);
    setPhase({ t: 'edit' });
    await save(next);
  };

  return (
    <Modal title={t('actions.edit.title', { kind, name })} onClose={onClose} size="wide" closeOnBackdrop={false}>
      {hidden && (
        <p className="modal-note" role="note">
          {t('actions.edit.secretNote')}
        </p>
      )}
      <div className="modal-body">
        {phase.t === 'conflict' ? (
          <>
            <p className="op-message warn" role="alert">
              {t('actions.edit.conflict', { kind, name, message: phase.message })}
            </p>
            <div className="side-by-side">
              <section aria-label={t('actions.edit.liveLabel')}>
                <h3>{t('actions.edit.liveHeading')}</h3>
                {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
                <pre tabIndex={0}>{phase.live}</pre>
              </section>
              <section aria-label={t('actions.edit.yours')}>
                <h3>{t('actions.edit.yours')}</h3>
                <YamlEditor value={text} onChange={setText} label={t('actions.edit.yoursEditor')} />
              </section>
            </div>
            <DiffView before={phase.live} after={text} label={t('actions.edit.conflictDiff')} />
          </>
        ) : phase.t === 'preview' ? (
          <>
            <p className="action-status">{t('actions.edit.dryRun')}</p>
            <DiffView before={base} after={phase.result} label={t('actions.edit.previewDiff')} />
          </>
        ) : (
          <YamlEditor value={text} onChange={setText} label={t('actions.edit.editor', { kind, name })} />
        )}
        {problems.length > 0 && phase.t !== 'preview' && (
          <ul className="problems" role="alert" aria-label={t('actions.edit.problems')}>
            {problems.slice(0, 5).map((p) => (
              <li key={p.from}>{p.message}</li>
            ))}
            <li>{t('actions.edit.fixFirst')}</li>
          </ul>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {phase.t === 'conflict' ? (
            <>
              <button type="button" className="btn" onClick={() => { setText(withResourceVersion(text, resourceVersionOf(phase.live))); setBase(phase.live); setPhase({ t: 'edit' }); }}>
                {t('actions.edit.keepEditing')}
              </button>
              <button type="button" className="btn primary" disabled={busy || problems.length > 0} onClick={() => void reapply()}>
                {t('actions.edit.reapply')}
              </button>
            </>
          ) : phase.t === 'preview' ? (
            <>
              <button type="button" className="btn" onClick={() => setPhase({ t: 'edit' })}>
                {t('actions.edit.back')}
              </button>
              <button type="button" className="btn primary" disabled={busy} onClick={() => void save(text)}>
                {t('actions.edit.save')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn" disabled={busy || problems.length > 0} onClick={() => void preview()}>
                {t('actions.edit.preview')}
              </button>
              <button type="button" className="btn primary" disabled={busy || problems.length > 0} onClick={() => void save(text)}>
                {busy ? t('actions.edit.saving') : t('actions.edit.save')}
              </button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
