// The port-forwards of this app (they live in the backend, across navigation),
// through TanStack Query: fetched when first needed, after every start and
// stop, and every 3 s while one is active (to notice a pod that went away; a
// local call, not the cluster).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { errorMessage } from '../../api/errors';
import { ops, type Forward, type ForwardRequest } from '../../api/operations';
import { t } from '../../i18n';

export const forwardsKey = ['portForwards'] as const;

interface State {
  forwards: Forward[];
  loaded: boolean;
  error: string | null;
}

const NONE: Forward[] = [];

export function useForwards(): State {
  const q = useQuery({
    queryKey: forwardsKey,
    queryFn: () => ops.PortForwards(),
    refetchInterval: (query) => (query.state.data?.some((f) => f.state === 'active') ? 3000 : false),
    // A local call: a failure is shown as it is, the next poll or action tries again.
    retry: false,
  });
  return {
    forwards: q.data ?? NONE,
    loaded: q.isFetched,
    error: q.error ? t('forwards.errors.list', { error: errorMessage(q.error) }) : null,
  };
}

/** Starts a forward; rejects with the backend's message (port in use, no ready pod…). */
export function useStartForward(): (req: ForwardRequest) => Promise<Forward> {
  const client = useQueryClient();
  return useCallback(
    async (req) => {
      const f = await ops.PortForwardStart(req);
      await client.refetchQueries({ queryKey: forwardsKey });
      return f;
    },
    [client],
  );
}

/** Stops a forward; the backend answers with the forwards left. */
export function useStopForward(): (id: string) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (id) => {
      client.setQueryData(forwardsKey, await ops.PortForwardStop(id));
    },
    [client],
  );
}
