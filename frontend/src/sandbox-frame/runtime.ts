// The frame runtime: speaks protocol.ts with the host on the port the host
// transferred, loads the plugin on "init" and serves it: a background frame
// reports what the plugin registered and answers column and action
// requests; a view frame renders the component asked for. Every message is
// checked with isHostMessage; anything else is dropped.
import { isHostMessage, type FrameMessage, type HostMessage } from '../features/plugins/sandbox/protocol';
import { frameApi } from './api';
import { answerColumns, runAction } from './background';
import { defaultSlicing, type Slicing } from './columns';
import { focusEdge, trackFocusEdges } from './focus';
import { Translations } from './i18n';
import { activatePlugin, browserImport, LOAD_TIMEOUT_MS, type Importer } from './load';
import { emptyRegistrations, registeredData, type Registrations } from './registrations';
import { reportRefusals } from './refusals';
import { Rpc } from './rpc';
import { SettingsCache } from './settings';
import { defaultSizeDeps, reportSize, type SizeDeps } from './size';
import { applyLanguage, applyTheme } from './theme';
import { pickComponent, PropsStore, renderView } from './view';

export interface RuntimeDeps {
  doc: Document;
  importer: Importer;
  timeoutMs: number;
  slicing: Slicing;
  size: SizeDeps;
}

type Init = Extract<HostMessage, { type: 'init' }>;

interface Loaded {
  role: Init['role'];
  registrations: Registrations;
  translations: Translations;
  settings: SettingsCache;
  store: PropsStore;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

class FrameRuntime {
  private readonly rpc: Rpc;
  private readonly stops: (() => void)[] = [];
  private loaded: Loaded | null = null;
  private running = false;
  private failed = false;

  constructor(
    private readonly port: MessagePort,
    private readonly deps: RuntimeDeps,
  ) {
    this.rpc = new Rpc(this.send);
    this.stops.push(reportRefusals(deps.doc, this.send));
    port.onmessage = (e: MessageEvent<unknown>) => {
      if (!isHostMessage(e.data)) return;
      try {
        this.handle(e.data);
      } catch (err) {
        console.error('kubedeck frame: message failed', err);
      }
    };
    this.send({ type: 'ready' });
  }

  private readonly send = (m: FrameMessage): void => {
    try {
      this.port.postMessage(m);
    } catch (e) {
      console.error('kubedeck frame: could not post', m.type, e);
    }
  };

  private fail(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.running = false;
    this.send({ type: 'failed', message });
  }

  private registered(l: Loaded): void {
    this.running = true;
    this.send({ type: 'registered', registered: registeredData(l.registrations, l.translations.all()) });
  }

  private async load(init: Init): Promise<void> {
    const { doc } = this.deps;
    applyTheme(doc, init.theme);
    applyLanguage(doc, init.language);
    const l: Loaded = {
      role: init.role,
      registrations: emptyRegistrations(),
      translations: new Translations(init.language),
      settings: new SettingsCache(init.settings, this.send),
      store: new PropsStore(init.props ?? { context: '', namespace: '' }),
    };
    this.loaded = l;
    const kd = frameApi({ plugin: init.plugin, registrations: l.registrations, translations: l.translations, settings: l.settings });
    try {
      // Relative to the frame's document (/plugin-frame/<token>/), not to the runtime's script in assets/.
      const url = new URL(init.moduleUrl, doc.baseURI).href;
      const cleanup = await activatePlugin(url, kd, this.deps.importer, this.deps.timeoutMs);
      if (cleanup) this.stops.push(cleanup);
    } catch (e) {
      return this.fail(errorText(e));
    }
    if (this.failed) return;
    if (init.role === 'view') this.showView(l, init);
    else this.registered(l);
  }

  private showView(l: Loaded, init: Init): void {
    const picked = pickComponent(l.registrations, init.view);
    if (typeof picked === 'string') return this.fail(picked);
    const { doc } = this.deps;
    const container = doc.getElementById('root') ?? doc.body;
    let rendered = false;
    const onRendered = () => {
      if (rendered || this.failed) return;
      rendered = true;
      this.registered(l);
      this.stops.push(reportSize(container, this.send, this.deps.size), trackFocusEdges(doc, this.send));
    };
    const deps = { ...picked, store: l.store, settings: l.settings, rpc: this.rpc, onRendered };
    const view = renderView(container, deps, (message) => this.fail(`The view failed: ${message}`));
    this.stops.push(view.unmount);
  }

  private handle(m: HostMessage): void {
    if (m.type === 'ping') return this.send({ type: 'pong', seq: m.seq });
    if (m.type === 'init') {
      if (!this.loaded) void this.load(m);
      return;
    }
    if (this.loaded && !this.rpc.handle(m)) this.handleLoaded(this.loaded, m);
  }

  private handleLoaded(l: Loaded, m: HostMessage): void {
    const serving = this.running && l.role === 'background';
    switch (m.type) {
      case 'props':
        return l.store.set(m.props);
      case 'theme':
        return void applyTheme(this.deps.doc, m.theme);
      case 'language':
        applyLanguage(this.deps.doc, m.language);
        return l.translations.setLanguage(m.language);
      case 'settings':
        return l.settings.replace(m.settings);
      case 'columns':
        if (serving) void answerColumns(m, l.registrations, this.deps.slicing, this.send);
        else this.send({ type: 'column-values', request: m.request, values: {}, error: NOT_RUNNING });
        return;
      case 'action':
        if (serving) void runAction(m, l.registrations, this.rpc, this.send);
        else this.send({ type: 'action-done', request: m.request, error: NOT_RUNNING });
        return;
      case 'focus':
        return focusEdge(this.deps.doc, m.edge, this.send);
    }
  }

  stop(): void {
    this.port.onmessage = null;
    for (const stop of this.stops.splice(0)) {
      try {
        stop();
      } catch (err) {
        console.error('kubedeck frame: cleanup failed', err);
      }
    }
    this.port.close();
  }
}

const NOT_RUNNING = 'The plugin is not running in this frame';

/** Starts serving the port; returns the function that stops (unmounts the view, runs the plugin's cleanup, closes the port). */
export function startRuntime(port: MessagePort, partial: Partial<RuntimeDeps> = {}): () => void {
  const deps: RuntimeDeps = { doc: document, importer: browserImport, timeoutMs: LOAD_TIMEOUT_MS, slicing: defaultSlicing, size: defaultSizeDeps(), ...partial };
  const runtime = new FrameRuntime(port, deps);
  return () => runtime.stop();
}
