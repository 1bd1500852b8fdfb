// The actions toolbar of one object (details header): each button's state from
// the user's own RBAC (SelfSubjectAccessReview) and the context's read-only
// switch. A forbidden action stays visible, disabled, with the missing
// permission named; activating it shows that reason. Debugging adds its own
// actions (features/debug), gated the same way and asked in the same call.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ops, type Ref } from '../../api/operations';
import type { GVR, KubeObject } from '../../api/types';
import { at } from '../details/summaries';
import { actionLabel, actionsFor, actionStates, allChecks, type ActionId, type ActionState, type ActionTarget } from './access';
import { ConfirmDialog, DeleteDialog, ScaleDialog } from './dialogs';
import { DrainDialog } from './DrainDialog';
import { RolloutDialog } from './RolloutDialog';
import { EditYamlDialog } from './editors';
import { useAccess, useReadOnly } from './useAccess';
import { useDebugActions } from '../debug/useDebugActions';
import '../common/features.css';

export interface ObjectActionsProps {
  context: string;
  gvr: GVR;
  kind: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
  object: KubeObject;
  /** The object's YAML as streamed (managedFields already removed). */
  yaml: string;
}

/** Actions other features put elsewhere (logs, terminal, port-forward tabs). */
const ELSEWHERE = new Set<ActionId>(['logs', 'exec', 'forward']);

