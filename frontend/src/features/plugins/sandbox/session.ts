// One connected plugin frame (background or view): the channel, the RPC
// server for its calls, its settings, and what the browser refused it. The
// role-specific messages (registered, column values, size...) go to the
// owner's handler.
import type { Capabilities } from '../../../api/contract.gen';
import { currentLanguage } from '../../../i18n';
import type { PluginInfo } from '../backend';
import { registry } from '../registry';
import type { Refusal } from './capabilities';
import { hostTheme } from './hostTheme';
import { connectFrame, type FramePort } from './hostPort';
import type { FrameMessage, HostMessage, Role, Theme, ViewProps, ViewSpec } from './protocol';
import { TokenBucket } from './rateLimit';
import { RpcServer, type ClientFactory } from './rpc';
import { onSettings, readSettings, writeSetting } from './settingsStore';

/** What frames need from the rest of the app (replaced in tests). */
export interface FrameEnv {
  connect: typeof connectFrame;
  /** Whether a context is read-only now (the host keeps this in step with the preferences). */
  readOnly: (context: string) => boolean;
  /** The cluster and namespace on screen: the background frame's requests go there. */
  scope: { context: string; namespace: string };
  theme: () => Theme;
  language: () => string;
  info: (id: string) => PluginInfo | undefined;
  refuse: (id: string, r: Refusal) => void;
  bucket: (id: string) => TokenBucket;
  client?: ClientFactory;
  /** Timeouts in ms (tests shorten them): start (ready/registered), heartbeat period, heartbeat answer. */
  timing?: { ready: number; ping: number; pong: number };
}

const buckets = new Map<string, TokenBucket>();

export const hostEnv: FrameEnv = {
  connect: connectFrame,
  // Until the preferences are known, writes are refused (the safe side).
  readOnly: () => true,
  scope: { context: '', namespace: '' },
  theme: hostTheme,
  language: currentLanguage,
  info: (id) => registry.info(id),
  refuse: (id, r) => registry.refuse(id, r),
  bucket: (id) => {
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = new TokenBucket()));
    return b;
  },
};

/** The frame document's URL space: the plugin's main module inside it. */
export function moduleUrl(info: PluginInfo): string {
  const base = new URL(info.frameUrl ?? '', globalThis.location.href);
  return new URL(`plugin/${info.main.replace(/^\.?\//, '')}`, base).href;
}

export interface SessionOptions {
  info: PluginInfo;
  role: Role;
  iframe: HTMLIFrameElement;
  env: FrameEnv;
  /** Where its calls go (a view: the props' context). */
  scope: () => { context: string; namespace: string };
  view?: ViewSpec;
  props?: () => ViewProps;
  onMessage: (m: FrameMessage) => void;
  onNavigated: () => void;
}

export class FrameSession {
  private readonly port: FramePort;
  private readonly rpc: RpcServer;
  private readonly offSettings: () => void;
  /** Init went out: later messages may follow (earlier ones are dropped: init carries the state of then). */
  private started = false;

  constructor(private readonly o: SessionOptions) {
    const id = o.info.id;
    this.rpc = new RpcServer({
      pluginId: id,
      granted: () => this.granted(),
      scope: o.scope,
      readOnly: (c) => o.env.readOnly(c),
      bucket: o.env.bucket(id),
      refuse: (r) => o.env.refuse(id, r),
      post: (m) => this.post(m),
      ...(o.env.client ? { client: o.env.client } : {}),
    });
    this.offSettings = onSettings(id, (settings) => {
      if (this.granted()?.settings) this.post({ type: 'settings', settings });
    });
    this.port = o.env.connect(o.iframe, { onConnect: () => this.init(), onMessage: (m) => this.dispatch(m), onNavigated: o.onNavigated });
  }

  /** The grant now (a new approval applies at once). */
  private granted(): Capabilities | undefined {
    return (this.o.env.info(this.o.info.id) ?? this.o.info).granted;
  }

  private init(): void {
    const { info, role, env, view, props } = this.o;
    this.started = true;
    this.post({
      type: 'init',
      role,
      plugin: { id: info.id, name: info.name, version: info.version },
      moduleUrl: moduleUrl(info),
      language: env.language(),
      theme: env.theme(),
      settings: this.granted()?.settings ? readSettings(info.id) : {},
      ...(view ? { view } : {}),
      ...(props ? { props: props() } : {}),
    });
  }

  private dispatch(m: FrameMessage): void {
    const id = this.o.info.id;
    switch (m.type) {
      case 'call':
        this.rpc.handle(m.id, m.call);
        return;
      case 'settings-set': {
        const target = m.key.slice(0, 100);
        if (!this.granted()?.settings) this.o.env.refuse(id, { action: 'settings', target, reason: 'not-granted' });
        else if (!this.o.env.bucket(id).take() || !writeSetting(id, m.key, m.value)) this.o.env.refuse(id, { action: 'settings', target, reason: 'flooding' });
        return;
      }
      case 'refused':
        // Reports take tokens too: a frame cannot flood the page with them (the excess is dropped).
        if (this.o.env.bucket(id).take()) this.o.env.refuse(id, { action: 'browser', target: m.what.slice(0, 300), reason: 'csp' });
        return;
      default:
        this.o.onMessage(m);
    }
  }

  post(m: HostMessage): boolean {
    return this.started && this.port.post(m);
  }

  close(): void {
    this.offSettings();
    this.rpc.close();
    this.port.close();
  }
}
