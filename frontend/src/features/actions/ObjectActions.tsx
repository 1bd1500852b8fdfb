// The actions toolbar of one object (details header): each button's state from
// the user's own RBAC (SelfSubjectAccessReview) and the context's read-only
// switch. A forbidden action stays visible, disabled, with the missing
// permission named; activating it shows that reason.
import { useId, useMemo, useState } from 'react';
import { ops, type Ref } from '../../api/operations';
import type { GVR, KubeObject } from '../../api/types';
import { at } from '../details/summaries';
import { ACTION_LABELS, actionsFor, actionStates, allChecks, type ActionId, type ActionTarget } from './access';
import { ConfirmDialog, DeleteDialog, ScaleDialog } from './dialogs';
import { DrainDialog } from './DrainDialog';
import { RolloutDialog } from './RolloutDialog';
import { EditYamlDialog } from './editors';
import { useAccess, useReadOnly } from './useAccess';
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
  const id = useId();
  const target = useMemo<ActionTarget>(() => ({ ...gvr, kind, namespace, name }), [gvr, kind, namespace, name]);
  const actions = useMemo(() => actionsFor(kind).filter((a) => !ELSEWHERE.has(a)), [kind]);
  const checks = useMemo(() => allChecks(actions, target), [actions, target]);
  const { decisions, failed: accessFailed } = useAccess(context, checks);
  const readOnly = useReadOnly(context);
  const checked = actionStates(actions, target, decisions, readOnly);
  // Reading the rollout history needs nothing more than seeing the object; its undo buttons carry the patch state.
  const states = checked.rollback ? { ...checked, rollback: { enabled: true } } : checked;
  const [open, setOpen] = useState<{ action: ActionId; yaml: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  const ref: Ref = namespace ? { ...gvr, namespace, name } : { ...gvr, name };
  const suspended = at(object, 'spec', 'suspend') === true;
  const cordoned = at(object, 'spec', 'unschedulable') === true;
  const replicas = Number(at(object, 'spec', 'replicas') ?? 1) || 0;
  const label = (a: ActionId): string =>
    a === 'suspend' ? (suspended ? 'Resume' : 'Suspend') : a === 'cordon' ? (cordoned ? 'Uncordon' : 'Cordon') : ACTION_LABELS[a];
  const disabled = actions.flatMap((a): [ActionId, string][] => {
    const st = states[a];
    return st && !st.enabled ? [[a, st.reason ?? 'forbidden']] : [];
  });
  const done = (text: string) => setMessage({ text, bad: false });
  const close = () => setOpen(null);

  const dialog = (() => {
    if (!open) return null;
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
            title={`Restart ${kind} ${name}?`}
            text={`Every pod of ${kind} ${name} is replaced, one by one, following its update strategy (like kubectl rollout restart).`}
            confirm="Restart"
            onClose={close}
            run={async () => {
              await ops.Restart(context, ref);
              done(`Restarting ${kind} ${name}`);
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
            title={`${suspended ? 'Resume' : 'Suspend'} CronJob ${name}?`}
            text={suspended ? `CronJob ${name} starts Jobs on its schedule again.` : `CronJob ${name} starts no new Jobs until resumed; running Jobs go on.`}
            confirm={suspended ? 'Resume' : 'Suspend'}
            onClose={close}
            run={async () => {
              await ops.SuspendCronJob(context, namespace, name, !suspended);
              done(`${suspended ? 'Resumed' : 'Suspended'} CronJob ${name}`);
            }}
          />
        );
      case 'run':
        return (
          <ConfirmDialog
            title={`Run CronJob ${name} now?`}
            text={`A Job is created from the template of CronJob ${name} (like kubectl create job --from=cronjob/${name}).`}
            confirm="Run now"
            onClose={close}
            run={async () => {
              const job = await ops.RunCronJob(context, namespace, name);
              done(`Created Job ${job}`);
            }}
          />
        );
      case 'cordon':
        return (
          <ConfirmDialog
            title={`${cordoned ? 'Uncordon' : 'Cordon'} node ${name}?`}
            text={cordoned ? `New pods can be scheduled on ${name} again.` : `No new pods are scheduled on ${name}; its running pods stay.`}
            confirm={cordoned ? 'Uncordon' : 'Cordon'}
            onClose={close}
            run={async () => {
              await ops.Cordon(context, name, !cordoned);
              done(`${cordoned ? 'Uncordoned' : 'Cordoned'} node ${name}`);
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
      <div className="action-bar" role="toolbar" aria-label="Actions" aria-busy={checks.length > 0 && decisions === undefined && !accessFailed}>
        {actions.map((a) => {
          const st = states[a] ?? { enabled: true };
          const reasonId = `${id}-${a}-why`;
          return (
            <span key={a} className="action-item">
              <button
                type="button"
                className={`btn small${a === 'delete' ? ' danger' : ''}`}
                aria-disabled={st.enabled ? undefined : 'true'}
                aria-describedby={st.enabled ? undefined : reasonId}
                title={st.reason}
                onClick={() => {
                  if (!st.enabled) {
                    setMessage({ text: `${label(a)} is not allowed — ${st.reason ?? 'forbidden'}`, bad: true });
                    return;
                  }
                  setMessage(null);
                  setOpen({ action: a, yaml });
                }}
              >
                {label(a)}
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
          <summary>{readOnly ? 'Read-only context: changes are off' : `Why ${disabled.length === 1 ? 'is one action' : `are ${disabled.length} actions`} disabled?`}</summary>
          <ul aria-label="Disabled actions">
            {disabled.map(([a, why]) => (
              <li key={a}>
                {label(a)}: {why}
              </li>
            ))}
          </ul>
        </details>
      )}
      {message && (
        <p className={`op-message ${message.bad ? 'bad' : 'ok'}`} role={message.bad ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => setMessage(null)}>
            ✕
          </button>
        </p>
      )}
      {dialog}
    </div>
  );
}
