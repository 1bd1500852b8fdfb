// The Share form: fill it in, Preview (server dry-run: the exact objects),
// then "Create and show token" for exactly the values previewed. Failures
// show the server's message here and keep everything typed.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessApi } from '../../api/access';
import { useAPIResources } from '../../api/queries';
import { errorMessage } from '../../api/errors';
import type { ShareCreated, SharePreview } from '../../api/types';
import { t as translate } from '../../i18n';
import { useAccess, useReadOnly } from '../actions/useAccess';
import { Modal } from '../common/Modal';
import { shareChecks } from './permissions';
import { gateState } from '../actions/access';
import { roleRef, ShareFields } from './ShareFields';
import { SharePreviewView } from './SharePreviewView';
import { addableRows, DEFAULT_DURATION, formProblem, requestKey, shareRequest, type ShareForm } from './shareForm';

export interface ShareDialogProps {
  context: string;
  namespace: string;
  namespaces: readonly string[];
  onClose: () => void;
  /** The share was made: hands on its token (shown once). */
  onCreated: (c: ShareCreated) => void;
}

export function initialForm(namespace: string): ShareForm {
  return { recipient: '', namespace, clusterWide: false, role: { type: 'builtin', name: 'view' }, custom: new Set(), extra: [], durationSeconds: DEFAULT_DURATION };
}

type Busy = 'preview' | 'create' | null;

export function ShareDialog({ context, namespace, namespaces, onClose, onCreated }: ShareDialogProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ShareForm>(() => initialForm(namespace));
  const [preview, setPreview] = useState<{ key: string; preview: SharePreview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const roles = useQuery({ queryKey: ['shareRoles', context, form.namespace], queryFn: () => accessApi.ShareRoles(context, form.namespace), retry: false });
  const rolesList = roles.data ?? null;
  const discovered = useAPIResources(context).data?.resources;
  const addable = useMemo(() => (discovered ? addableRows(discovered, form.extra, form.clusterWide) : null), [discovered, form.extra, form.clusterWide]);

  // "Existing role" chosen before the roles were in: take the first once they are.
  useEffect(() => {
    const first = rolesList?.find((r) => !(r.kind === 'ClusterRole' && ['view', 'edit', 'admin'].includes(r.name)));
    if (first) setForm((f) => (f.role.type === 'existing' && !f.role.ref ? { ...f, role: { type: 'existing', ref: roleRef(first) } } : f));
  }, [rolesList]);

  const request = useMemo(() => shareRequest(form), [form]);
  const key = requestKey(request);
  const problem = formProblem(form);
  const readOnly = useReadOnly(context);
  const checks = useMemo(() => shareChecks(form.namespace, form.clusterWide), [form.namespace, form.clusterWide]);
  const gate = gateState(checks, useAccess(context, checks).decisions, readOnly);
  const previewed = preview !== null && preview.key === key;
  const canCreate = previewed && gate.enabled && busy === null;

  const run = async (what: 'preview' | 'create') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview') setPreview({ key, preview: await accessApi.SharePreview(context, request) });
      // The preview's name: Create makes exactly the objects previewed.
      else if (preview) onCreated(await accessApi.ShareCreate(context, { ...request, name: preview.preview.name }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal title={t('access.share.title')} onClose={onClose} size="wide" closeOnBackdrop={false}>
      <form
        className="modal-body share-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem && busy === null) void run('preview');
        }}
      >
        <ShareFields form={form} namespaces={namespaces} roles={rolesList} rolesError={roles.isError ? errorMessage(roles.error) : null} addable={addable} onChange={(p) => setForm((f) => ({ ...f, ...p }))} />
        {!gate.enabled && (
          <p className="op-message bad" role="note">
            {t('access.share.notAllowed', { reason: gate.reason })}
          </p>
        )}
        {error && (
          <p className="op-message bad" role="alert">
            {error}
          </p>
        )}
        {preview && <SharePreviewView preview={preview.preview} stale={!previewed} />}
        <div className="modal-actions">
          {problem && <span className="action-status">{problemText(problem)}</span>}
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn" disabled={problem !== null || busy !== null}>
            {busy === 'preview' ? t('access.share.previewing') : t('access.share.preview')}
          </button>
          <button type="button" className="btn primary" disabled={!canCreate} title={previewed ? gate.reason : t('access.share.previewFirst')} onClick={() => void run('create')}>
            {busy === 'create' ? t('access.share.creating') : t('access.share.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function problemText(p: NonNullable<ReturnType<typeof formProblem>>): string {
  switch (p) {
    case 'recipient': return translate('access.share.invalid.recipient');
    case 'namespace': return translate('access.share.invalid.namespace');
    case 'role': return translate('access.share.invalid.role');
    case 'rules': return translate('access.share.invalid.rules');
  }
}
