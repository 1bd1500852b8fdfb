// Debug a pod: an ephemeral debug container in it (kubectl debug -it POD
// --image --target), or a copy of it (--copy-to). The dialog says what
// Start creates and what stays behind; Start opens the terminal in the dock
// and the dialog waits for it to start, so a refusal shows here with the
// form as typed.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clusterKeys } from '../../api/queries';
import { t as translate } from '../../i18n';
import { Modal } from '../common/Modal';
import type { DebugGates } from './access';
import { DEFAULT_DEBUG_IMAGE, debugCreates, debugProblem, debugRequest, imageChoices, initialDebugForm, needsImage, problemText, type DebugForm, type DebugMode } from './debugForm';
import type { ContainerInfo } from './pod';
import { useTerminalStart } from './useTerminalStart';
import './debug.css';

export interface DebugDialogProps {
  context: string;
  namespace: string;
  pod: string;
  containers: readonly ContainerInfo[];
  gates: DebugGates;
  /** Preferences().debugImages, latest first. */
  debugImages: readonly string[] | undefined;
  onClose: () => void;
  /** Started: what was made, for the details page to say. */
  onStarted: (message: string) => void;
}

const MODES: readonly DebugMode[] = ['ephemeral', 'copy'];
const modeLabel = (m: DebugMode): string => (m === 'ephemeral' ? translate('debug.dialog.ephemeral') : translate('debug.dialog.copy'));

/** The refusals a copy avoids: no ephemeral containers on this cluster, or no right to add them. */
const COPY_HELPS = /ephemeral ?containers/i;

