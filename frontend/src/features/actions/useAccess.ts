// Access decisions for a set of checks (one batched call, cached per context)
// and whether the context is read-only.
import { useQuery } from '@tanstack/react-query';
import { ops, type AccessCheck, type AccessDecision } from '../../api/operations';
import { isReadOnly } from '../../lib/location';
import { useClusterStatus, usePreferences } from '../../api/queries';

/**
 * The server's decisions for the checks (undefined while asking); failed when
 * the checks could not be made: the actions stay enabled and the server decides.
 */
export function useAccess(context: string, checks: AccessCheck[]): { decisions: AccessDecision[] | undefined; failed: boolean } {
  // Answers belong to an identity: signing in as someone else asks again.
  const status = useClusterStatus(context);
  const who = status.data ? `${status.data.user ?? ''}|${status.data.groups.join(',')}|${status.data.auth}` : '';
  const q = useQuery({
    queryKey: ['access', context, who, checks],
    queryFn: async () => {
      const d = await ops.Access(context, checks);
      // Answers come in the order asked; keep the question's fields for matching.
      return d.map((x, i) => ({ ...(checks[i] ?? x), allowed: x.allowed, ...(x.reason ? { reason: x.reason } : {}) }));
    },
    enabled: checks.length > 0,
    staleTime: 60_000,
    retry: false,
  });
  return { decisions: q.data, failed: q.isError };
}

/** Read-only when the context is switched so, or when the preferences cannot
 * be read (a damaged settings file): the Go core then refuses every write. */
export function useReadOnly(context: string): boolean {
  const prefs = usePreferences();
  return prefs.isError || isReadOnly(context, prefs.data);
}
