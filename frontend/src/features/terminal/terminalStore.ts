// The open terminals (tabs of the dock) and which dock tab is selected, per
// cluster. A module store: terminals live on while the user navigates.
// A tab carries what to start (an exec, an attach, a debug container, a
// copy of a pod, a node shell); TerminalView starts it once the terminal
// knows its size, and whoever opened the tab may wait for that start.
import { useSyncExternalStore } from 'react';
import { ops, type DebugCreated, type DebugRequest, type NodeShellRequest, type TerminalSession } from '../../api/operations';
import { t as translate } from '../../i18n';

export type TerminalKind = 'exec' | 'attach' | 'debug' | 'copy' | 'node-shell';

/** What a tab starts; the terminal's size is added when it starts. */
export type TerminalStart =
  | { kind: 'exec'; namespace: string; pod: string; container: string; command: string[] }
  | { kind: 'attach'; namespace: string; pod: string; container: string }
  /** A debug container (request.copy false) or a copy of the pod (true). */
  | { kind: 'debug'; request: Omit<DebugRequest, 'cols' | 'rows'> }
  | { kind: 'node-shell'; request: Omit<NodeShellRequest, 'cols' | 'rows'> };

export interface TerminalTab {
  /** Local id of the tab. */
  key: string;
  context: string;
  kind: TerminalKind;
  start: TerminalStart;
  /** Where it runs, as far as known ("" until a debug start says which pod and container). */
  namespace: string;
  pod: string;
  container: string;
  /** The command an exec runs ([] for the others). */
  command: string[];
  /** The node of a node shell. */
  node?: string;
  /** What the start created (debug container, copy, node shell pod). */
  created?: DebugCreated;
  /** The container reads no input (an attach to a container without stdin). */
  noInput?: boolean;
  /** The backend session, once started. */
  sessionId?: string;
  state: 'starting' | 'open' | 'ended' | 'failed';
  message?: string;
}

/** A short-lived line in the dock ("Deleting pod …"). */
export interface DockNotice {
  id: number;
  context: string;
  text: string;
  tone: 'info' | 'ok';
}

/** The dock tab that shows the port-forwards. */
export const FORWARDS_TAB = 'forwards';

interface State {
  tabs: TerminalTab[];
  /** Selected dock tab per context (a terminal key or FORWARDS_TAB). */
  selected: Record<string, string>;
  /** Dock open per context. */
  open: Record<string, boolean>;
  notices: DockNotice[];
}

let state: State = { tabs: [], selected: {}, open: {}, notices: [] };
const listeners = new Set<() => void>();
let counter = 0;
let noticeCounter = 0;

/** How long a notice about a finished deletion stays. */
const NOTICE_MS = 6000;

/** Waiting openers of tabs not started yet. */
const waiting = new Map<string, { resolve: (s: TerminalSession) => void; reject: (e: unknown) => void }>();

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

const kindOf = (s: TerminalStart): TerminalKind => (s.kind === 'debug' ? (s.request.copy ? 'copy' : 'debug') : s.kind);

function where(s: TerminalStart): Pick<TerminalTab, 'namespace' | 'pod' | 'container' | 'command' | 'node'> {
  switch (s.kind) {
    case 'exec':
      return { namespace: s.namespace, pod: s.pod, container: s.container, command: s.command };
    case 'attach':
      return { namespace: s.namespace, pod: s.pod, container: s.container, command: [] };
    case 'debug':
      return { namespace: s.request.namespace, pod: s.request.copy ? '' : s.request.pod, container: '', command: [] };
    case 'node-shell':
      return { namespace: s.request.namespace ?? '', pod: '', container: '', command: [], node: s.request.node };
  }
}

/**
 * Opens a new terminal tab; the session starts once the terminal knows its
 * size. started resolves with the session, or rejects with why it could
 * not start (the tab then shows it too).
 */
export function openTerminal(context: string, start: TerminalStart): { key: string; started: Promise<TerminalSession> } {
  const key = `t${++counter}`;
  const started = new Promise<TerminalSession>((resolve, reject) => waiting.set(key, { resolve, reject }));
  // Nobody need wait: an unheard failure is shown in the tab.
  started.catch(() => {});
  set({
    ...state,
    tabs: [...state.tabs, { key, context, kind: kindOf(start), start, ...where(start), state: 'starting' }],
    selected: { ...state.selected, [context]: key },
    open: { ...state.open, [context]: true },
  });
  return { key, started };
}

