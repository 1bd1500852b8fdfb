// The background frames: one hidden sandboxed frame per enabled plugin. It
// runs the plugin's activate() and reports what it registered (data: the
// registry's contributions, its translations added to the host's i18n); it
// computes list column values and runs app-bar actions on request. A frame
// that fails, never reports within READY_TIMEOUT_MS or navigates away fails
// its plugin alone; one that stops answering the heartbeat is marked not
// responding (its card offers to disable it).
import { errorMessage } from '../../../api/errors';
import { t } from '../../../i18n';
import type { PluginInfo } from '../backend';
import { addPluginTranslations } from '../pluginI18n';
import type { PluginRegistry } from '../registry';
import { sandboxedFrame } from './hostPort';
import type { ColumnValues, FrameMessage, HostMessage, ViewProps, WireObject } from './protocol';
import { toContributions, translationsOf } from './registered';
import { FrameSession, hostEnv, type FrameEnv } from './session';

export const READY_TIMEOUT_MS = 10_000;
export const PING_EVERY_MS = 2_000;
export const PONG_TIMEOUT_MS = 6_000;

interface Pending {
  resolve: (v: ColumnValues | undefined) => void;
  reject: (e: Error) => void;
}

class BackgroundFrame {
  private readonly iframe: HTMLIFrameElement;
  private readonly session: FrameSession;
  private readonly pending = new Map<number, Pending>();
  private nextRequest = 1;
  private seq = 0;
  private lastPong = 0;
  private readyTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private readonly timing: { ready: number; ping: number; pong: number };

  constructor(
    readonly info: PluginInfo,
    private readonly gen: number,
    private readonly reg: PluginRegistry,
    env: FrameEnv,
    container: HTMLElement,
  ) {
    this.iframe = sandboxedFrame(info.frameUrl ?? '', t('plugins.frame.background', { name: info.name }));
    this.iframe.tabIndex = -1;
    this.iframe.setAttribute('aria-hidden', 'true');
    this.session = new FrameSession({
      info,
      role: 'background',
      iframe: this.iframe,
      env,
      scope: () => env.scope,
      onMessage: (m) => this.onMessage(m),
      onNavigated: () => this.fail(t('plugins.errors.navigated')),
    });
    this.timing = env.timing ?? { ready: READY_TIMEOUT_MS, ping: PING_EVERY_MS, pong: PONG_TIMEOUT_MS };
    this.readyTimer = setTimeout(() => this.fail(t('plugins.errors.timeout', { what: t('plugins.errors.starting'), seconds: this.timing.ready / 1000 })), this.timing.ready);
    container.appendChild(this.iframe);
  }

  private onMessage(m: FrameMessage): void {
    switch (m.type) {
      case 'registered':
        this.onRegistered(m.registered);
        return;
      case 'failed':
        this.fail(m.message.slice(0, 2000));
        return;
      case 'pong':
        this.lastPong = performance.now();
        this.reg.setResponding(this.info.id, this.gen, true);
        return;
      case 'column-values':
        this.settle(m.request, m.error, m.values);
        return;
      case 'action-done':
        this.settle(m.request, m.error);
        return;
      default:
        // ready, size, focus-out: nothing to do for a hidden frame.
        return;
    }
  }

  private onRegistered(report: unknown): void {
    clearTimeout(this.readyTimer);
    try {
      const contributions = toContributions(report);
      addPluginTranslations(this.info.id, translationsOf(report));
      this.reg.registered(this.info.id, this.gen, contributions);
    } catch (e) {
      this.fail(t('plugins.errors.registered', { error: errorMessage(e) }));
      return;
    }
    this.lastPong = performance.now();
    this.pingTimer = setInterval(() => this.heartbeat(), this.timing.ping);
  }

  private heartbeat(): void {
    this.session.post({ type: 'ping', seq: ++this.seq });
    if (performance.now() - this.lastPong > this.timing.pong) this.reg.setResponding(this.info.id, this.gen, false);
  }