export function DebugDialog({ context, namespace, pod, containers, gates, debugImages, onClose, onStarted }: DebugDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [form, setForm] = useState<DebugForm>(() => initialDebugForm(gates.ephemeral.enabled || !gates.copy.enabled ? 'ephemeral' : 'copy', gates.deleteCopy.enabled));
  const { busy, error, setError, start: startTerminal } = useTerminalStart(context);
  const set = (p: Partial<DebugForm>) => setForm((f) => ({ ...f, ...p }));
  const appContainers = containers.filter((c) => !c.ephemeral);
  const modeGate = form.mode === 'ephemeral' ? gates.ephemeral : gates.copy;
  const problem = debugProblem(form);
  const targetImage = appContainers.find((c) => c.name === form.target)?.image ?? '';
  const offerCopy = error !== null && form.mode === 'ephemeral' && COPY_HELPS.test(error) && gates.copy.enabled;

  const chooseMode = (mode: DebugMode) => {
    setError(null);
    // A target means something else in each mode: start again from none.
    set({ mode, target: '' });
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || busy || !modeGate.enabled) return;
    const s = await startTerminal({ kind: 'debug', request: debugRequest(namespace, pod, form) });
    void client.invalidateQueries({ queryKey: clusterKeys.preferences }); // a started image is remembered
    if (!s) return;
    const made = s.debug;
    onStarted(
      made?.kind === 'copy'
        ? t('debug.started.copy', { pod: `${made.namespace}/${made.pod}`, container: made.container })
        : t('debug.started.ephemeral', { pod, container: made?.container ?? '' }),
    );
    onClose();
  };

  const modeRadio = (mode: DebugMode) => {
    const gate = mode === 'ephemeral' ? gates.ephemeral : gates.copy;
    return (
      <label key={mode} className="debug-choice">
        <input
          type="radio"
          name={`${id}-mode`}
          value={mode}
          checked={form.mode === mode}
          disabled={busy}
          aria-describedby={gate.enabled ? undefined : `${id}-${mode}-why`}
          onChange={() => chooseMode(mode)}
        />
        <span>
          {modeLabel(mode)}
          {!gate.enabled && (
            <span id={`${id}-${mode}-why`} className="debug-why">
              {gate.reason}
            </span>
          )}
        </span>
      </label>
    );
  };

  return (
    <Modal title={t('debug.dialog.title', { pod })} onClose={onClose} closeOnBackdrop={false} describedBy={`${id}-creates`}>
      <form className="modal-body debug-form" onSubmit={(e) => void start(e)} noValidate>
        <fieldset className="debug-fieldset">
          <legend>{t('debug.dialog.mode')}</legend>
          {MODES.map(modeRadio)}
        </fieldset>
        <label className="debug-field">
          <span>{needsImage(form) ? t('debug.dialog.image') : t('debug.dialog.imageOptional')}</span>
          <input
            type="text"
            list={`${id}-images`}
            value={form.image}
            disabled={busy}
            spellCheck={false}
            autoComplete="off"
            placeholder={needsImage(form) ? undefined : targetImage}
            aria-invalid={problem === 'image' || problem === 'imageSpaces'}
            onChange={(e) => set({ image: e.target.value })}
          />
          <datalist id={`${id}-images`}>
            {imageChoices(debugImages).map((i) => (
              <option key={i} value={i} />
            ))}
          </datalist>
        </label>
        {form.mode === 'ephemeral' ? (
          <div className="debug-field">
            <label htmlFor={`${id}-target`}>{t('debug.dialog.target')}</label>
            <select id={`${id}-target`} aria-describedby={`${id}-target-hint`} value={form.target} disabled={busy} onChange={(e) => set({ target: e.target.value })}>
              <option value="">{t('debug.dialog.noTarget')}</option>
              {appContainers.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            <span id={`${id}-target-hint`} className="hint">
              {t('debug.dialog.targetHint')}
            </span>
          </div>
        ) : (
          <>
            <label className="debug-field">
              <span>{t('debug.dialog.inCopy')}</span>
              <select value={form.target} disabled={busy} onChange={(e) => set({ target: e.target.value, image: e.target.value ? '' : form.image || DEFAULT_DEBUG_IMAGE })}>
                <option value="">{t('debug.dialog.addContainer')}</option>
                {appContainers.map((c) => (
                  <option key={c.name} value={c.name}>
                    {t('debug.dialog.changeContainer', { container: c.name })}
                  </option>
                ))}
              </select>
            </label>
            <div className="debug-field">
              <label htmlFor={`${id}-command`}>{t('debug.dialog.command')}</label>
              <input
                id={`${id}-command`}
                aria-describedby={`${id}-command-hint`}
                type="text"
                value={form.command}
                disabled={busy}
                spellCheck={false}
                autoComplete="off"
                placeholder={t('debug.dialog.commandExample')}
                aria-invalid={problem === 'command'}
                onChange={(e) => set({ command: e.target.value })}
              />
              <span id={`${id}-command-hint`} className="hint">
                {form.target ? t('debug.dialog.commandHintChange') : t('debug.dialog.commandHintAdd')}
              </span>
            </div>
            <label className="debug-check">
              <input
                type="checkbox"
                checked={form.deleteCopy}
                disabled={busy || !gates.deleteCopy.enabled}
                aria-describedby={gates.deleteCopy.enabled ? undefined : `${id}-delete-why`}
                onChange={(e) => set({ deleteCopy: e.target.checked })}
              />
              <span>
                {t('debug.dialog.deleteCopy')}
                {!gates.deleteCopy.enabled && (
                  <span id={`${id}-delete-why`} className="debug-why">
                    {gates.deleteCopy.reason}
                  </span>
                )}
              </span>
            </label>
          </>
        )}
        <p id={`${id}-creates`} className={`debug-creates${form.mode === 'copy' && !form.deleteCopy ? ' warn' : ''}`}>
          {debugCreates(namespace, pod, form, targetImage)}
        </p>
        {!modeGate.enabled && (
          <p className="op-message bad" role="note">
            {t('actions.notAllowed', { action: modeLabel(form.mode), reason: modeGate.reason ?? t('actions.reason.forbidden') })}
          </p>
        )}
        {error && (
          <div className="op-message bad" role="alert">
            {error}
            {offerCopy && (
              <button type="button" className="btn small debug-instead" onClick={() => chooseMode('copy')}>
                {t('debug.dialog.copyInstead')}
              </button>
            )}
          </div>
        )}
        <div className="modal-actions">
          {problem && <span className="action-status">{problemText(problem)}</span>}
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy || problem !== null || !modeGate.enabled}>
            {busy ? t('debug.dialog.starting') : t('debug.dialog.start')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
