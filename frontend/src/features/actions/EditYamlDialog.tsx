// Edit an object's YAML: syntax errors marked before sending, "Preview" (server
// dry run, diff of live vs result), "Save" (update against the resourceVersion
// the edit was made from). A conflict shows the live version beside the edit.
// The user's text is never lost: every failure keeps it.
import { useMemo, useState } from 'react';
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
  const initial = useMemo(() => withoutManagedFields(yaml), [yaml]);
  const [text, setText] = useState(initial);
  const [base, setBase] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ t: 'edit' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => lintYaml(text), [text]);
  const hidden = kind === 'Secret' || hasHiddenSecretValues(text);

  const failure = (r: OpResult): string => `${r.status ? `${r.status}: ` : ''}${r.error ?? 'failed'}`;

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
        setPhase({ t: 'conflict', live: withoutManagedFields(r.live), message: r.error ?? 'The object changed on the server.' });
      } else if (r.error) {
        setError(failure(r));
        setPhase({ t: 'edit' });
      } else {
        onSaved(`Saved ${kind} ${name}`);
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
    <Modal title={`Edit ${kind} ${name}`} onClose={onClose} size="wide" closeOnBackdrop={false}>
      {hidden && (
        <p className="modal-note" role="note">
          Secret values are hidden (shown as “&lt;hidden: N bytes&gt;”). Saving needs every value: reveal or replace them
          first, or the server refuses the update.
        </p>
      )}
      <div className="modal-body">
        {phase.t === 'conflict' ? (
          <>
            <p className="op-message warn" role="alert">
              Conflict: {kind} {name} was changed on the server after you started editing. {phase.message}
            </p>
            <div className="side-by-side">
              <section aria-label="Live version on the server">
                <h3>Live version (server)</h3>
                {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
                <pre tabIndex={0}>{phase.live}</pre>
              </section>
              <section aria-label="Your edit">
                <h3>Your edit</h3>
                <YamlEditor value={text} onChange={setText} label="Your edit (YAML)" />
              </section>
            </div>
            <DiffView before={phase.live} after={text} label="Differences between the live version and your edit" />
          </>
        ) : phase.t === 'preview' ? (
          <>
            <p className="action-status">Server dry run: what the object would become (nothing was changed).</p>
            <DiffView before={base} after={phase.result} label="Changes: live version vs dry-run result" />
          </>
        ) : (
          <YamlEditor value={text} onChange={setText} label={`YAML of ${kind} ${name}`} />
        )}
        {problems.length > 0 && phase.t !== 'preview' && (
          <ul className="problems" role="alert" aria-label="YAML problems">
            {problems.slice(0, 5).map((p) => (
              <li key={p.from}>{p.message}</li>
            ))}
            <li>Fix these before previewing or saving: nothing is sent while the YAML does not parse.</li>
          </ul>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          {phase.t === 'conflict' ? (
            <>
              <button type="button" className="btn" onClick={() => { setText(withResourceVersion(text, resourceVersionOf(phase.live))); setBase(phase.live); setPhase({ t: 'edit' }); }}>
                Keep editing on the latest version
              </button>
              <button type="button" className="btn primary" disabled={busy || problems.length > 0} onClick={() => void reapply()}>
                Re-apply my edit on the latest version
              </button>
            </>
          ) : phase.t === 'preview' ? (
            <>
              <button type="button" className="btn" onClick={() => setPhase({ t: 'edit' })}>
                Back to editing
              </button>
              <button type="button" className="btn primary" disabled={busy} onClick={() => void save(text)}>
                Save
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn" disabled={busy || problems.length > 0} onClick={() => void preview()}>
                Preview
              </button>
              <button type="button" className="btn primary" disabled={busy || problems.length > 0} onClick={() => void save(text)}>
                {busy ? 'Saving…' : 'Save'}
              </button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
