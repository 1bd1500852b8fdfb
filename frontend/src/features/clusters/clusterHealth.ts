// What list streams learn about a cluster's health, shared with the cluster
// pane: a stream that fails with 401 or cannot reach the cluster asks for a
// fresh ClusterStatus; each live message records when the data was last live.
import { createContext, useContext } from 'react';

type Listener = (context: string) => void;

const troubleListeners = new Set<Listener>();
const lastLive = new Map<string, number>();

/** A stream of this context failed in a way that may mean signed-out or unreachable. */
export function reportTrouble(context: string): void {
  for (const l of troubleListeners) l(context);
}

export function onTrouble(listener: Listener): () => void {
  troubleListeners.add(listener);
  return () => troubleListeners.delete(listener);
}

/** A stream of this context delivered live data now. */
export function reportLive(context: string, at = Date.now()): void {
  lastLive.set(context, at);
}

/** When data of this context was last known live (ms since epoch). */
export function lastLiveAt(context: string): number | undefined {
  return lastLive.get(context);
}

/**
 * Bumped on Retry and after signing in: every stream of the pane reconnects
 * (keeping its rows until the new list is in).
 */
export const StreamEpochContext = createContext(0);

export function useStreamEpoch(): number {
  return useContext(StreamEpochContext);
}

/** True in the pane on screen; hidden panes keep their state but do not set the title. */
export const PaneActiveContext = createContext(true);

export function usePaneActive(): boolean {
  return useContext(PaneActiveContext);
}
