// Which actions an object offers, the access check behind each, and the state
// (enabled, or disabled with a reason) from the server's answers.
import type { ReactNode } from 'react';
import type { AccessCheck, AccessDecision } from '../../api/operations';
import type { GVR } from '../../api/types';
import { t } from '../../i18n';

export type ActionId =
  | 'edit'
  | 'delete'
  | 'scale'
  | 'restart'
  | 'rollback'
  | 'suspend'
  | 'run'
  | 'cordon'
  | 'drain'
  | 'logs'
  | 'exec'
  | 'forward';

export interface ActionTarget extends GVR {
  kind: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
}

export interface ActionState {
  enabled: boolean;
  /** Why it is disabled ("needs: delete pods in team-a", "Read-only context"). */
  reason?: string;
}

/**
 * An action another feature adds to an object's toolbar (debugging, say):
 * gated like the built-in ones, opening its own dialog.
 */
export interface ExtraAction {
  id: string;
  label: string;
  state: ActionState;
  /** The dialog it opens; done shows a message under the toolbar. */
  dialog: (close: () => void, done: (message: string) => void) => ReactNode;
}

/** Extra actions for one object: the checks to ask with the toolbar's own, and the actions from the answers. */
export interface ExtraActions {
  checks: readonly AccessCheck[];
  actions: (decisions: readonly AccessDecision[] | undefined, readOnly: boolean) => ExtraAction[];
}

/** Actions that change something: disabled on read-only contexts. */
export const WRITE_ACTIONS: ReadonlySet<ActionId> = new Set<ActionId>([
  'edit',
  'delete',
  'scale',
  'restart',
  'rollback',
  'suspend',
  'run',
  'cordon',
  'drain',
]);

/** The reason a write action is off on a read-only context, in the current language. */
export const readOnlyReason = (): string => t('actions.reason.readOnly');

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);
const RESTARTABLE = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The actions an object of this kind offers, in menu order. */
export function actionsFor(kind: string): ActionId[] {
  const out: ActionId[] = ['edit'];
  if (SCALABLE.has(kind)) out.push('scale');
  if (RESTARTABLE.has(kind)) out.push('restart');
  if (kind === 'Deployment') out.push('rollback');
  if (kind === 'CronJob') out.push('suspend', 'run');
  if (kind === 'Node') out.push('cordon', 'drain');
  if (kind === 'Pod') out.push('forward');
  if (kind === 'Service') out.push('forward');
  out.push('delete');
  return out;
}

/** The access checks one action needs (all must be allowed). */
export function checksFor(action: ActionId, t: ActionTarget): AccessCheck[] {
  const ns = t.namespace || undefined;
  const on = (verb: string, extra: Partial<AccessCheck> = {}): AccessCheck => {
    const c: AccessCheck = { verb, group: t.group, resource: t.resource, name: t.name, ...extra };
    if (ns) c.namespace = ns;
    return c;
  };
  const pods = (verb: string, subresource?: string): AccessCheck => {
    const c: AccessCheck = { verb, group: '', resource: 'pods' };
    if (subresource) c.subresource = subresource;
    if (ns) c.namespace = ns;
    if (t.kind === 'Pod') c.name = t.name;
    return c;
  };
  switch (action) {
    case 'edit':
      return [on('update')];
    case 'delete':
      return [on('delete')];
    case 'scale':
      return [on('patch', { subresource: 'scale' })];
    case 'restart':
    case 'rollback':
    case 'suspend':
    case 'cordon':
      return [on('patch')];
    case 'run': {
      const c: AccessCheck = { verb: 'create', group: 'batch', resource: 'jobs' };
      if (ns) c.namespace = ns;
      return [c];
    }
    case 'drain': {
      const ev: AccessCheck = { verb: 'create', group: '', resource: 'pods', subresource: 'eviction' };
      return [on('patch'), ev];
    }
    case 'logs':
      return [pods('get', 'log')];
    case 'exec':
      return [pods('create', 'exec')];
    case 'forward':
      return [pods('create', 'portforward')];
  }
}

/** A stable key for one check (to match the server's answers to questions). */
export function checkKey(c: AccessCheck): string {
  return [c.verb, c.group, c.resource, c.subresource ?? '', c.namespace ?? '', c.name ?? ''].join('|');
}

/**
 * Maps the server's decisions onto actions. Missing decisions (not answered
 * yet, or the check failed) leave an action enabled: the server still decides
 * and a 403 gives a clear message.
 */
export function actionStates(
  actions: readonly ActionId[],
  target: ActionTarget,
  decisions: readonly AccessDecision[] | undefined,
  readOnly: boolean,
): Record<string, ActionState> {
  const out: Record<string, ActionState> = {};
  for (const a of actions) out[a] = gateState(checksFor(a, target), decisions, readOnly && WRITE_ACTIONS.has(a));
  return out;
}

/** "delete pods in team-a", the way the server phrases its reasons. */
export function describeCheck(c: AccessCheck): string {
  const res = c.subresource ? `${c.resource}/${c.subresource}` : c.resource;
  const group = c.group ? `.${c.group}` : '';
  const resource = `${res}${group}`;
  return c.namespace ? t('actions.reason.checkIn', { verb: c.verb, resource, namespace: c.namespace }) : t('actions.reason.check', { verb: c.verb, resource });
}

/** "needs: delete pods in team-a": why a check the server denied (without a reason of its own) disables an action. */
export function needsReason(c: AccessCheck): string {
  return t('actions.reason.needs', { check: describeCheck(c) });
}

/**
 * Enabled unless the context is read-only or the server denied one of the
 * checks (its reason, else "needs: …"). Checks not answered (yet, or the
 * question failed) leave it enabled: the server still decides.
 */
export function gateState(checks: readonly AccessCheck[], decisions: readonly AccessDecision[] | undefined, readOnly: boolean): ActionState {
  if (readOnly) return { enabled: false, reason: readOnlyReason() };
  const byKey = new Map((decisions ?? []).map((d) => [checkKey(d), d]));
  for (const c of checks) {
    const d = byKey.get(checkKey(c));
    if (d && !d.allowed) return { enabled: false, reason: d.reason || needsReason(c) };
  }
  return { enabled: true };
}

/** Every distinct check the actions need, for one batched Access call. */
export function allChecks(actions: readonly ActionId[], target: ActionTarget): AccessCheck[] {
  const seen = new Map<string, AccessCheck>();
  for (const a of actions) for (const c of checksFor(a, target)) seen.set(checkKey(c), c);
  return [...seen.values()];
}

const ACTION_LABELS: Record<ActionId, () => string> = {
  edit: () => t('actions.label.edit'),
  delete: () => t('actions.label.delete'),
  scale: () => t('actions.label.scale'),
  restart: () => t('actions.label.restart'),
  rollback: () => t('actions.label.rollback'),
  suspend: () => t('actions.label.suspend'),
  run: () => t('actions.label.run'),
  cordon: () => t('actions.label.cordon'),
  drain: () => t('actions.label.drain'),
  logs: () => t('actions.label.logs'),
  exec: () => t('actions.label.exec'),
  forward: () => t('actions.label.forward'),
};

/** An action's button label in the current language. */
export function actionLabel(a: ActionId): string {
  return ACTION_LABELS[a]();
}
