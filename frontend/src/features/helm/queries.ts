// A release's details, revisions, objects and drift through TanStack Query:
// cached per release, read again when the live list says the release changed
// (useReleaseLive) or on Refresh.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { helmApi } from '../../api/helm';
import type { HelmDetails, HelmRef, HelmRelease } from '../../api/types';
import type { Connection } from '../resources/listReducer';
import { releaseKey } from './helmList';
import { useHelmReleases } from './useHelmReleases';

/** Everything cached about one release starts with this key. */
export const helmKey = (context: string, ref: HelmRef) => ['helm', context, ref.namespace, ref.name] as const;

export const helmKeys = {
  details: (context: string, ref: HelmRef) => [...helmKey(context, ref), ref.driver, 'details'] as const,
  objects: (context: string, ref: HelmRef) => [...helmKey(context, ref), ref.driver, 'objects'] as const,
  drift: (context: string, ref: HelmRef, index: number) => [...helmKey(context, ref), ref.driver, 'drift', index] as const,
  revision: (context: string, ref: HelmRef, revision: number) => [...helmKey(context, ref), ref.driver, 'revision', revision] as const,
};

/** Reads a release's queries again (after an action, on Refresh, when it changed). */
export function refreshRelease(client: QueryClient, context: string, ref: HelmRef): Promise<void> {
  return client.invalidateQueries({ queryKey: helmKey(context, ref) });
}

const list = <T>(v: T[] | null | undefined): T[] => v ?? [];

/** Details with the lists Go leaves out when empty (null) filled in. */
export function filledDetails(d: HelmDetails): HelmDetails {
  return { ...d, objects: list(d.objects), hooks: list(d.hooks).map((h) => ({ ...h, events: list(h.events) })), history: list(d.history) };
}

export function useHelmDetails(context: string, ref: HelmRef) {
  return useQuery({ queryKey: helmKeys.details(context, ref), queryFn: async () => filledDetails(await helmApi.HelmRelease(context, ref)), retry: false });
}

export function useHelmObjects(context: string, ref: HelmRef, enabled: boolean) {
  return useQuery({ queryKey: helmKeys.objects(context, ref), queryFn: async () => list(await helmApi.HelmObjects(context, ref)), enabled, retry: false });
}

export function useHelmDrift(context: string, ref: HelmRef, index: number | null) {
  return useQuery({
    queryKey: helmKeys.drift(context, ref, index ?? -1),
    queryFn: () => helmApi.HelmDrift(context, ref, index ?? 0),
    enabled: index !== null,
    retry: false,
  });
}

export function useHelmRevision(context: string, ref: HelmRef, revision: number | null) {
  return useQuery({
    queryKey: helmKeys.revision(context, ref, revision ?? 0),
    queryFn: () => helmApi.HelmRevision(context, ref, revision ?? 0),
    enabled: revision !== null && revision > 0,
    retry: false,
    // What a revision applied does not change.
    staleTime: Infinity,
  });
}

export interface ReleaseLive {
  /** The release's row in the live list, once the list is in (null: not there). */
  row: HelmRelease | null | undefined;
  /** It was in the list and is gone (uninstalled). */
  gone: boolean;
  /** How the live list is doing. */
  connection: Connection;
}

/**
 * Follows the release in the live list of its namespace: when its row
 * changes (a new revision, another status), its cached details are read again.
 */
export function useReleaseLive(context: string, ref: HelmRef): ReleaseLive {
  const client = useQueryClient();
  const list = useHelmReleases(context, ref.namespace);
  const row = list.synced ? (list.releases.get(releaseKey(ref)) ?? null) : undefined;
  const signature = row ? `${row.revision}|${row.status}|${row.updated}|${row.revisions}` : row === null ? 'gone' : '';
  const seen = useRef<{ signature: string; ever: boolean }>({ signature: '', ever: false });
  useEffect(() => {
    if (signature === '') return;
    const before = seen.current;
    seen.current = { signature, ever: before.ever || signature !== 'gone' };
    if (before.signature !== '' && before.signature !== signature) void refreshRelease(client, context, ref);
  }, [signature, client, context, ref]);
  return { row, gone: row === null && seen.current.ever, connection: list.connection };
}