export function updateTerminal(key: string, patch: Partial<TerminalTab>): void {
  if (!state.tabs.some((t) => t.key === key)) return;
  set({ ...state, tabs: state.tabs.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
}

/** The session of a tab started: the tab learns where it runs, its opener hears. */
export function terminalStarted(key: string, s: TerminalSession): void {
  const patch: Partial<TerminalTab> = { sessionId: s.id, state: 'open' };
  if (s.noInput) patch.noInput = true;
  if (s.debug) Object.assign(patch, { created: s.debug, namespace: s.debug.namespace, pod: s.debug.pod, container: s.debug.container });
  updateTerminal(key, patch);
  waiting.get(key)?.resolve(s);
  waiting.delete(key);
}

/** The session of a tab could not start. */
export function terminalFailed(key: string, error: unknown, message: string): void {
  updateTerminal(key, { state: 'failed', message });
  waiting.get(key)?.reject(error);
  waiting.delete(key);
}

/** Whether ending the tab's session deletes a pod Kubedeck created (node shells, copies made to be deleted). */
export function deletesPod(t: TerminalTab): boolean {
  return t.kind === 'node-shell' || (t.kind === 'copy' && t.start.kind === 'debug' && t.start.request.deleteCopy === true);
}

function addNotice(context: string, text: string, tone: DockNotice['tone']): number {
  const id = ++noticeCounter;
  set({ ...state, notices: [...state.notices, { id, context, text, tone }] });
  return id;
}

export function dismissNotice(id: number): void {
  if (!state.notices.some((n) => n.id === id)) return;
  set({ ...state, notices: state.notices.filter((n) => n.id !== id) });
}

/** Closes a tab and its session on the backend (which deletes the pod of a node shell or a copy to delete). */
export function closeTerminal(key: string): void {
  const tab = state.tabs.find((t) => t.key === key);
  if (!tab) return;
  const live = tab.state === 'open' || tab.state === 'starting';
  const rest = state.tabs.filter((t) => t.key !== key);
  const selected = { ...state.selected };
  if (selected[tab.context] === key) {
    const same = rest.filter((t) => t.context === tab.context);
    selected[tab.context] = same[same.length - 1]?.key ?? FORWARDS_TAB;
  }
  set({ ...state, tabs: rest, selected });
  if (!tab.sessionId || !live) return;
  const closing = ops.TerminalClose(tab.sessionId).catch(() => false);
  if (!deletesPod(tab) || !tab.pod) return;
  // The backend deletes the pod as the session ends, and answers after.
  const pod = `${tab.namespace}/${tab.pod}`;
  const id = addNotice(tab.context, translate('terminal.dock.deleting', { pod }), 'info');
  void closing.then(() => {
    dismissNotice(id);
    const done = addNotice(tab.context, translate('terminal.dock.deleted', { pod }), 'ok');
    setTimeout(() => dismissNotice(done), NOTICE_MS);
  });
}

export function selectDockTab(context: string, key: string): void {
  set({ ...state, selected: { ...state.selected, [context]: key }, open: { ...state.open, [context]: true } });
}

export function setDockOpen(context: string, open: boolean): void {
  set({ ...state, open: { ...state.open, [context]: open } });
}

/**
 * What a tab is, in a few words: "pod/container · bash" (exec), "attach ·
 * pod/container", "debug · pod/debugger-abcde", "debug copy ·
 * pod-debug-abcde/debugger-fghij", "node shell · kwok-node-1".
 */
export function terminalTitle(t: TerminalTab): string {
  const target = t.container ? `${t.pod}/${t.container}` : t.pod || (t.start.kind === 'debug' ? t.start.request.pod : '');
  switch (t.kind) {
    case 'exec':
      return `${t.pod}/${t.container} · ${t.command.join(' ')}`;
    case 'attach':
      return translate('terminal.title.attach', { target });
    case 'debug':
      return translate('terminal.title.debug', { target: t.container ? target : `${target}/…` });
    case 'copy':
      return translate('terminal.title.copy', { target: t.container ? target : `${target}…` });
    case 'node-shell':
      return translate('terminal.title.nodeShell', { node: t.node ?? '' });
  }
}

/** What the user should know about a terminal that is not a plain exec: where typing goes, what stays behind. */
export function terminalBanner(tab: TerminalTab): { text: string; tone: 'warn' | 'info' } | null {
  const pod = tab.pod ? `${tab.namespace}/${tab.pod}` : '';
  switch (tab.kind) {
    case 'exec':
      return null;
    case 'attach':
      return tab.noInput ? { text: translate('terminal.banner.noInput'), tone: 'info' } : { text: translate('terminal.banner.attach'), tone: 'warn' };
    case 'debug':
      return tab.container ? { text: translate('terminal.banner.ephemeral', { container: tab.container, pod }), tone: 'info' } : null;
    case 'copy':
      if (!pod) return null;
      return deletesPod(tab) ? { text: translate('terminal.banner.copyDeleted', { pod }), tone: 'info' } : { text: translate('terminal.banner.copyKept', { pod }), tone: 'warn' };
    case 'node-shell':
      return pod ? { text: translate('terminal.banner.nodeShell', { pod, node: tab.node ?? '' }), tone: 'warn' } : null;
  }
}

/** Starts what a tab carries with the terminal's size (the command per kind). */
export function startSession(context: string, s: TerminalStart, size: { cols: number; rows: number }): Promise<TerminalSession> {
  switch (s.kind) {
    case 'exec':
      return ops.TerminalStart(context, { namespace: s.namespace, pod: s.pod, container: s.container, command: s.command, ...size });
    case 'attach':
      return ops.TerminalStart(context, { namespace: s.namespace, pod: s.pod, container: s.container, command: [], attach: true, ...size });
    case 'debug':
      return ops.DebugStart(context, { ...s.request, ...size });
    case 'node-shell':
      return ops.NodeShellStart(context, { ...s.request, ...size });
  }
}

/** For tests: no tabs, no notices. */
export function resetDock(): void {
  for (const w of waiting.values()) w.reject(new Error('reset'));
  waiting.clear();
  set({ tabs: [], selected: {}, open: {}, notices: [] });
}
