// A release's toolbar: Upgrade, Roll back, Uninstall (each checked against
// the user's RBAC first, off on read-only contexts, the reason shown) and
// Refresh. Results show under the toolbar; the page follows the release live.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HelmDetails, HelmRef, HelmResult } from '../../api/types';
import { helmRoute, navigate } from '../../router';
import { leaveMessage, listNamespaceOf } from './flash';
import { GatedButton } from './GatedButton';
import type { ActionState } from '../actions/access';
import type { HelmActionStates } from './permissions';
import { refreshRelease } from './queries';
import { RollbackDialog } from './RollbackDialog';
import { UninstallDialog } from './UninstallDialog';
import { UpgradeDialog } from './UpgradeDialog';

export type OpenDialog = { t: 'upgrade' } | { t: 'rollback'; revision?: number } | { t: 'uninstall' } | null;

export interface ReleaseActionsProps {
  context: string;
  helmRef: HelmRef;
  details: HelmDetails | undefined;
  states: HelmActionStates;
  dialog: OpenDialog;
  onDialog: (d: OpenDialog) => void;
  onMessage: (m: { text: string; bad: boolean } | null) => void;
  refreshing: boolean;
}

export function ReleaseActions({ context, helmRef, details, states, dialog, onDialog, onMessage, refreshing }: ReleaseActionsProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () => void refreshRelease(client, context, helmRef);
  const done = (r: HelmResult) => {
    onMessage({ text: r.message, bad: false });
    refresh();
  };
  const open = (d: OpenDialog) => {
    onMessage(null);
    onDialog(d);
  };
  const close = () => onDialog(null);
  const canRollBack = (details?.history.length ?? 0) > 1;
  const rollbackState = states.rollback.enabled && !canRollBack ? { enabled: false, reason: t('helm.actions.noOlder') } : states.rollback;
  const loading: ActionState = { enabled: false, reason: t('helm.actions.loading') };
  const items: { label: string; state: ActionState; danger?: boolean; open: () => void }[] = [
    { label: t('helm.actions.upgrade'), state: details ? states.upgrade : loading, open: () => open({ t: 'upgrade' }) },
    { label: t('helm.actions.rollback'), state: details ? rollbackState : loading, open: () => open({ t: 'rollback' }) },
    { label: t('helm.actions.uninstall'), state: states.uninstall, danger: true, open: () => open({ t: 'uninstall' }) },
  ];
  // The reasons on screen, once each: "Upgrade, Roll back: needs: update secrets in team-a".
  const reasons = new Map<string, string[]>();
  for (const a of items) {
    if (a.state.enabled || a.state === loading) continue;
    const reason = a.state.reason ?? t('actions.reason.forbidden');
    reasons.set(reason, [...(reasons.get(reason) ?? []), a.label]);
  }
  return (
    <div className="object-actions helm-actions">
      <div className="action-bar" role="toolbar" aria-label={t('helm.actions.toolbar')} aria-busy={states.checking}>
        {items.map((a) => (
          <GatedButton key={a.label} label={a.label} state={a.state} className={a.danger ? 'btn small danger' : 'btn small'} showReason={false} onClick={a.open} />
        ))}
        {/* Not disabled while it reads: focus stays on it. */}
        <button type="button" className="btn small" aria-busy={refreshing} onClick={() => !refreshing && refresh()}>
          {refreshing ? t('helm.actions.refreshing') : t('helm.actions.refresh')}
        </button>
      </div>
      {reasons.size > 0 && (
        <ul className="helm-why" aria-label={t('helm.actions.why')}>
          {[...reasons].map(([reason, labels]) => (
            <li key={reason}>{t('helm.actions.reason', { actions: labels.join(', '), reason })}</li>
          ))}
        </ul>
      )}
      {dialog?.t === 'upgrade' && details && <UpgradeDialog context={context} helmRef={helmRef} details={details} onClose={close} onDone={done} />}
      {dialog?.t === 'rollback' && details && (
        <RollbackDialog context={context} helmRef={helmRef} details={details} {...(dialog.revision ? { revision: dialog.revision } : {})} onClose={close} onDone={done} />
      )}
      {dialog?.t === 'uninstall' && (
        <UninstallDialog
          context={context}
          helmRef={helmRef}
          objects={details?.objects.length ?? 0}
          onClose={close}
          onDone={(r) => {
            // Back to the list, which says what happened.
            leaveMessage(context, r.message);
            navigate(helmRoute(context, listNamespaceOf(context, helmRef.namespace)));
          }}
        />
      )}
    </div>
  );
}
