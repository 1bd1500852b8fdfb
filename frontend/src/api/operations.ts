// Typed wrappers for the write actions, access checks, logs, terminals,
// port-forwards, drain and debugging (debug containers, node shells). Commands go through the one command client
// (api/client.ts), streams through the one NDJSON transport (api/openStream.ts).
import { call, type CommandFns } from './client';
import type * as wire from './contract.gen';
import { decoded, HEARTBEAT_TIMEOUT_MS, streamNdjson, streamUrl } from './openStream';
import { t } from '../i18n';

// ---- DTOs: the generated contract's, under the names the UI uses ----

export type { ForwardState, ResultAction, Revision, DrainOptions, ForwardRequest, Forward, TerminalRequest, TerminalSession } from './contract.gen';
/** One object (the contract names it ActionsRef: app/helm has a Ref of its own). */
export type Ref = wire.ActionsRef;
export type { DebugCreated, DebugPod, DebugRequest, NodeShellRequest } from './contract.gen';
/** The outcome for one object (app/actions Result). */
export type OpResult = wire.ActionsResult;
export type AccessCheck = wire.Check;
/** A check's answer; reason is e.g. "needs: delete pods in team-a". */
export type AccessDecision = wire.Decision;

export type Propagation = 'background' | 'foreground' | 'orphan';

export interface DrainProgress {
  type: 'cordoned' | 'pods' | 'evicting' | 'evicted' | 'waiting' | 'done' | 'error';
  pod?: string;
  namespace?: string;
  pods?: string[];
  message?: string;
}

export interface LogLine {
  pod: string;
  container: string;
  /** RFC 3339 (nano) time stamp from the runtime. */
  time: string;
  text: string;
}

export type LogMessage =
  | { type: 'lines'; lines: LogLine[] }
  | { type: 'status'; pod: string; message: string }
  | { type: 'heartbeat' }
  | { type: 'error'; message: string };

export type TerminalMessage = wire.TerminalMessage;

type OpName =
  | 'Apply'
  | 'Update'
  | 'Delete'
  | 'Scale'
  | 'Restart'
  | 'RolloutHistory'
  | 'RolloutUndo'
  | 'SuspendCronJob'
  | 'RunCronJob'
  | 'Cordon'
  | 'ManagedFields'
  | 'Access'
  | 'TerminalStart'
  | 'TerminalInput'
  | 'TerminalResize'
  | 'TerminalClose'
  | 'PortForwardStart'
  | 'PortForwards'
  | 'PortForwardStop'
  | 'DebugStart'
  | 'NodeShellStart'
  | 'DebugPods'
  | 'DebugPodDelete'
  | 'SetNodeShell';

export const ops: CommandFns<OpName> = {
  Apply: (...a) => call('Apply', ...a),
  Update: (...a) => call('Update', ...a),
  Delete: (...a) => call('Delete', ...a),
  Scale: (...a) => call('Scale', ...a),
  Restart: (...a) => call('Restart', ...a),
  RolloutHistory: (...a) => call('RolloutHistory', ...a),
  RolloutUndo: (...a) => call('RolloutUndo', ...a),
  SuspendCronJob: (...a) => call('SuspendCronJob', ...a),
  RunCronJob: (...a) => call('RunCronJob', ...a),
  Cordon: (...a) => call('Cordon', ...a),
  ManagedFields: (...a) => call('ManagedFields', ...a),
  Access: (...a) => call('Access', ...a),
  TerminalStart: (...a) => call('TerminalStart', ...a),
  TerminalInput: (...a) => call('TerminalInput', ...a),
  TerminalResize: (...a) => call('TerminalResize', ...a),
  TerminalClose: (...a) => call('TerminalClose', ...a),
  PortForwardStart: (...a) => call('PortForwardStart', ...a),
  PortForwards: () => call('PortForwards'),
  PortForwardStop: (...a) => call('PortForwardStop', ...a),
  DebugStart: (...a) => call('DebugStart', ...a),
  NodeShellStart: (...a) => call('NodeShellStart', ...a),
  DebugPods: (...a) => call('DebugPods', ...a),
  DebugPodDelete: (...a) => call('DebugPodDelete', ...a),
  SetNodeShell: (...a) => call('SetNodeShell', ...a),
};

