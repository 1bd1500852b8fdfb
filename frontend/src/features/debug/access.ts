// What each debug action needs of the user's RBAC, and its state from the
// server's answers (gateState, as every gated button of the app). Debug is
// offered when either way is allowed: an ephemeral container, or a copy.
import type { AccessCheck, AccessDecision } from '../../api/operations';
import { gateState, type ActionState } from '../actions/access';
import { t } from '../../i18n';

function pods(verb: string, namespace: string, subresource?: string, name?: string): AccessCheck {
  const c: AccessCheck = { verb, group: '', resource: 'pods', namespace };
  if (subresource) c.subresource = subresource;
  if (name) c.name = name;
  return c;
}

export interface PodDebugChecks {
  /** A debug container in the pod: patch its ephemeral containers, attach to it. */
  ephemeral: AccessCheck[];
  /** A copy of the pod: create it, attach to it (its name is not known yet). */
  copy: AccessCheck[];
  /** Delete the copy when its terminal closes. */
  deleteCopy: AccessCheck[];
  attach: AccessCheck[];
  /** Copying files runs tar through exec. */
  files: AccessCheck[];
}

export function podDebugChecks(namespace: string, pod: string): PodDebugChecks {
  return {
    ephemeral: [pods('patch', namespace, 'ephemeralcontainers', pod), pods('create', namespace, 'attach', pod)],
    copy: [pods('create', namespace), pods('create', namespace, 'attach')],
    deleteCopy: [pods('delete', namespace)],
    attach: [pods('create', namespace, 'attach', pod)],
    files: [pods('create', namespace, 'exec', pod)],
  };
}

/** A node shell: its pod in the node-shell namespace, a shell in it, deleting it after. */
export function nodeShellChecks(namespace: string): AccessCheck[] {
  return [pods('create', namespace), pods('create', namespace, 'exec'), pods('delete', namespace)];
}

export interface DebugGates {
  ephemeral: ActionState;
  copy: ActionState;
  deleteCopy: ActionState;
}

export function debugGates(c: PodDebugChecks, decisions: readonly AccessDecision[] | undefined, readOnly: boolean): DebugGates {
  return {
    ephemeral: gateState(c.ephemeral, decisions, readOnly),
    copy: gateState(c.copy, decisions, readOnly),
    deleteCopy: gateState(c.deleteCopy, decisions, readOnly),
  };
}

/** The Debug button: enabled when either way is; else both reasons (one when they are the same, as read-only is). */
export function debugState(g: DebugGates): ActionState {
  if (g.ephemeral.enabled || g.copy.enabled) return { enabled: true };
  const a = g.ephemeral.reason ?? '';
  const b = g.copy.reason ?? '';
  return { enabled: false, reason: a === b ? a : t('debug.reason.either', { ephemeral: a, copy: b }) };
}
