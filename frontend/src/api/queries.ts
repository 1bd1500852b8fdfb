// Command results through TanStack Query: cached per context, deduplicated.
import { QueryClient, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { ApiError } from './errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (forbidden, not found, session gone) do not get better by retrying.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status !== undefined && error.status >= 400 && error.status < 500) &&
          count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

export const queryKeys = {
  contexts: ['contexts'] as const,
  namespaces: (context: string) => ['namespaces', context] as const,
  apiResources: (context: string) => ['apiResources', context] as const,
  clusterInfo: (context: string) => ['clusterInfo', context] as const,
  version: ['version'] as const,
};

export function useContexts() {
  return useQuery({
    queryKey: queryKeys.contexts,
    queryFn: api.Contexts,
    refetchOnWindowFocus: true,
    retryDelay: 500,
    // Without a backend, keep knocking: the page recovers when it is back.
    refetchInterval: (q) => (q.state.status === 'error' ? 5000 : false),
  });
}

export function useNamespaces(context: string | null) {
  return useQuery({
    queryKey: queryKeys.namespaces(context ?? ''),
    queryFn: () => api.Namespaces(context ?? ''),
    enabled: context !== null,
  });
}

export function useAPIResources(context: string | null) {
  return useQuery({
    queryKey: queryKeys.apiResources(context ?? ''),
    queryFn: () => api.APIResources(context ?? ''),
    enabled: context !== null,
    staleTime: 5 * 60_000,
  });
}

export function useClusterInfo(context: string | null) {
  return useQuery({
    queryKey: queryKeys.clusterInfo(context ?? ''),
    queryFn: () => api.ClusterInfo(context ?? ''),
    enabled: context !== null,
    retry: false,
  });
}

export function useVersion() {
  return useQuery({ queryKey: queryKeys.version, queryFn: api.Version, staleTime: Infinity, retry: false });
}

export const clusterKeys = {
  status: (context: string) => ['clusterStatus', context] as const,
  preferences: ['preferences'] as const,
};

/** The status of a cluster (ready, signed out, unreachable…). Never an error for cluster trouble. */
export function useClusterStatus(context: string | null) {
  return useQuery({
    queryKey: clusterKeys.status(context ?? ''),
    queryFn: () => api.ClusterStatus(context ?? ''),
    enabled: context !== null,
    retry: false,
    staleTime: 60_000,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: clusterKeys.preferences,
    queryFn: api.Preferences,
    retry: false,
    staleTime: Infinity,
  });
}
