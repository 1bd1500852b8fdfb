// A button gated like every action of the app: when RBAC or the read-only
// switch refuses it, it stays visible and focusable, aria-disabled, with the
// reason shown beside it ("needs: update secrets in team-a", "Read-only
// context"); activating it then says why instead.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionState } from '../actions/access';

export interface GatedButtonProps {
  label: string;
  state: ActionState;
  onClick: () => void;
  className?: string;
  /** Show the reason as text beside the button (else in its title and for screen readers). */
  showReason?: boolean;
  haspopup?: boolean;
}

export function GatedButton({ label, state, onClick, className = 'btn small', showReason = true, haspopup = true }: GatedButtonProps) {
  const { t } = useTranslation();
  const id = useId();
  const [why, setWhy] = useState(false);
  const reason = state.reason ?? t('actions.reason.forbidden');
  return (
    <span className="gated">
      <button
        type="button"
        className={className}
        aria-disabled={state.enabled ? undefined : 'true'}
        aria-describedby={state.enabled ? undefined : `${id}-why`}
        aria-haspopup={haspopup ? 'dialog' : undefined}
        title={state.enabled ? undefined : reason}
        onClick={() => {
          if (state.enabled) {
            setWhy(false);
            onClick();
          } else setWhy(true);
        }}
      >
        {label}
      </button>
      {!state.enabled && (
        <span id={`${id}-why`} className={showReason ? 'why' : 'sr-only'}>
          {reason}
        </span>
      )}
      {why && !state.enabled && (
        <span className="op-message bad inline" role="alert">
          {t('actions.notAllowed', { action: label, reason })}
        </span>
      )}
    </span>
  );
}
