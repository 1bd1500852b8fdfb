// The highlighted row's shortcuts in a list: l logs, s shell, e edit YAML,
// y YAML, Ctrl+D delete (through the delete confirmation). Each only where
// it applies, and disabled (saying why) where the access checks or the
// read-only switch say no.
import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState } from 'react';
import type { GVR, Row } from '../../api/types';
import { allChecks, type ActionTarget } from '../actions/access';
import { DeleteDialog } from '../actions/dialogs';
import { EditYamlDialog } from '../actions/editors';
import { useAccess, useReadOnly } from '../actions/useAccess';
import { useObjectStream } from '../details/useObjectStream';
import { detailsRoute, navigate } from '../../router';
import type { KeyBinding } from './keymap';
import { announce } from './notice';
import { checkedActions, rowActionsFor, rowActionStates, type RowAction } from './rowActions';
import { useKeyBindings } from './useKeyBindings';

export interface RowShortcutsProps {
  context: string;
  gvr: GVR;
  kind: string;
  namespaced: boolean;
  row: Row | null;
  enabled: boolean;
}

const KEYS: Record<RowAction, string> = { logs: 'l', exec: 's', edit: 'e', yaml: 'y', delete: 'Ctrl+D' };

/** The row settles for a moment before its access is asked (arrowing through 100 rows asks once). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function RowShortcuts({ context, gvr, kind, namespaced, row, enabled }: RowShortcutsProps) {
  const { t } = useTranslation();
  const actions = useMemo(() => rowActionsFor(kind), [kind]);
  const targetOf = (r: Row | null): ActionTarget | null =>
    r ? { ...gvr, kind, namespace: namespaced ? (r.namespace ?? '') : '', name: r.name } : null;
  const settledKey = useSettled(row?.key ?? null, 250);
  const settled = settledKey !== null && row?.key === settledKey ? row : null;
  const checks = useMemo(() => {
    const t = settled ? { ...gvr, kind, namespace: namespaced ? (settled.namespace ?? '') : '', name: settled.name } : null;
    return t ? allChecks(checkedActions(actions), t) : [];
  }, [settled, gvr, kind, namespaced, actions]);
  const { decisions } = useAccess(context, checks);
  const readOnly = useReadOnly(context);
  const target = targetOf(row);
  // Decisions belong to the settled row; a row just arrived at waits (enabled: the server decides).
  const states = rowActionStates(actions, target, settled ? decisions : undefined, readOnly);
  const [open, setOpen] = useState<{ action: 'edit' | 'delete'; target: ActionTarget } | null>(null);

  const run = (a: RowAction) => {
    if (!target) return;
    const details = (tab: string) => navigate(detailsRoute(context, gvr, target.namespace, target.name, tab));
    if (a === 'logs') details('logs');
    else if (a === 'exec') details('terminal');
    else if (a === 'yaml') details('yaml');
    else setOpen({ action: a, target });
  };

  const bindings: KeyBinding[] = actions.map((a) => ({
    id: `row.${a}`,
    keys: [KEYS[a]],
    label: t(`keyboard.row.${a}`),
    group: 'Row',
    run: () => run(a),
    disabled: states[a].enabled ? undefined : states[a].reason,
  }));
  useKeyBindings(bindings, enabled);

  if (!open) return null;
  const { namespace, name } = open.target;
  if (open.action === 'delete') {
    const ref = namespace ? { ...gvr, kind, namespace, name } : { ...gvr, kind, name };
    return <DeleteDialog context={context} targets={[ref]} onClose={() => setOpen(null)} onDone={(m) => announce(m)} />;
  }
  return <RowEdit context={context} target={open.target} onClose={() => setOpen(null)} />;
}

/** Edit YAML from the list: the object as the server has it now, then the editor. */
function RowEdit({ context, target, onClose }: { context: string; target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { group, version, resource, namespace, name, kind } = target;
  const q = useMemo(() => ({ context, group, version, resource, namespace, name }), [context, group, version, resource, namespace, name]);
  const s = useObjectStream(q);
  // The editor starts from the first YAML seen; later changes show up as a conflict on save.
  const [yaml, setYaml] = useState<string | null>(null);
  if (yaml === null && s.yaml) setYaml(s.yaml);
  useEffect(() => {
    if (s.error && !s.object) {
      announce(t('keyboard.row.loadFailed', { kind, name, message: s.error.message }), 'bad');
      onClose();
    }
  }, [s.error, s.object, kind, name, onClose, t]);
  if (yaml === null) {
    return (
      <p className="sr-only" role="status">
        {t('keyboard.row.loading', { kind, name })}
      </p>
    );
  }
  return <EditYamlDialog context={context} kind={kind} name={name} yaml={yaml} onClose={onClose} onSaved={(m) => announce(m)} />;
}
