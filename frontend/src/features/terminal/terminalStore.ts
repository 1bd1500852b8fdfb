// The open terminals (tabs of the dock) and which dock tab is selected, per
// cluster. A module store: terminals live on while the user navigates.
import { useSyncExternalStore } from 'react';
import { ops } from '../../api/operations';

export interface TerminalTab {
  /** Local id of the tab. */
  key: string;
  context: string;
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  /** The backend session, once started. */
  sessionId?: string;
  state: 'starting' | 'open' | 'ended' | 'failed';
  message?: string;
}

/** The dock tab that shows the port-forwards. */
export const FORWARDS_TAB = 'forwards';

interface State {
  tabs: TerminalTab[];
  /** Selected dock tab per context (a terminal key or FORWARDS_TAB). */
  selected: Record<string, string>;
  /** Dock open per context. */
  open: Record<string, boolean>;
}

let state: State = { tabs: [], selected: {}, open: {} };
const listeners = new Set<() => void>();
let counter = 0;

function set(next: State): void {
  state = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useDockState(): State {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

export function getDockState(): State {
  return state;
}

/** Opens a new terminal tab (the session starts once the terminal knows its size). */
export function openTerminal(t: Omit<TerminalTab, 'key' | 'state'>): string {
  const key = `t${++counter}`;
  set({
    tabs: [...state.tabs, { ...t, key, state: 'starting' }],
    selected: { ...state.selected, [t.context]: key },
    open: { ...state.open, [t.context]: true },
  });
  return key;
}

export function updateTerminal(key: string, patch: Partial<TerminalTab>): void {
  if (!state.tabs.some((t) => t.key === key)) return;
  set({ ...state, tabs: state.tabs.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
}

/** Closes a tab and its session on the backend. */
export function closeTerminal(key: string): void {
  const tab = state.tabs.find((t) => t.key === key);
  if (!tab) return;
  if (tab.sessionId && (tab.state === 'open' || tab.state === 'starting')) void ops.TerminalClose(tab.sessionId).catch(() => {});
  const rest = state.tabs.filter((t) => t.key !== key);
  const selected = { ...state.selected };
  if (selected[tab.context] === key) {
    const same = rest.filter((t) => t.context === tab.context);
    selected[tab.context] = same[same.length - 1]?.key ?? FORWARDS_TAB;
  }
  set({ ...state, tabs: rest, selected });
}

export function selectDockTab(context: string, key: string): void {
  set({ ...state, selected: { ...state.selected, [context]: key }, open: { ...state.open, [context]: true } });
}

export function setDockOpen(context: string, open: boolean): void {
  set({ ...state, open: { ...state.open, [context]: open } });
}

/** A short title: "pod/container · bash". */
export function terminalTitle(t: TerminalTab): string {
  return `${t.pod}/${t.container} · ${t.command.join(' ')}`;
}
