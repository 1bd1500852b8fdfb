// What the Helm actions need: Helm writes a release's records as Secrets (or
// ConfigMaps, for the older driver) in the release's namespace. The checks
// go to the server in one Access call; actions/access.ts gateState turns the
// answers (and the read-only switch) into a button's state.
import { useMemo } from 'react';
import type { AccessCheck } from '../../api/operations';
import { gateState, type ActionState } from '../actions/access';
import { useAccess, useReadOnly } from '../actions/useAccess';

export type HelmAction = 'upgrade' | 'rollback' | 'uninstall';

export const HELM_ACTIONS: readonly HelmAction[] = ['upgrade', 'rollback', 'uninstall'];

/** Where Helm keeps a release's records: "secrets", or "configmaps" for the configmap driver. */
export function storageResource(driver: string): 'secrets' | 'configmaps' {
  return driver === 'configmap' ? 'configmaps' : 'secrets';
}

/** The checks behind one action on a release in namespace kept by driver. */
export function helmChecks(action: HelmAction | 'install', namespace: string, driver: string): AccessCheck[] {
  const on = (verb: string): AccessCheck => ({ verb, group: '', resource: storageResource(driver), namespace });
  switch (action) {
    case 'upgrade':
    case 'rollback':
      // A new revision is a new record, and the one before is marked superseded.
      return [on('update'), on('create')];
    case 'uninstall':
      return [on('delete')];
    case 'install':
      return [on('create')];
  }
}

export type HelmActionStates = Record<HelmAction, ActionState> & { readOnly: boolean; checking: boolean };

/** Each action's state for a release: asked in one batched call, read-only contexts refuse them all. */
export function useHelmActionStates(context: string, namespace: string, driver: string): HelmActionStates {
  const checks = useMemo(() => {
    const seen = new Map<string, AccessCheck>();
    for (const a of HELM_ACTIONS) for (const c of helmChecks(a, namespace, driver)) seen.set(`${c.verb}|${c.resource}`, c);
    return [...seen.values()];
  }, [namespace, driver]);
  const { decisions, failed } = useAccess(context, checks);
  const readOnly = useReadOnly(context);
  const state = (a: HelmAction) => gateState(helmChecks(a, namespace, driver), decisions, readOnly);
  return { upgrade: state('upgrade'), rollback: state('rollback'), uninstall: state('uninstall'), readOnly, checking: decisions === undefined && !failed };
}

/** Installing into namespace: a Secret for the first revision (the chart's objects the server checks when they are made). */
export function useInstallState(context: string, namespace: string): ActionState {
  const checks = useMemo(() => (namespace ? helmChecks('install', namespace, 'secret') : []), [namespace]);
  const { decisions } = useAccess(context, checks);
  const readOnly = useReadOnly(context);
  return gateState(checks, decisions, readOnly);
}