// ---- streams ----

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface LogQuery {
  context: string;
  namespace: string;
  /** One pod… */
  pod?: string;
  /** …or every pod matching a label selector. */
  selector?: string;
  /** Empty: every container (init too). */
  container?: string;
  previous?: boolean;
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
}

export function logStreamUrl(q: LogQuery): string {
  return streamUrl(
    '/api/stream/logs',
    {
      context: q.context,
      namespace: q.namespace,
      pod: q.pod,
      selector: q.pod ? undefined : q.selector,
      container: q.container,
      previous: q.previous ? 'true' : 'false',
      follow: q.follow ? 'true' : 'false',
      tailLines: q.tailLines,
      sinceSeconds: q.sinceSeconds,
    },
    true,
  );
}

export function toLogMessage(v: unknown): LogMessage | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'lines':
      return {
        type: 'lines',
        lines: Array.isArray(v.lines)
          ? v.lines.filter(isObj).map((l) => ({ pod: s(l.pod), container: s(l.container), time: s(l.time), text: s(l.text) }))
          : [],
      };
    case 'status':
      return { type: 'status', pod: s(v.pod), message: s(v.message) };
    case 'heartbeat':
      return { type: 'heartbeat' };
    case 'error':
      return { type: 'error', message: s(v.message) || t('errors.unknown') };
    default:
      return null;
  }
}

/** Streams logs until the stream ends (resolves), breaks (rejects) or the signal aborts. */
export function streamLogs(q: LogQuery, onMessage: (m: LogMessage) => void, signal: AbortSignal): Promise<void> {
  return streamNdjson(logStreamUrl(q), {
    signal,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    onMessage: decoded(toLogMessage, onMessage),
  });
}

export function toTerminalMessage(v: unknown): TerminalMessage | null {
  if (!isObj(v)) return null;
  if (v.type === 'output') return v.dropped === true ? { type: 'output', data: s(v.data), dropped: true } : { type: 'output', data: s(v.data) };
  if (v.type === 'exit') return { type: 'exit', code: typeof v.code === 'number' ? v.code : -1, message: s(v.message) };
  return null;
}

/** A terminal's output until it exits. */
export function streamTerminal(id: string, onMessage: (m: TerminalMessage) => void, signal: AbortSignal): Promise<void> {
  // No heartbeats: a terminal is silent for as long as its program prints nothing.
  return streamNdjson(streamUrl('/api/stream/terminal', { id }, true), {
    signal,
    onMessage: decoded(toTerminalMessage, onMessage),
  });
}

const DRAIN_TYPES = new Set(['cordoned', 'pods', 'evicting', 'evicted', 'waiting', 'done', 'error']);

export function toDrainProgress(v: unknown): DrainProgress | null {
  if (!isObj(v) || typeof v.type !== 'string' || !DRAIN_TYPES.has(v.type)) return null;
  const p: DrainProgress = { type: v.type as DrainProgress['type'] };
  if (typeof v.pod === 'string') p.pod = v.pod;
  if (typeof v.namespace === 'string') p.namespace = v.namespace;
  if (Array.isArray(v.pods)) p.pods = v.pods.filter((x): x is string => typeof x === 'string');
  if (typeof v.message === 'string') p.message = v.message;
  return p;
}

/** Drains a node; aborting the signal stops the drain (the node stays cordoned). */
export function streamDrain(
  context: string,
  node: string,
  options: wire.DrainOptions,
  onProgress: (p: DrainProgress) => void,
  signal: AbortSignal,
): Promise<void> {
  // No heartbeats: a drain waiting on a disruption budget may be quiet for long.
  return streamNdjson(streamUrl('/api/stream/drain', { context, node }, true), {
    init: { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' }, body: JSON.stringify(options) },
    signal,
    onMessage: decoded(toDrainProgress, onProgress),
  });
}

/** Decodes a base64 terminal chunk to bytes. */
export function base64Bytes(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Opens a URL outside the app: the Wails runtime in the desktop, a new tab in the browser. */
export function openExternal(url: string): void {
  const rt = (window as unknown as { runtime?: { BrowserOpenURL?: (u: string) => void } }).runtime;
  if (rt?.BrowserOpenURL) rt.BrowserOpenURL(url);
  else window.open(url, '_blank', 'noopener');
}