  private settle(request: number, error: string | undefined, values?: ColumnValues): void {
    const p = this.pending.get(request);
    if (!p) return;
    this.pending.delete(request);
    if (error !== undefined) p.reject(new Error(error.slice(0, 2000)));
    else p.resolve(values);
  }

  private fail(message: string): void {
    this.reg.fail(this.info.id, message, this.gen);
    this.stop();
  }

  /** Posts a request and waits for its answer (rejects when the frame goes away). */
  request(make: (request: number) => HostMessage): Promise<ColumnValues | undefined> {
    if (this.stopped) return Promise.reject(new Error(t('plugins.errors.stopped')));
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(request, { resolve, reject });
      if (!this.session.post(make(request))) {
        this.pending.delete(request);
        reject(new Error(t('plugins.errors.stopped')));
      }
    });
  }

  post(m: HostMessage): void {
    this.session.post(m);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.readyTimer);
    clearInterval(this.pingTimer);
    this.session.close();
    this.iframe.remove();
    for (const p of this.pending.values()) p.reject(new Error(t('plugins.errors.stopped')));
    this.pending.clear();
  }
}

/** Starts, reloads and stops the background frames as the plugin list changes. */
export class BackgroundFrames {
  private readonly frames = new Map<string, BackgroundFrame>();
  private box: HTMLElement | null = null;

  constructor(
    private readonly reg: PluginRegistry,
    private readonly env: FrameEnv = hostEnv,
  ) {}

  /** The hidden box the frames live in (made once, at the end of <body>). */
  private container(): HTMLElement {
    if (this.box?.isConnected) return this.box;
    const box = document.createElement('div');
    box.className = 'plugin-frames';
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;visibility:hidden;border:0';
    document.body.appendChild(box);
    this.box = box;
    return box;
  }

  /** Brings the frames (and the registry) in line with a plugin list. */
  reconcile(list: PluginInfo[]): void {
    this.reg.setList(list);
    const wanted = new Map(list.filter((p) => p.state === 'enabled' && p.frameUrl).map((p) => [p.id, p]));
    for (const id of this.reg.snapshot().loaded.keys()) {
      if (!wanted.has(id)) this.unload(id);
    }
    for (const p of wanted.values()) {
      const cur = this.reg.snapshot().loaded.get(p.id);
      if (!cur || cur.frameUrl !== p.frameUrl) this.start(p);
    }
  }

  private start(info: PluginInfo): void {
    this.frames.get(info.id)?.stop();
    const gen = this.reg.begin(info.id, info.frameUrl ?? '');
    this.frames.set(info.id, new BackgroundFrame(info, gen, this.reg, this.env, this.container()));
  }

  /** Stops a plugin's frame and forgets what it contributed. */
  unload(id: string): void {
    this.frames.get(id)?.stop();
    this.frames.delete(id);
    this.reg.unload(id);
  }

  /** Fails a plugin from outside its background frame (one of its views failed). */
  fail(id: string, message: string): void {
    this.reg.fail(id, message);
    this.frames.get(id)?.stop();
  }

  /** Loads a plugin again (after a failure). */
  retry(id: string): void {
    this.unload(id);
    this.reconcile(this.reg.snapshot().list ?? []);
  }

  /** Values of column `column` for these objects (key → cell). */
  async columns(id: string, column: number, objects: { key: string; object: WireObject }[]): Promise<ColumnValues> {
    const f = this.frames.get(id);
    if (!f) throw new Error(t('plugins.errors.stopped'));
    return (await f.request((request) => ({ type: 'columns', request, column, objects }))) ?? {};
  }

  /** Runs app-bar action `index`; rejects with the action's error. */
  async action(id: string, index: number, props: ViewProps): Promise<void> {
    const f = this.frames.get(id);
    if (!f) throw new Error(t('plugins.errors.stopped'));
    await f.request((request) => ({ type: 'action', request, index, props }));
  }

  /** Tells every background frame (theme, language). */
  broadcast(m: HostMessage): void {
    for (const f of this.frames.values()) f.post(m);
  }

  /** Stops every frame (tests). */
  stopAll(): void {
    for (const id of [...this.frames.keys()]) this.unload(id);
  }
}
