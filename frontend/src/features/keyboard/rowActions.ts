// Which row shortcuts a kind has, and their state for one row, from the
// actions' own access checks and read-only rule.
import type { AccessDecision } from '../../api/operations';
import { actionStates, readOnlyReason, type ActionId, type ActionState, type ActionTarget } from '../actions/access';
import { WORKLOAD_KINDS } from '../logs/logTarget';
import { t } from '../../i18n';

export type RowAction = 'logs' | 'exec' | 'edit' | 'yaml' | 'delete';

/** The row shortcuts that apply to a kind: logs for pods and workloads, a shell for pods. */
export function rowActionsFor(kind: string): RowAction[] {
  const out: RowAction[] = [];
  if (kind === 'Pod' || WORKLOAD_KINDS.has(kind)) out.push('logs');
  if (kind === 'Pod') out.push('exec');
  out.push('edit', 'yaml', 'delete');
  return out;
}

/** Why row shortcuts do nothing yet (in the current language). */
export const noRowReason = (): string => t('keyboard.row.none');

/** The access-checked actions among them (YAML only needs what the list already showed). */
export function checkedActions(actions: readonly RowAction[]): ActionId[] {
  return actions.filter((a): a is Exclude<RowAction, 'yaml'> => a !== 'yaml');
}

export function rowActionStates(
  actions: readonly RowAction[],
  target: ActionTarget | null,
  decisions: readonly AccessDecision[] | undefined,
  readOnly: boolean,
): Record<RowAction, ActionState> {
  const out = {} as Record<RowAction, ActionState>;
  if (!target) {
    for (const a of actions) out[a] = { enabled: false, reason: noRowReason() };
    return out;
  }
  const checked = actionStates(checkedActions(actions), target, decisions, readOnly);
  for (const a of actions) out[a] = a === 'yaml' ? { enabled: true } : (checked[a] ?? { enabled: true });
  // The Go core refuses exec on read-only contexts too.
  if (out.exec && readOnly) out.exec = { enabled: false, reason: readOnlyReason() };
  return out;
}
