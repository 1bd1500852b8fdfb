import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TerminalSession } from '../../api/operations';
import {
  closeTerminal,
  deletesPod,
  getDockState,
  openTerminal,
  resetDock,
  startSession,
  terminalBanner,
  terminalFailed,
  terminalStarted,
  terminalTitle,
  type TerminalStart,
  type TerminalTab,
} from './terminalStore';

const calls: [string, unknown[]][] = [];
let closeAnswer: () => Promise<boolean> = () => Promise.resolve(true);
vi.mock('../../api/operations', () => {
  const record = (name: string) => (...args: unknown[]) => {
    calls.push([name, args]);
    return name === 'TerminalClose' ? closeAnswer() : Promise.resolve({ id: 's1' });
  };
  return { ops: { TerminalStart: record('TerminalStart'), DebugStart: record('DebugStart'), NodeShellStart: record('NodeShellStart'), TerminalClose: record('TerminalClose') } };
});

afterEach(() => {
  resetDock();
  calls.length = 0;
  closeAnswer = () => Promise.resolve(true);
  vi.useRealTimers();
});

const exec: TerminalStart = { kind: 'exec', namespace: 'team-a', pod: 'web-1', container: 'nginx', command: ['/bin/sh'] };
const attach: TerminalStart = { kind: 'attach', namespace: 'team-a', pod: 'web-1', container: 'nginx' };
const ephemeral: TerminalStart = { kind: 'debug', request: { namespace: 'team-a', pod: 'web-1', image: 'busybox', target: 'nginx' } };
const copy: TerminalStart = { kind: 'debug', request: { namespace: 'team-a', pod: 'web-1', copy: true, image: 'busybox', deleteCopy: true } };
const nodeShell: TerminalStart = { kind: 'node-shell', request: { node: 'kwok-node-1' } };

const tab = (key: string): TerminalTab => {
  const t = getDockState().tabs.find((x) => x.key === key);
  if (!t) throw new Error(`no tab ${key}`);
  return t;
};

