import { t } from '../i18n';
import { formatTime } from './format';
import type { ClusterState, ClusterStatus, SignInResult } from '../api/types';

/** A cluster state in the UI language. */
export function stateText(state: ClusterState): string {
  switch (state) {
    case 'ready': return t('clusters.state.ready');
    case 'signed-out': return t('clusters.state.signedOut');
    case 'unreachable': return t('clusters.state.unreachable');
    case 'misconfigured': return t('clusters.state.misconfigured');
  }
}

export function stateTone(state: ClusterState | undefined): 'ok' | 'warn' | 'bad' | 'muted' {
  switch (state) {
    case 'ready':
      return 'ok';
    case 'signed-out':
      return 'warn';
    case 'unreachable':
    case 'misconfigured':
      return 'bad';
    default:
      return 'muted';
  }
}

/** "Signed in as viewer (system:authenticated)". */
export function signedInText(r: Pick<SignInResult, 'user' | 'groups'>): string {
  const groups = r.groups.filter(Boolean);
  const user = r.user || t('clusters.signedIn.unnamed');
  return groups.length ? t('clusters.signedIn.withGroups', { user, groups: groups.join(', ') }) : t('clusters.signedIn.user', { user });
}

export function storageText(storage: SignInResult['storage']): string {
  return storage === 'keyring' ? t('clusters.storage.keyring') : t('clusters.storage.memory');
}

/** Why a cluster's data is not live, in a few words. */
export function troubleReason(s: ClusterStatus): string {
  const base =
    s.state === 'signed-out' ? t('clusters.trouble.signedOut') : s.state === 'unreachable' ? t('clusters.trouble.unreachable') : t('clusters.trouble.misconfigured');
  return s.message ? t('clusters.trouble.withMessage', { reason: base, message: s.message }) : base;
}

/** "14:05" (in the UI language's clock). */
export function clockTime(ms: number): string {
  return formatTime(ms);
}
