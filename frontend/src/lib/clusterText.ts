import type { ClusterState, ClusterStatus, SignInResult } from '../api/types';

export const STATE_TEXT: Record<ClusterState, string> = {
  ready: 'Ready',
  'signed-out': 'Signed out',
  unreachable: 'Unreachable',
  misconfigured: 'Misconfigured',
};

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
  return `Signed in as ${r.user || 'an unnamed user'}${groups.length ? ` (${groups.join(', ')})` : ''}`;
}

export function storageText(storage: SignInResult['storage']): string {
  return storage === 'keyring'
    ? 'The token is kept in your system keyring.'
    : 'The token is kept in memory only, until Kubedeck quits — no keyring is available.';
}

/** Why a cluster's data is not live, in a few words. */
export function troubleReason(s: ClusterStatus): string {
  const base = s.state === 'signed-out' ? 'signed out' : s.state === 'unreachable' ? 'the cluster does not answer' : 'misconfigured';
  return s.message ? `${base} (${s.message})` : base;
}

/** "14:05". */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
