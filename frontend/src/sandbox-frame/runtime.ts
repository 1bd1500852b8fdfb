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

/** Starts serving the port; returns the function that stops (unmounts the view, closes the port). */
export function startRuntime(port: MessagePort, partial: Partial<RuntimeDeps> = {}): () => void {
  const deps: RuntimeDeps = { doc: document, importer: browserImport, timeoutMs: LOAD_TIMEOUT_MS, slicing: defaultSlicing, size: defaultSizeDeps(), ...partial };
  const send = (m: FrameMessage) => {
    try {
      port.postMessage(m);
    } catch (e) {
      console.error('kubedeck frame: could not post', m.type, e);
    }
  };
  const rpc = new Rpc(send);
  const stops: (() => void)[] = [reportRefusals(deps.doc, send)];
  let loaded: Loaded | null = null;
  let running = false;
  let failed = false;

  const fail = (message: string) => {
    if (failed) return;
    failed = true;
    running = false;
    send({ type: 'failed', message });
  };

  const showView = (l: Loaded, init: Init) => {
    const picked = pickComponent(l.registrations, init.view);
    if (typeof picked === 'string') return fail(picked);
    const container = deps.doc.getElementById('root') ?? deps.doc.body;
    let rendered = false;
    const onRendered = () => {
      if (rendered || failed) return;
      rendered = true;
      running = true;
      send({ type: 'registered', registered: registeredData(l.registrations, l.translations.all()) });
      stops.push(reportSize(container, send, deps.size), trackFocusEdges(deps.doc, send));
    };
    const view = renderView(container, { ...picked, store: l.store, settings: l.settings, rpc, onRendered }, (message) => fail(`The view failed: ${message}`));
    stops.push(view.unmount);
  };

  const load = async (init: Init) => {
    applyTheme(deps.doc, init.theme);
    applyLanguage(deps.doc, init.language);
    const l: Loaded = {
      role: init.role,
      registrations: emptyRegistrations(),
      translations: new Translations(init.language),
      settings: new SettingsCache(init.settings, send),
      store: new PropsStore(init.props ?? { context: '', namespace: '' }),
    };
    loaded = l;
    const kd = frameApi({ plugin: init.plugin, registrations: l.registrations, translations: l.translations, settings: l.settings });
    try {
      const cleanup = await activatePlugin(init.moduleUrl, kd, deps.importer, deps.timeoutMs);
      if (cleanup) stops.push(cleanup);
    } catch (e) {
      return fail(errorText(e));
    }
    if (failed) return;
    if (init.role === 'view') return showView(l, init);
    running = true;
    send({ type: 'registered', registered: registeredData(l.registrations, l.translations.all()) });
  };

  const handle = (m: HostMessage) => {
    if (m.type === 'ping') return send({ type: 'pong', seq: m.seq });
    if (m.type === 'init') {
      if (!loaded) void load(m);
      return;
    }
    if (!loaded || rpc.handle(m)) return;
    const l = loaded;
    switch (m.type) {
      case 'props':
        return l.store.set(m.props);
      case 'theme':
        return void applyTheme(deps.doc, m.theme);
      case 'language':
        applyLanguage(deps.doc, m.language);
        return l.translations.setLanguage(m.language);
      case 'settings':
        return l.settings.replace(m.settings);
      case 'columns':
        if (running && l.role === 'background') void answerColumns(m, l.registrations, deps.slicing, send);
        else send({ type: 'column-values', request: m.request, values: {}, error: 'The plugin is not running' });
        return;
      case 'action':
        if (running && l.role === 'background') void runAction(m, l.registrations, rpc, send);
        else send({ type: 'action-done', request: m.request, error: 'The plugin is not running' });
        return;
      case 'focus':
        return focusEdge(deps.doc, m.edge, send);
    }
  };

  port.onmessage = (e: MessageEvent<unknown>) => {
    if (!isHostMessage(e.data)) return;
    try {
      handle(e.data);
    } catch (err) {
      console.error('kubedeck frame: message failed', err);
    }
  };
  send({ type: 'ready' });
  return () => {
    port.onmessage = null;
    for (const stop of stops.splice(0)) {
      try {
        stop();
      } catch (err) {
        console.error('kubedeck frame: cleanup failed', err);
      }
    }
    port.close();
  };
}
