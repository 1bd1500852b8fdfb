// "Share access", gated like every action: disabled (with the permission it
// needs named) when the user may not create the share's objects, or on a
// read-only context. Activating it disabled says why.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess, useReadOnly } from '../actions/useAccess';
import { shareChecks } from './permissions';
import { gateState } from '../actions/access';

export function ShareButton({ context, namespace, onOpen }: { context: string; namespace: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const readOnly = useReadOnly(context);
  const checks = useMemo(() => shareChecks(namespace, false), [namespace]);
  const { decisions } = useAccess(context, checks);
  const state = gateState(checks, decisions, readOnly);
  const [why, setWhy] = useState(false);
  return (
    <span className="share-button">
      <button
        type="button"
        className="btn primary small"
        aria-disabled={state.enabled ? undefined : 'true'}
        aria-describedby={state.enabled ? undefined : `${id}-why`}
        aria-haspopup="dialog"
        title={state.reason}
        onClick={() => (state.enabled ? onOpen() : setWhy(true))}
      >
        {t('access.share.open')}
      </button>
      {!state.enabled && (
        <span id={`${id}-why`} className="why">
          {state.reason}
        </span>
      )}
      {why && !state.enabled && (
        <span className="op-message bad inline" role="alert">
          {t('actions.notAllowed', { action: t('access.share.open'), reason: state.reason ?? t('actions.reason.forbidden') })}
        </span>
      )}
    </span>
  );
}