describe('the dock’s terminals', () => {
  it('title each kind of terminal by what it is, before and after it started', () => {
    const e = openTerminal('kind', exec).key;
    const a = openTerminal('kind', attach).key;
    const d = openTerminal('kind', ephemeral).key;
    const c = openTerminal('kind', copy).key;
    const n = openTerminal('kind', nodeShell).key;
    expect([e, a, d, c, n].map((k) => terminalTitle(tab(k)))).toEqual([
      'web-1/nginx · /bin/sh',
      'attach · web-1/nginx',
      'debug · web-1/…',
      'debug copy · web-1…',
      'node shell · kwok-node-1',
    ]);
    expect([e, a, d, c, n].map((k) => tab(k).kind)).toEqual(['exec', 'attach', 'debug', 'copy', 'node-shell']);
    terminalStarted(d, { id: 'x', debug: { namespace: 'team-a', pod: 'web-1', container: 'debugger-abcde', kind: 'ephemeral' } });
    terminalStarted(c, { id: 'y', debug: { namespace: 'team-a', pod: 'web-1-debug-fghij', container: 'debugger-klmno', kind: 'copy', uid: 'u' } });
    expect(terminalTitle(tab(d))).toBe('debug · web-1/debugger-abcde');
    expect(terminalTitle(tab(c))).toBe('debug copy · web-1-debug-fghij/debugger-klmno');
    expect(getDockState().selected.kind).toBe(n);
  });

  it('start each kind with its command and the terminal’s size', async () => {
    const size = { cols: 120, rows: 30 };
    for (const s of [exec, attach, ephemeral, copy, nodeShell]) await startSession('kind', s, size);
    expect(calls).toEqual([
      ['TerminalStart', ['kind', { namespace: 'team-a', pod: 'web-1', container: 'nginx', command: ['/bin/sh'], cols: 120, rows: 30 }]],
      ['TerminalStart', ['kind', { namespace: 'team-a', pod: 'web-1', container: 'nginx', command: [], attach: true, cols: 120, rows: 30 }]],
      ['DebugStart', ['kind', { namespace: 'team-a', pod: 'web-1', image: 'busybox', target: 'nginx', cols: 120, rows: 30 }]],
      ['DebugStart', ['kind', { namespace: 'team-a', pod: 'web-1', copy: true, image: 'busybox', deleteCopy: true, cols: 120, rows: 30 }]],
      ['NodeShellStart', ['kind', { node: 'kwok-node-1', cols: 120, rows: 30 }]],
    ]);
  });

  it('tell the opener when the session started, or why it could not', async () => {
    const ok = openTerminal('kind', attach);
    const session: TerminalSession = { id: 's9', noInput: true };
    terminalStarted(ok.key, session);
    await expect(ok.started).resolves.toEqual(session);
    expect(tab(ok.key)).toMatchObject({ state: 'open', sessionId: 's9', noInput: true });
    const bad = openTerminal('kind', ephemeral);
    const error = new Error('This cluster does not offer ephemeral containers');
    terminalFailed(bad.key, error, error.message);
    await expect(bad.started).rejects.toBe(error);
    expect(tab(bad.key)).toMatchObject({ state: 'failed', message: error.message });
  });

  it('say that a node shell’s or a copy’s pod is being deleted when its tab closes, and when it is', async () => {
    vi.useFakeTimers();
    let answer: (v: boolean) => void = () => {};
    closeAnswer = () => new Promise((r) => (answer = r));
    const n = openTerminal('kind', nodeShell).key;
    terminalStarted(n, { id: 's1', debug: { namespace: 'kube-system', pod: 'node-shell-kwok-node-1-abcde', container: 'shell', kind: 'node-shell' } });
    closeTerminal(n);
    expect(calls).toEqual([['TerminalClose', ['s1']]]);
    expect(getDockState().tabs).toEqual([]);
    expect(getDockState().notices.map((x) => x.text)).toEqual(['Deleting pod kube-system/node-shell-kwok-node-1-abcde…']);
    answer(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(getDockState().notices.map((x) => x.text)).toEqual(['Deleted pod kube-system/node-shell-kwok-node-1-abcde']);
    await vi.advanceTimersByTimeAsync(6000);
    expect(getDockState().notices).toEqual([]);
  });

  it('close an exec, an attach or a kept copy without a word about pods', () => {
    const kept: TerminalStart = { kind: 'debug', request: { namespace: 'team-a', pod: 'web-1', copy: true, image: 'busybox', deleteCopy: false } };
    for (const s of [exec, attach, kept]) {
      const k = openTerminal('kind', s).key;
      terminalStarted(k, { id: k });
      expect(deletesPod(tab(k))).toBe(false);
      closeTerminal(k);
    }
    expect(calls.map(([name]) => name)).toEqual(['TerminalClose', 'TerminalClose', 'TerminalClose']);
    expect(getDockState().notices).toEqual([]);
  });

  it('explain what a terminal that is not an exec does', () => {
    const a = openTerminal('kind', attach).key;
    expect(terminalBanner(tab(a))?.text).toMatch(/^Typing goes to the container’s main process; closing detaches/);
    terminalStarted(a, { id: 'a', noInput: true });
    expect(terminalBanner(tab(a))?.text).toBe('This container reads no input: output only.');
    const d = openTerminal('kind', ephemeral).key;
    terminalStarted(d, { id: 'd', debug: { namespace: 'team-a', pod: 'web-1', container: 'debugger-abcde', kind: 'ephemeral' } });
    expect(terminalBanner(tab(d))?.text).toMatch(/debugger-abcde stays in pod team-a\/web-1 until the pod is deleted/);
    const n = openTerminal('kind', nodeShell).key;
    expect(terminalBanner(tab(n))).toBeNull();
    terminalStarted(n, { id: 'n', debug: { namespace: 'kube-system', pod: 'node-shell-x', container: 'shell', kind: 'node-shell' } });
    expect(terminalBanner(tab(n))?.text).toMatch(/^Privileged pod kube-system\/node-shell-x on node kwok-node-1 .* closing this tab deletes it\.$/);
    expect(terminalBanner(tab(openTerminal('kind', exec).key))).toBeNull();
  });
});
