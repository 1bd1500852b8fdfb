// "Shared": what was shared here (recipient, role, scope, expiry), each
// with Revoke (confirmed; gated on deleting the share's binding and
// ServiceAccount). The list follows the shares' ServiceAccounts live.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { accessApi } from '../../api/access';
import { errorMessage } from '../../api/errors';
import type { Share } from '../../api/types';
import { Age } from '../../components/Age';
import { humanDuration, parseTime } from '../../lib/age';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/useNow';
import { ConfirmDialog } from '../actions/dialogs';
import { checkKey, gateState, type ActionState } from '../actions/access';
import { useAccess, useReadOnly } from '../actions/useAccess';
import { revokeChecks } from './permissions';
import { sharesKey, useShares } from './useShares';

export function SharedTab({ context, namespace, shareButton }: { context: string; namespace: string; shareButton: ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useShares(context, namespace);
  const [revoking, setRevoking] = useState<Share | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const where = namespace || t('access.namespace.clusterWideLower');

  let body: ReactNode;
  if (q.isPending) {
    body = (
      <p className="loading-text" role="status">
        {t('access.shared.loading', { namespace: where })}
      </p>
    );
  } else if (q.isError) {
    body = (
      <div className="state-panel" role="alert">
        <div className="state-icon bad" aria-hidden="true">
          !
        </div>
        <h2>{t('access.shared.error', { namespace: where })}</h2>
        <p className="state-detail">{errorMessage(q.error)}</p>
        <button type="button" className="btn primary" onClick={() => void q.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else if (q.data.length === 0) {
    body = (
      <div className="state-panel">
        <div className="state-icon" aria-hidden="true">
          ∅
        </div>
        <h2>{t('access.shared.empty', { namespace: where })}</h2>
        <p className="state-detail">{t('access.shared.emptyDetail')}</p>
      </div>
    );
  } else {
    body = <SharesTable context={context} shares={q.data} where={where} onRevoke={setRevoking} />;
  }

  return (
    <div className="access-shared">
      <div className="access-toolbar">
        <p className="muted">{t('access.shared.intro')}</p>
        <span className="topbar-spacer" />
        {shareButton}
      </div>
      {message && (
        <p className="op-message ok" role="status">
          {message}
        </p>
      )}
      {body}
      {revoking && (
        <ConfirmDialog
          title={t('access.shared.revokeTitle', { recipient: revoking.recipient })}
          text={t('access.shared.revokeText', { recipient: revoking.recipient, namespace: revoking.namespace, name: revoking.name })}
          confirm={t('access.shared.revoke')}
          onClose={() => setRevoking(null)}
          run={async () => {
            const r = await accessApi.ShareRevoke(context, revoking.namespace, revoking.name);
            setMessage(t('access.shared.revoked', { recipient: revoking.recipient, count: (r.deleted ?? []).length }));
            await client.invalidateQueries({ queryKey: sharesKey(context) });
          }}
        />
      )}
    </div>
  );
}

function useRevokeStates(context: string, shares: readonly Share[]): (s: Share) => ActionState {
  const readOnly = useReadOnly(context);
  const checks = useMemo(() => {
    const all = new Map(shares.flatMap((s) => revokeChecks(s.namespace, s.clusterWide)).map((c) => [checkKey(c), c]));
    return [...all.values()];
  }, [shares]);
  const { decisions } = useAccess(context, checks);
  return (s) => gateState(revokeChecks(s.namespace, s.clusterWide), decisions, readOnly);
}

function SharesTable({ context, shares, where, onRevoke }: { context: string; shares: readonly Share[]; where: string; onRevoke: (s: Share) => void }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const revokeState = useRevokeStates(context, shares);
  return (
    <div className="table-scroll">
      <table className="rtable" aria-label={t('access.shared.table', { namespace: where })}>
        <thead>
          <tr>
            <th scope="col">{t('access.shared.recipient')}</th>
            <th scope="col">{t('access.shared.namespace')}</th>
            <th scope="col">{t('access.shared.role')}</th>
            <th scope="col">{t('access.shared.scope')}</th>
            <th scope="col">{t('access.shared.sharedBy')}</th>
            <th scope="col">{t('access.shared.created')}</th>
            <th scope="col">{t('access.shared.expires')}</th>
            <th scope="col">
              <span className="sr-only">{t('access.shared.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => {
            const st = revokeState(s);
            return (
              <tr key={`${s.namespace}/${s.name}`}>
                <th scope="row">{s.recipient}</th>
                <td>{s.namespace}</td>
                <td>{s.role === 'custom' ? t('access.shared.customRole') : s.role}</td>
                <td>{s.clusterWide ? t('access.shared.clusterWide') : t('access.shared.namespaced')}</td>
                <td>{s.sharedBy || <span className="muted">—</span>}</td>
                <td className="num">
                  <Age created={s.created} now={now} />
                </td>
                <td>
                  <Expiry share={s} now={now} />
                </td>
                <td>
                  <RevokeButton recipient={s.recipient} state={st} onRevoke={() => onRevoke(s)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Expiry({ share, now }: { share: Share; now: number }) {
  const { t } = useTranslation();
  const at = parseTime(share.expiresAt);
  if (share.expired || at <= now) return <span className="danger-badge">{t('access.shared.expired')}</span>;
  if (Number.isNaN(at)) return <span className="muted">—</span>;
  return (
    <time dateTime={share.expiresAt} title={formatDateTime(at)}>
      {t('access.shared.expiresIn', { duration: humanDuration(at - now) })}
    </time>
  );
}

function RevokeButton({ recipient, state, onRevoke }: { recipient: string; state: ActionState; onRevoke: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="btn small danger"
        aria-label={t('access.shared.revokeOne', { recipient })}
        aria-disabled={state.enabled ? undefined : 'true'}
        aria-describedby={state.enabled ? undefined : id}
        title={state.reason}
        onClick={() => state.enabled && onRevoke()}
      >
        {t('access.shared.revoke')}
      </button>
      {!state.enabled && (
        <span id={id} className="sr-only">
          {state.reason}
        </span>
      )}
    </>
  );
}
