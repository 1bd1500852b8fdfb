// The port-forwards of this app (they live in the backend, across navigation):
// fetched when first needed, after every start and stop, and every 3 s while
// one is active (to notice a pod that went away; a local call, not the cluster).
import { useEffect, useSyncExternalStore } from 'react';
import { errorMessage } from '../../api/errors';
import { ops, type Forward, type ForwardRequest } from '../../api/operations';

interface State {
  forwards: Forward[];
  loaded: boolean;
  error: string | null;
}

let state: State = { forwards: [], loaded: false, error: null };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function set(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
  schedule();
}

function schedule(): void {
  const wanted = listeners.size > 0 && state.forwards.some((f) => f.state === 'active');
  if (wanted && !timer) timer = setInterval(() => void refreshForwards(), 3000);
  else if (!wanted && timer) {
    clearInterval(timer);
    timer = null;
  }
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  if (!state.loaded) void refreshForwards();
  schedule();
  return () => {
    listeners.delete(l);
    schedule();
  };
}

export async function refreshForwards(): Promise<void> {
  try {
    set({ forwards: await ops.PortForwards(), loaded: true, error: null });
  } catch (e) {
    set({ loaded: true, error: `Could not list port-forwards: ${errorMessage(e)}` });
  }
}

/** Starts a forward; rejects with the backend's message (port in use, no ready pod…). */
export async function startForward(req: ForwardRequest): Promise<Forward> {
  const f = await ops.PortForwardStart(req);
  await refreshForwards();
  return f;
}

export async function stopForward(id: string): Promise<void> {
  set({ forwards: await ops.PortForwardStop(id), error: null });
}

export function useForwards(): State {
  const s = useSyncExternalStore(subscribe, () => state, () => state);
  useEffect(() => schedule(), []);
  return s;
}
