// Typed wrappers for the write actions, access checks, logs, terminals,
// port-forwards and drain. Commands go through the one command client
// (api/client.ts), streams through the one NDJSON transport (api/openStream.ts).
import { callCommand } from './client';
import { decoded, HEARTBEAT_TIMEOUT_MS, streamNdjson, streamUrl } from './openStream';

// ---- DTOs (mirroring app/actions, app/access, app/forward, app/terminal, app/logs) ----

export type ResultAction = 'created' | 'configured' | 'unchanged' | 'updated' | 'deleted';

export interface OpResult {
  kind: string;
  name: string;
  namespace?: string;
  action?: ResultAction;
  error?: string;
  /** HTTP status of a failure (403, 409, 422…). */
  status?: number;
  /** The server's result (or dry-run result), Secret values hidden. */
  yaml?: string;
  /** The object on the server now: for a diff, or after a 409 conflict. */
  live?: string;
}

export interface Ref {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name: string;
}

export type Propagation = 'background' | 'foreground' | 'orphan';

export interface Revision {
  revision: number;
  replicaSet: string;
  changeCause?: string;
  images: string[];
  created: string;
  current: boolean;
}

export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessDecision extends AccessCheck {
  allowed: boolean;
  /** e.g. "needs: delete pods in team-a". */
  reason?: string;
}

export interface DrainOptions {
  force: boolean;
  deleteEmptyDirData: boolean;
  /** -1: the pod's own grace period. */
  gracePeriodSeconds: number;
  timeoutSeconds: number;
}

export interface DrainProgress {
  type: 'cordoned' | 'pods' | 'evicting' | 'evicted' | 'waiting' | 'done' | 'error';
  pod?: string;
  namespace?: string;
  pods?: string[];
  message?: string;
}

export interface ForwardRequest {
  context: string;
  namespace: string;
  kind: 'pod' | 'service';
  name: string;
  /** A port number or a port name ("80", "http"). */
  port: string;
  /** 0: a free port. */
  localPort: number;
}

export interface Forward {
  id: string;
  request: ForwardRequest;
  pod: string;
  podPort: number;
  localPort: number;
  url: string;
  state: 'active' | 'failed';
  message?: string;
  started: string;
}

export interface TerminalRequest {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  cols: number;
  rows: number;
}

export interface TerminalSession {
  id: string;
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

export type TerminalMessage =
  | { type: 'output'; data: string; dropped?: boolean }
  | { type: 'exit'; code: number; message: string };

/** The operation commands, method → signature. */
export interface OperationCommands {
  Apply(context: string, yaml: string, defaultNamespace: string, dryRun: boolean): OpResult[];
  Update(context: string, yaml: string, dryRun: boolean): OpResult;
  Delete(context: string, refs: Ref[], propagation: Propagation): OpResult[];
  Scale(context: string, ref: Ref, replicas: number): boolean;
  Restart(context: string, ref: Ref): boolean;
  RolloutHistory(context: string, namespace: string, name: string): Revision[];
  RolloutUndo(context: string, namespace: string, name: string, revision: number): string;
  SuspendCronJob(context: string, namespace: string, name: string, suspend: boolean): boolean;
  RunCronJob(context: string, namespace: string, name: string): string;
  Cordon(context: string, node: string, unschedulable: boolean): boolean;
  ManagedFields(context: string, ref: Ref): string;
  Access(context: string, checks: AccessCheck[]): AccessDecision[];
  TerminalStart(context: string, req: TerminalRequest): TerminalSession;
  TerminalInput(id: string, text: string): boolean;
  TerminalResize(id: string, cols: number, rows: number): boolean;
  TerminalClose(id: string): boolean;
  PortForwardStart(req: ForwardRequest): Forward;
  PortForwards(): Forward[];
  PortForwardStop(id: string): Forward[];
}

type OpName = keyof OperationCommands;

/** Calls an operation command through the one command client (api/client.ts). */
export function callOp<M extends OpName>(
  method: M,
  ...args: Parameters<OperationCommands[M]>
): Promise<ReturnType<OperationCommands[M]>> {
  return callCommand(method, args) as Promise<ReturnType<OperationCommands[M]>>;
}

export const ops: { [M in OpName]: (...args: Parameters<OperationCommands[M]>) => Promise<ReturnType<OperationCommands[M]>> } = {
  Apply: (...a) => callOp('Apply', ...a),
  Update: (...a) => callOp('Update', ...a),
  Delete: (...a) => callOp('Delete', ...a),
  Scale: (...a) => callOp('Scale', ...a),
  Restart: (...a) => callOp('Restart', ...a),
  RolloutHistory: (...a) => callOp('RolloutHistory', ...a),
  RolloutUndo: (...a) => callOp('RolloutUndo', ...a),
  SuspendCronJob: (...a) => callOp('SuspendCronJob', ...a),
  RunCronJob: (...a) => callOp('RunCronJob', ...a),
  Cordon: (...a) => callOp('Cordon', ...a),
  ManagedFields: (...a) => callOp('ManagedFields', ...a),
  Access: (...a) => callOp('Access', ...a),
  TerminalStart: (...a) => callOp('TerminalStart', ...a),
  TerminalInput: (...a) => callOp('TerminalInput', ...a),
  TerminalResize: (...a) => callOp('TerminalResize', ...a),
  TerminalClose: (...a) => callOp('TerminalClose', ...a),
  PortForwardStart: (...a) => callOp('PortForwardStart', ...a),
  PortForwards: () => callOp('PortForwards'),
  PortForwardStop: (...a) => callOp('PortForwardStop', ...a),
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
      return { type: 'error', message: s(v.message) || 'Unknown error' };
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
  options: DrainOptions,
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