export function ObjectActions({ context, gvr, kind, namespace, name, object, yaml }: ObjectActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const target = useMemo<ActionTarget>(() => ({ ...gvr, kind, namespace, name }), [gvr, kind, namespace, name]);
  const actions = useMemo(() => actionsFor(kind).filter((a) => !ELSEWHERE.has(a)), [kind]);
  const debug = useDebugActions({ context, kind, namespace, name, object });
  const checks = useMemo(() => [...allChecks(actions, target), ...debug.checks], [actions, target, debug.checks]);
  const { decisions, failed: accessFailed } = useAccess(context, checks);
  const readOnly = useReadOnly(context);
  const checked = actionStates(actions, target, decisions, readOnly);
  // Reading the rollout history needs nothing more than seeing the object; its undo buttons carry the patch state.
  const states = checked.rollback ? { ...checked, rollback: { enabled: true } } : checked;
  const extra = debug.actions(decisions, readOnly);
  const [open, setOpen] = useState<{ action: ActionId; yaml: string } | { extra: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  const ref: Ref = namespace ? { ...gvr, namespace, name } : { ...gvr, name };
  const suspended = at(object, 'spec', 'suspend') === true;
  const cordoned = at(object, 'spec', 'unschedulable') === true;
  const replicas = Number(at(object, 'spec', 'replicas') ?? 1) || 0;
  const label = (a: ActionId): string =>
    a === 'suspend' && suspended ? t('actions.label.resume') : a === 'cordon' && cordoned ? t('actions.label.uncordon') : actionLabel(a);
  // The toolbar in order: the kind's actions, the extra ones, Delete last.
  const items: { id: string; label: string; state: ActionState; danger: boolean; open: () => void }[] = [
    ...actions.filter((a) => a !== 'delete').map((a) => builtin(a)),
    ...extra.map((x) => ({ id: x.id, label: x.label, state: x.state, danger: false, open: () => setOpen({ extra: x.id }) })),
    ...(actions.includes('delete') ? [builtin('delete')] : []),
  ];
  function builtin(a: ActionId) {
    return { id: a, label: label(a), state: states[a] ?? { enabled: true }, danger: a === 'delete', open: () => setOpen({ action: a, yaml }) };
  }
  const disabled = items.flatMap((a): [string, string, string][] => (a.state.enabled ? [] : [[a.id, a.label, a.state.reason ?? t('actions.reason.forbidden')]]));
  const done = (text: string) => setMessage({ text, bad: false });
  const close = () => setOpen(null);

  const dialog = ((): ReactNode => {
    if (!open) return null;
    if ('extra' in open) return extra.find((x) => x.id === open.extra)?.dialog(close, done) ?? null;
    switch (open.action) {
      case 'edit':
        return <EditYamlDialog context={context} kind={kind} name={name} yaml={open.yaml} onClose={close} onSaved={done} />;
      case 'delete':
        return <DeleteDialog context={context} targets={[{ ...ref, kind }]} onClose={close} onDone={done} />;
      case 'scale':
        return <ScaleDialog context={context} target={ref} kind={kind} current={replicas} onClose={close} onDone={done} />;
      case 'restart':
        return (
          <ConfirmDialog
            title={t('actions.object.restartTitle', { kind, name })}
            text={t('actions.object.restartText', { kind, name })}
            confirm={t('actions.label.restart')}
            onClose={close}
            run={async () => {
              await ops.Restart(context, ref);
              done(t('actions.object.restarting', { kind, name }));
            }}
          />
        );
      case 'rollback': {
        const undo = checked.rollback;
        return (
          <RolloutDialog
            context={context}
            namespace={namespace}
            name={name}
            canUndo={!!undo?.enabled}
            {...(undo?.reason ? { undoReason: undo.reason } : {})}
            onClose={close}
            onDone={done}
          />
        );
      }
      case 'suspend':
        return (
          <ConfirmDialog
            title={suspended ? t('actions.object.resumeTitle', { name }) : t('actions.object.suspendTitle', { name })}
            text={suspended ? t('actions.object.resumeText', { name }) : t('actions.object.suspendText', { name })}
            confirm={suspended ? t('actions.label.resume') : t('actions.label.suspend')}
            onClose={close}
            run={async () => {
              await ops.SuspendCronJob(context, namespace, name, !suspended);
              done(suspended ? t('actions.object.resumed', { name }) : t('actions.object.suspended', { name }));
            }}
          />
        );
      case 'run':
        return (
          <ConfirmDialog
            title={t('actions.object.runTitle', { name })}
            text={t('actions.object.runText', { name })}
            confirm={t('actions.label.run')}
            onClose={close}
            run={async () => {
              const job = await ops.RunCronJob(context, namespace, name);
              done(t('actions.object.created', { job }));
            }}
          />
        );
      case 'cordon':
        return (
          <ConfirmDialog
            title={cordoned ? t('actions.object.uncordonTitle', { name }) : t('actions.object.cordonTitle', { name })}
            text={cordoned ? t('actions.object.uncordonText', { name }) : t('actions.object.cordonText', { name })}
            confirm={cordoned ? t('actions.label.uncordon') : t('actions.label.cordon')}
            onClose={close}
            run={async () => {
              await ops.Cordon(context, name, !cordoned);
              done(cordoned ? t('actions.object.uncordoned', { name }) : t('actions.object.cordoned', { name }));
            }}
          />
        );
      case 'drain':
        return <DrainDialog context={context} node={name} onClose={close} />;
      default:
        return null;
    }
  })();

  return (
    <div className="object-actions">
      <div className="action-bar" role="toolbar" aria-label={t('actions.object.toolbar')} aria-busy={checks.length > 0 && decisions === undefined && !accessFailed}>
        {items.map((a) => {
          const st = a.state;
          const reasonId = `${id}-${a.id}-why`;
          return (
            <span key={a.id} className="action-item">
              <button
                type="button"
                className={`btn small${a.danger ? ' danger' : ''}`}
                aria-disabled={st.enabled ? undefined : 'true'}
                aria-describedby={st.enabled ? undefined : reasonId}
                title={st.reason}
                onClick={() => {
                  if (!st.enabled) {
                    setMessage({ text: t('actions.notAllowed', { action: a.label, reason: st.reason ?? t('actions.reason.forbidden') }), bad: true });
                    return;
                  }
                  setMessage(null);
                  a.open();
                }}
              >
                {a.label}
              </button>
              {!st.enabled && (
                <span id={reasonId} className="sr-only">
                  {st.reason}
                </span>
              )}
            </span>
          );
        })}
      </div>
      {disabled.length > 0 && (
        <details className="action-why">
          <summary>{readOnly ? t('actions.object.readOnly') : t('actions.object.why', { count: disabled.length })}</summary>
          <ul aria-label={t('actions.object.disabledList')}>
            {disabled.map(([key, what, why]) => (
              <li key={key}>
                {what}: {why}
              </li>
            ))}
          </ul>
        </details>
      )}
      {message && (
        <p className={`op-message ${message.bad ? 'bad' : 'ok'}`} role={message.bad ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="link-button" aria-label={t('actions.dismissMessage')} onClick={() => setMessage(null)}>
            ✕
          </button>
        </p>
      )}
      {dialog}
    </div>
  );
}
