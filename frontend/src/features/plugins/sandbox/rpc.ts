// The host's side of a plugin's cluster client. Every "call" a frame posts is
// rate-limited (the plugin's token bucket), checked against the grant and the
// context's read-only switch, then made with the host's clusterClient (which
// tags it with X-Kubedeck-Plugin; the Go side checks again). Answers go back
// as "reply", watch events as "watch-event" under the call's id. A refusal
// is answered (refused: true) and reported, so the user sees it.
import type { Capabilities } from '../../../api/contract.gen';
import { ApiError, errorMessage } from '../../../api/errors';
import { clusterClient as defaultClient } from '../clusterClient';
import type { ClusterClient } from '../types';
import { checkCall, type Refusal } from './capabilities';
import type { Call, CallError, HostMessage } from './protocol';
import type { TokenBucket } from './rateLimit';
import { refusalText } from './refusalText';

/** Watches one plugin may keep open at once (each is a connection). */
export const MAX_WATCHES = 32;

export type ClientFactory = (pluginId: string, context: string, namespace: string) => ClusterClient;

export interface RpcDeps {
  pluginId: string;
  granted: () => Capabilities | undefined;
  /** The cluster and namespace the frame's requests go to. */
  scope: () => { context: string; namespace: string };
  readOnly: (context: string) => boolean;
  bucket: TokenBucket;
  refuse: (r: Refusal) => void;
  post: (m: HostMessage) => void;
  client?: ClientFactory;
}

function callError(e: unknown): CallError {
  const err: CallError = { message: errorMessage(e) };
  if (e instanceof ApiError && e.status !== undefined) err.status = e.status;
  return err;
}

export class RpcServer {
  private watches = new Map<number, () => void>();
  private aborts = new Set<AbortController>();
  private closed = false;

  constructor(private readonly d: RpcDeps) {}

  /** Handles one call of the frame. */
  handle(id: number, call: Call): void {
    if (this.closed) return;
    const refusal = this.refusal(call);
    if (refusal) {
      this.d.refuse(refusal);
      this.reply(id, { message: refusalText(refusal), refused: true });
      return;
    }
    const { context, namespace } = this.d.scope();
    const client = (this.d.client ?? defaultClient)(this.d.pluginId, context, namespace);
    if (call.method === 'watch') this.watch(id, client, call);
    else if (call.method === 'unwatch') this.unwatch(id, call.watch);
    else void this.once(id, client, call);
  }

  private refusal(call: Call): Refusal | null {
    if (call.method === 'unwatch') return null;
    if (!this.d.bucket.take()) return { action: 'call', target: call.method, reason: 'flooding' };
    if (call.method === 'watch' && this.watches.size >= MAX_WATCHES) return { action: 'call', target: 'watch', reason: 'flooding' };
    return checkCall(call, { granted: this.d.granted(), readOnly: this.d.readOnly(this.d.scope().context) });
  }

  private reply(id: number, error: CallError | null, value?: unknown): void {
    if (this.closed) return;
    this.d.post(error ? { type: 'reply', id, ok: false, error } : { type: 'reply', id, ok: true, value: value ?? null });
  }

  private async once(id: number, client: ClusterClient, call: Exclude<Call, { method: 'watch' | 'unwatch' }>): Promise<void> {
    const ctl = new AbortController();
    this.aborts.add(ctl);
    try {
      let value: unknown;
      const ns = call.namespace === undefined ? {} : { namespace: call.namespace };
      switch (call.method) {
        case 'list':
          value = await client.list(call.kind, { ...ns, ...(call.labelSelector ? { labelSelector: call.labelSelector } : {}), signal: ctl.signal });
          break;
        case 'get':
          value = await client.get(call.kind, call.name, { ...ns, signal: ctl.signal });
          break;
        case 'apply':
          value = await client.apply(call.yaml, { ...ns, ...(call.dryRun ? { dryRun: true } : {}) });
          break;
        case 'delete':
          value = await client.delete(call.kind, call.name, ns);
          break;
      }
      this.reply(id, null, value);
    } catch (e) {
      this.reply(id, callError(e));
    } finally {
      this.aborts.delete(ctl);
    }
  }

  private watch(id: number, client: ClusterClient, call: Extract<Call, { method: 'watch' }>): void {
    const options = { ...(call.namespace === undefined ? {} : { namespace: call.namespace }), ...(call.labelSelector ? { labelSelector: call.labelSelector } : {}) };
    const stop = client.watch(call.kind, options, (event) => {
      if (!this.closed && this.watches.has(id)) this.d.post({ type: 'watch-event', id, event });
    });
    this.watches.set(id, stop);
  }

  private unwatch(id: number, watch: number): void {
    this.watches.get(watch)?.();
    this.watches.delete(watch);
    this.reply(id, null);
  }

  /** Stops every watch and pending request (the frame went away). */
  close(): void {
    this.closed = true;
    for (const stop of this.watches.values()) stop();
    this.watches.clear();
    for (const c of this.aborts) c.abort();
    this.aborts.clear();
  }
}
