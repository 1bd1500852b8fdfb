// A view of a plugin (a page, a details section, its settings page) in its
// own sandboxed frame: sized to the height the frame reports, titled with the
// plugin and the view, themed and translated like the host (and told when
// either changes), given the live props, with focus moving in and out on Tab.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTheme } from '../../theme';
import type { PluginInfo } from './backend';
import { frames } from './host';
import { entryEdge, focusAround } from './sandbox/focus';
import { sandboxedFrame } from './sandbox/hostPort';
import type { FrameMessage, ViewProps, ViewSpec } from './sandbox/protocol';
import { FrameSession, hostEnv } from './sandbox/session';
import { READY_TIMEOUT_MS } from './sandbox/frames';

export const MIN_FRAME_HEIGHT = 48;
export const MAX_FRAME_HEIGHT = 8000;

export interface PluginFrameProps {
  info: PluginInfo;
  view: ViewSpec;
  props: ViewProps;
  /** The accessible name: the plugin and the view ("Node taints: Taints"). */
  title: string;
}

type ViewState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: string };

const viewKey = (v: ViewSpec) => (v.kind === 'route' ? `route:${v.path}` : v.kind === 'section' ? `section:${v.index}` : 'settings');

export const clampHeight = (h: number): number => Math.round(Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, h)));

export function PluginFrame({ info, view, props, title }: PluginFrameProps) {
  const { t, i18n } = useTranslation();
  const { theme } = useTheme();
  const box = useRef<HTMLDivElement>(null);
  const session = useRef<FrameSession | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const viewRef = useRef(view);
  viewRef.current = view;
  const [state, setState] = useState<ViewState>({ status: 'loading' });
  const key = viewKey(view);

  useEffect(() => {
    const host = box.current;
    if (!host || !info.frameUrl) return;
    setState({ status: 'loading' });
    const iframe = sandboxedFrame(info.frameUrl, title);
    iframe.className = 'plugin-frame';
    iframe.style.height = `${MIN_FRAME_HEIGHT}px`;
    const fail = (error: string) => {
      setState({ status: 'failed', error });
      frames.fail(info.id, error);
    };
    const onMessage = (m: FrameMessage) => {
      if (m.type === 'size') iframe.style.height = `${clampHeight(m.height)}px`;
      else if (m.type === 'registered') {
        clearTimeout(timer);
        setState({ status: 'ready' });
      } else if (m.type === 'failed') fail(m.message.slice(0, 2000));
      else if (m.type === 'focus-out') focusAround(iframe, m.direction);
    };
    const s = new FrameSession({
      info,
      role: 'view',
      iframe,
      env: hostEnv,
      scope: () => ({ context: propsRef.current.context, namespace: propsRef.current.namespace }),
      view: viewRef.current,
      props: () => propsRef.current,
      onMessage,
      onNavigated: () => fail(t('plugins.errors.navigated')),
    });
    const timer = setTimeout(() => fail(t('plugins.errors.timeout', { what: t('plugins.errors.starting'), seconds: READY_TIMEOUT_MS / 1000 })), READY_TIMEOUT_MS);
    const onFocus = (e: FocusEvent) => s.post({ type: 'focus', edge: entryEdge(iframe, e.relatedTarget) });
    iframe.addEventListener('focus', onFocus);
    session.current = s;
    host.appendChild(iframe);
    return () => {
      clearTimeout(timer);
      iframe.removeEventListener('focus', onFocus);
      s.close();
      iframe.remove();
      session.current = null;
    };
    // The frame is made again only for another plugin load or another view; props, theme and language are sent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [info.id, info.frameUrl, key]);

  const { context, namespace, object } = props;
  useEffect(() => {
    session.current?.post({ type: 'props', props: object === undefined ? { context, namespace } : { context, namespace, object } });
  }, [context, namespace, object]);
  useEffect(() => {
    session.current?.post({ type: 'theme', theme: hostEnv.theme() });
  }, [theme]);
  useEffect(() => {
    session.current?.post({ type: 'language', language: i18n.language });
  }, [i18n.language]);
  useEffect(() => {
    const f = box.current?.querySelector('iframe');
    f?.setAttribute('title', title);
  }, [title]);

  return (
    <div className="plugin-frame-box" ref={box} data-plugin={info.id} aria-busy={state.status === 'loading'}>
      {state.status === 'failed' && (
        <p className="plugin-crashed" role="alert">
          {t('plugins.crashed', { plugin: info.name, error: state.error })}
        </p>
      )}
    </div>
  );
}
