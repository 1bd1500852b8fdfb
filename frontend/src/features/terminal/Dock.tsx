// The dock at the bottom of a cluster pane: its terminals as tabs, and the
// port-forwards. It shows once there is something in it; its height can be
// dragged; it stays while the user navigates.
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useForwards } from '../forwards/forwardsStore';
import { ForwardsPanel } from '../forwards/ForwardsPanel';
import { closeTerminal, dismissNotice, FORWARDS_TAB, selectDockTab, setDockOpen, terminalTitle, useDockState } from './terminalStore';
import './terminal.css';

// xterm.js loads with the first terminal, not with the app.
const TerminalView = lazy(() => import('./TerminalView').then((m) => ({ default: m.TerminalView })));

export function Dock({ context, active }: { context: string; active: boolean }) {
  const dock = useDockState();
  const { forwards } = useForwards();
  const { t: tr } = useTranslation();
  const [height, setHeight] = useState(320);
  const drag = useRef<{ y: number; h: number } | null>(null);
  const tabs = dock.tabs.filter((t) => t.context === context);
  const notices = dock.notices.filter((n) => n.context === context);
  const open = dock.open[context] ?? true;
  if (tabs.length === 0 && forwards.length === 0 && notices.length === 0) return null;
  const keys = [FORWARDS_TAB, ...tabs.map((t) => t.key)];
  const sel = keys.includes(dock.selected[context] ?? '') ? (dock.selected[context] as string) : (tabs[tabs.length - 1]?.key ?? FORWARDS_TAB);
  const activeForwards = forwards.filter((f) => f.state === 'active').length;

  const onKey = (e: KeyboardEvent, key: string) => {
    const i = keys.indexOf(key);
    const next = e.key === 'ArrowRight' ? keys[(i + 1) % keys.length] : e.key === 'ArrowLeft' ? keys[(i - 1 + keys.length) % keys.length] : undefined;
    if (next) {
      e.preventDefault();
      selectDockTab(context, next);
      document.getElementById(`dock-${context}-${next}`)?.focus();
    }
  };
  const startDrag = (e: PointerEvent) => {
    drag.current = { y: e.clientY, h: height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const moveDrag = (e: PointerEvent) => {
    if (!drag.current) return;
    setHeight(Math.max(140, Math.min(window.innerHeight - 160, drag.current.h + drag.current.y - e.clientY)));
  };

  return (
    <section className={`dock${open ? '' : ' collapsed'}`} aria-label={tr('terminal.dock.label')} style={open ? { height } : undefined}>
      {open && (
        <div
          className="dock-resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label={tr('terminal.dock.resize')}
          onPointerDown={startDrag}
          onPointerMove={moveDrag}
          onPointerUp={() => (drag.current = null)}
        />
      )}
      <div className="dock-bar">
        <div role="tablist" aria-label={tr('terminal.dock.tabs')} className="dock-tabs">
          <button
            type="button"
            role="tab"
            id={`dock-${context}-${FORWARDS_TAB}`}
            aria-selected={sel === FORWARDS_TAB}
            tabIndex={sel === FORWARDS_TAB ? 0 : -1}
            onClick={() => selectDockTab(context, FORWARDS_TAB)}
            onKeyDown={(e) => onKey(e, FORWARDS_TAB)}
          >
            {tr('terminal.dock.forwards', { count: activeForwards })}
          </button>
          {tabs.map((t) => {
            const title = terminalTitle(t);
            return (
              <span key={t.key} className={`dock-tab${sel === t.key ? ' selected' : ''}`}>
                <button
                  type="button"
                  role="tab"
                  id={`dock-${context}-${t.key}`}
                  aria-selected={sel === t.key}
                  tabIndex={sel === t.key ? 0 : -1}
                  title={title}
                  onClick={() => selectDockTab(context, t.key)}
                  onKeyDown={(e) => onKey(e, t.key)}
                >
                  <span className={`status-dot ${t.state === 'open' ? 'ok' : t.state === 'starting' ? 'warn' : 'muted'}`} aria-hidden="true" />
                  <span className={`dock-tab-title kind-${t.kind}`}>{title}</span>
                </button>
                <button type="button" className="dock-close" aria-label={tr('terminal.dock.close', { name: title })} onClick={() => closeTerminal(t.key)}>
                  ✕
                </button>
              </span>
            );
          })}
        </div>
        {notices.map((n) => (
          <span key={n.id} className={`dock-notice ${n.tone}`} role="status">
            {n.text}
            {n.tone === 'ok' && (
              <button type="button" className="link-button" aria-label={tr('terminal.dock.dismiss')} onClick={() => dismissNotice(n.id)}>
                ✕
              </button>
            )}
          </span>
        ))}
        <span className="log-spacer" />
        <button type="button" className="btn small" aria-expanded={open} onClick={() => setDockOpen(context, !open)}>
          {open ? tr('terminal.dock.hide') : tr('terminal.dock.show')}
        </button>
      </div>
      <div className="dock-body" hidden={!open}>
        {sel === FORWARDS_TAB && <ForwardsPanel />}
        {tabs.length > 0 && (
          <Suspense fallback={<p className="muted terminal-loading">Loading the terminal…</p>}>
            {tabs.map((t) => (
              <TerminalView key={t.key} tab={t} visible={open && active && sel === t.key} />
            ))}
          </Suspense>
        )}
      </div>
    </section>
  );
}
