// What was shared in a namespace: Shares(ns), fetched again when a share is
// made or revoked and whenever the live list of the shares' ServiceAccounts
// (label kubedeck.io/share) changes: watched, never polled.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { accessApi } from '../../api/access';
import type { ListQuery } from '../../api/types';
import { useResourceList } from '../resources/useResourceList';

/** The label every object of a share carries (app/share LabelShare). */
export const SHARE_LABEL = 'kubedeck.io/share';

/** The query key of a context's shares (every namespace without one). */
export const sharesKey = (context: string, namespace?: string) => (namespace === undefined ? ['shares', context] : ['shares', context, namespace]);

/** The share ServiceAccounts' keys, or null until the list is in. */
function useShareAccounts(context: string, namespace: string): string | null {
  const query = useMemo<ListQuery>(
    () => ({ context, group: '', version: 'v1', resource: 'serviceaccounts', namespace, labelSelector: SHARE_LABEL }),
    [context, namespace],
  );
  const list = useResourceList(query);
  return list.synced ? [...list.rows.keys()].sort().join('\n') : null;
}

export function useShares(context: string, namespace: string) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: sharesKey(context, namespace),
    queryFn: () => accessApi.Shares(context, namespace),
    retry: false,
  });
  const accounts = useShareAccounts(context, namespace);
  const seen = useRef<{ where: string; accounts: string } | null>(null);
  useEffect(() => {
    if (accounts === null) return;
    const where = `${context}\u0000${namespace}`;
    const before = seen.current;
    seen.current = { where, accounts };
    if (before && before.where === where && before.accounts !== accounts) void client.invalidateQueries({ queryKey: sharesKey(context) });
  }, [accounts, client, context, namespace]);
  return q;
}
