// The list toolbar's actions: "Create" (from YAML) and "Delete" for the rows
// selected in the table, each in the state the user's RBAC and the context's
// read-only switch give it.
import { QueryClientContext } from '@tanstack/react-query';
import { useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessCheck } from '../../api/operations';
import type { GVR, Row } from '../../api/types';
import { needsReason, readOnlyReason, type ActionState } from './access';
import { CreateDialog } from './editors';
import { DeleteDialog, type DeleteTarget } from './dialogs';
import { useAccess, useReadOnly } from './useAccess';
import '../common/features.css';

export interface ListActionsProps {
  context: string;
  gvr: GVR;
  kind: string;
  /** The list's namespace ("" = all): the default for created objects. */
  namespace: string;
  /** The selected rows (still in the list). */
  selected: readonly Row[];
  /** Whether the table shows its selection checkboxes. */
  selecting: boolean;
  onSelecting: (on: boolean) => void;
  onClearSelection: () => void;
}

/** One delete check per namespace of the selection (a collection check: no name). */
export function deleteChecks(gvr: GVR, rows: readonly Row[]): AccessCheck[] {
  const seen = new Map<string, AccessCheck>();
  for (const r of rows) {
    const c: AccessCheck = { verb: 'delete', group: gvr.group, resource: gvr.resource };
    if (r.namespace) c.namespace = r.namespace;
    seen.set(r.namespace ?? '', c);
  }
  return [...seen.values()];
}

/** The actions need the app's query client (access answers, preferences); a bare table has none. */
export function ListActions(props: ListActionsProps) {
  return useContext(QueryClientContext) ? <ListActionsBar {...props} /> : null;
}

function ListActionsBar({ context, gvr, kind, namespace, selected, selecting, onSelecting, onClearSelection }: ListActionsProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly(context);
  const checks = useMemo(() => deleteChecks(gvr, selected), [gvr, selected]);
  const { decisions } = useAccess(context, checks);
  const [open, setOpen] = useState<'create' | 'delete' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const denied = decisions?.find((d) => !d.allowed);
  const del: ActionState = readOnly
    ? { enabled: false, reason: readOnlyReason() }
    : denied
      ? { enabled: false, reason: denied.reason || needsReason(denied) }
      : { enabled: true };
  const create: ActionState = readOnly ? { enabled: false, reason: readOnlyReason() } : { enabled: true };
  const targets: DeleteTarget[] = selected.map((r) =>
    r.namespace ? { ...gvr, kind, namespace: r.namespace, name: r.name } : { ...gvr, kind, name: r.name },
  );

  return (
    <>
      <button
        type="button"
        className="btn small toggle"
        aria-pressed={selecting}
        title={t('actions.list.selectHelp')}
        onClick={() => onSelecting(!selecting)}
      >
        {t('actions.list.select')}
      </button>
      {selected.length > 0 && (
        <>
          <span className="selection-count">{t('actions.list.selected', { count: selected.length })}</span>
          <button type="button" className="btn small" onClick={onClearSelection}>
            {t('actions.list.clear')}
          </button>
          <button
            type="button"
            className="btn small danger"
            aria-disabled={del.enabled ? undefined : 'true'}
            title={del.reason}
            onClick={() => (del.enabled ? setOpen('delete') : setMessage(t('actions.notAllowed', { action: t('actions.label.delete'), reason: del.reason ?? t('actions.reason.forbidden') })))}
          >
            {t('actions.deleteCount', { count: selected.length })}
            {!del.enabled && <span className="sr-only">{t('actions.disabledBecause', { reason: del.reason })}</span>}
          </button>
        </>
      )}
      <button
        type="button"
        className="btn small"
        aria-disabled={create.enabled ? undefined : 'true'}
        title={create.reason ?? t('actions.list.createHelp')}
        onClick={() => (create.enabled ? setOpen('create') : setMessage(t('actions.notAllowed', { action: t('actions.list.create'), reason: create.reason ?? t('actions.reason.forbidden') })))}
      >
        {t('actions.list.create')}
        {!create.enabled && <span className="sr-only">{t('actions.disabledBecause', { reason: create.reason })}</span>}
      </button>
      {message && (
        <span className="op-message bad inline" role="alert">
          {message}
          <button type="button" className="link-button" aria-label={t('actions.dismissMessage')} onClick={() => setMessage(null)}>
            ✕
          </button>
        </span>
      )}
      {open === 'create' && (
        <CreateDialog context={context} namespace={namespace.includes(',') ? '' : namespace} onClose={() => setOpen(null)} onDone={() => undefined} />
      )}
      {open === 'delete' && (
        <DeleteDialog
          context={context}
          targets={targets}
          onClose={() => setOpen(null)}
          onDone={() => {
            onClearSelection();
          }}
        />
      )}
    </>
  );
}
