// A view frame's one component (a page, a details section or the settings
// page) rendered with the frame's React: props from "init" and later "props"
// messages (a section's live object), a cluster client bound to the context
// and namespace on screen, the settings. An error boundary turns a throw
// into "failed"; the first commit is the view's "registered".
import { Component, useEffect, useMemo, useSyncExternalStore, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ViewProps, ViewSpec } from '../features/plugins/sandbox/protocol';
import type { KubeObject } from '../features/plugins/types';
import { frameClient } from './client';
import type { Registrations } from './registrations';
import type { Rpc } from './rpc';
import type { SettingsCache } from './settings';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Props as the component may rely on them: strings where strings are promised, an object or none. */
export function cleanProps(p: ViewProps): ViewProps {
  const v: Record<string, unknown> = { ...p };
  const out: ViewProps = { context: typeof v.context === 'string' ? v.context : '', namespace: typeof v.namespace === 'string' ? v.namespace : '' };
  if (isObj(v.object)) out.object = v.object;
  return out;
}

/** The props on screen; "props" messages replace them. */
export class PropsStore {
  private listeners = new Set<() => void>();
  private props: ViewProps;

  constructor(props: ViewProps) {
    this.props = cleanProps(props);
  }

  readonly get = (): ViewProps => this.props;

  set(props: ViewProps): void {
    this.props = cleanProps(props);
    for (const l of this.listeners) l();
  }

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

type AnyComponent = ComponentType<Record<string, unknown>>;

/** The registered component a view asks for, or why there is none. */
export function pickComponent(reg: Registrations, spec: ViewSpec | undefined): { component: AnyComponent; kind: ViewSpec['kind'] } | string {
  if (!spec) return 'The view frame was given no view to render';
  let c: unknown;
  if (spec.kind === 'route') c = reg.routes.find((r) => r.path === spec.path)?.component;
  else if (spec.kind === 'section') c = reg.sections[spec.index]?.component;
  else c = reg.settings?.component;
  if (typeof c === 'function') return { component: c as AnyComponent, kind: spec.kind };
  if (spec.kind === 'route') return `The plugin registered no page "${spec.path}"`;
  return spec.kind === 'section' ? `The plugin registered no section ${spec.index}` : 'The plugin registered no settings page';
}

interface BoundaryProps {
  onError: (message: string) => void;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError(error instanceof Error ? error.message : String(error));
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

interface ViewDeps {
  component: AnyComponent;
  kind: ViewSpec['kind'];
  store: PropsStore;
  settings: SettingsCache;
  rpc: Rpc;
  onRendered: () => void;
}

function View({ component: C, kind, store, settings, rpc, onRendered }: ViewDeps) {
  const props = useSyncExternalStore(store.subscribe, store.get);
  useSyncExternalStore(settings.subscribe, settings.version);
  const client = useMemo(() => frameClient(rpc, props.context, props.namespace), [rpc, props.context, props.namespace]);
  useEffect(() => onRendered(), [onRendered]);
  const base = { client, context: props.context, namespace: props.namespace };
  if (kind === 'settings') return <C {...base} settings={settings.api} />;
  if (kind === 'section') return <C {...base} object={props.object ?? ({} satisfies KubeObject)} />;
  return <C {...base} />;
}

export interface RenderedView {
  unmount: () => void;
}

/** Renders the view into container; onRendered after the first commit, onError when it throws. */
export function renderView(container: Element, deps: ViewDeps, onError: (message: string) => void): RenderedView {
  const root = createRoot(container);
  root.render(
    <Boundary onError={onError}>
      <View {...deps} />
    </Boundary>,
  );
  return { unmount: () => root.unmount() };
}
