// A shell on a node: a privileged pod pinned to it (host PID, network, IPC)
// runs a login shell in the node's namespaces. The dialog says so, shows
// where it runs (the context's image and namespace, else the defaults) and
// can keep those for the context (SetNodeShell); the pod is deleted when
// the terminal closes.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { ops } from '../../api/operations';
import { clusterKeys } from '../../api/queries';
import type { ContextPreferences } from '../../api/types';
import { gateState } from '../actions/access';
import { useAccess, useReadOnly } from '../actions/useAccess';
import { Modal } from '../common/Modal';
import { nodeShellChecks } from './access';
import { DEFAULT_DEBUG_IMAGE } from './debugForm';
import { useTerminalStart } from './useTerminalStart';
import './debug.css';

/** Where node shells run unless the context says otherwise (app/debug's default). */
export const DEFAULT_NODE_SHELL_NAMESPACE = 'kube-system';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The namespace and image a node shell of this context uses. */
export function nodeShellPlace(prefs: ContextPreferences | undefined): { image: string; namespace: string } {
  return { image: prefs?.nodeShellImage || DEFAULT_DEBUG_IMAGE, namespace: prefs?.nodeShellNamespace || DEFAULT_NODE_SHELL_NAMESPACE };
}

export interface NodeShellDialogProps {
  context: string;
  node: string;
  prefs: ContextPreferences | undefined;
  onClose: () => void;
  onStarted: (message: string) => void;
}

export function NodeShellDialog({ context, node, prefs, onClose, onStarted }: NodeShellDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [image, setImage] = useState(prefs?.nodeShellImage ?? '');
  const [namespace, setNamespace] = useState(prefs?.nodeShellNamespace ?? '');
  const [remember, setRemember] = useState(false);
  const { busy, error, setError, start } = useTerminalStart(context);
  const place = { image: image.trim() || DEFAULT_DEBUG_IMAGE, namespace: namespace.trim() || DEFAULT_NODE_SHELL_NAMESPACE };
  const badNamespace = !DNS_LABEL.test(place.namespace);
  const badImage = /\s/.test(image.trim());
  const checks = useMemo(() => (badNamespace ? [] : nodeShellChecks(place.namespace)), [badNamespace, place.namespace]);
  const gate = gateState(checks, useAccess(context, checks).decisions, useReadOnly(context));
  const changed = image.trim() !== (prefs?.nodeShellImage ?? '') || namespace.trim() !== (prefs?.nodeShellNamespace ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || badNamespace || badImage || !gate.enabled) return;
    if (remember && changed) {
      try {
        client.setQueryData(clusterKeys.preferences, await ops.SetNodeShell(context, image.trim(), namespace.trim()));
      } catch (err) {
        setError(t('debug.nodeShell.saveFailed', { error: errorMessage(err) }));
        return;
      }
    }
    const s = await start({ kind: 'node-shell', request: { node, image: place.image, namespace: place.namespace } });
    if (!s) return;
    onStarted(t('debug.nodeShell.started', { node, pod: s.debug ? `${s.debug.namespace}/${s.debug.pod}` : place.namespace }));
    onClose();
  };

  return (
    <Modal title={t('debug.nodeShell.title', { node })} onClose={onClose} describedBy={`${id}-what`}>
      <form className="modal-body debug-form" onSubmit={(e) => void submit(e)} noValidate>
        <p id={`${id}-what`} className="debug-creates warn">
          {t('debug.nodeShell.what', { node, namespace: place.namespace, image: place.image })}
        </p>
        <div className="debug-row">
          <label className="debug-field">
            <span>{t('debug.nodeShell.image')}</span>
            <input type="text" value={image} placeholder={DEFAULT_DEBUG_IMAGE} disabled={busy} spellCheck={false} autoComplete="off" aria-invalid={badImage} onChange={(e) => setImage(e.target.value)} />
          </label>
          <label className="debug-field">
            <span>{t('debug.nodeShell.namespace')}</span>
            <input type="text" value={namespace} placeholder={DEFAULT_NODE_SHELL_NAMESPACE} disabled={busy} spellCheck={false} autoComplete="off" aria-invalid={badNamespace} onChange={(e) => setNamespace(e.target.value)} />
          </label>
        </div>
        <p className="hint">{t('debug.nodeShell.defaults', { image: DEFAULT_DEBUG_IMAGE, namespace: DEFAULT_NODE_SHELL_NAMESPACE })}</p>
        <label className="debug-check">
          <input type="checkbox" checked={remember} disabled={busy || !changed} onChange={(e) => setRemember(e.target.checked)} />
          <span>{t('debug.nodeShell.remember', { context })}</span>
        </label>
        {!gate.enabled && (
          <p className="op-message bad" role="note">
            {t('actions.notAllowed', { action: t('debug.label.nodeShell'), reason: gate.reason ?? t('actions.reason.forbidden') })}
          </p>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          {badNamespace && <span className="action-status">{t('debug.invalid.namespace')}</span>}
          {badImage && <span className="action-status">{t('debug.invalid.imageSpaces')}</span>}
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" data-autofocus disabled={busy || badNamespace || badImage || !gate.enabled}>
            {busy ? t('debug.nodeShell.starting') : t('debug.nodeShell.start')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
