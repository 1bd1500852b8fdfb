// One terminal: xterm.js in the page, the session's output read as a stream
// while the tab is on screen (hidden tabs let the backend buffer it, so they
// hold no connection), keystrokes and resizes sent as small calls in order.
import { useTranslation } from 'react-i18next';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { t as translate } from '../../i18n';
import { base64Bytes, ops, streamTerminal } from '../../api/operations';
import { onThemeChange, termTheme } from './termTheme';
import { deletesPod, startSession, terminalBanner, terminalFailed, terminalStarted, terminalTitle, updateTerminal, type TerminalTab } from './terminalStore';

export interface TerminalViewProps {
  tab: TerminalTab;
  visible: boolean;
}

/** Sends input in order, merging keystrokes typed while a call is on its way. */
function inputQueue(id: string, onError: (e: unknown) => void): (data: string) => void {
  let pending = '';
  let busy = false;
  const pump = async () => {
    busy = true;
    while (pending) {
      const chunk = pending;
      pending = '';
      try {
        await ops.TerminalInput(id, chunk);
      } catch (e) {
        onError(e);
        pending = '';
      }
    }
    busy = false;
  };
  return (data) => {
    pending += data;
    if (!busy) void pump();
  };
}

export function TerminalView({ tab, visible }: TerminalViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<{ term: Terminal; fit: FitAddon } | null>(null);
  const { t } = useTranslation();
  const [note, setNote] = useState<string | null>(null);
  const sessionId = tab.sessionId;
  // The tab as it is now, for the effects' messages (they restart on what they follow, not on every change).
  const latest = useRef(tab);
  latest.current = tab;

  // The terminal itself, once per tab.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const term = new Terminal({
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace',
      fontSize: 13,
      cursorBlink: true,
      scrollback: 5000,
      theme: termTheme(),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    try {
      fit.fit();
    } catch {
      // not laid out yet
    }
    termRef.current = { term, fit };
    const stopTheme = onThemeChange(() => {
      term.options.theme = termTheme();
    });
    return () => {
      stopTheme();
      term.dispose();
      termRef.current = null;
    };
  }, []);

  // Start the session with the terminal's size.
  useEffect(() => {
    const cur = termRef.current;
    if (!cur || tab.state !== 'starting' || tab.sessionId) return;
    let cancelled = false;
    const { term } = cur;
    startSession(tab.context, tab.start, { cols: term.cols, rows: term.rows }).then(
      (s) => {
        if (cancelled) {
          void ops.TerminalClose(s.id).catch(() => {});
          return;
        }
        terminalStarted(tab.key, s);
      },
      (e: unknown) => {
        if (cancelled) return;
        const msg = errorMessage(e);
        const what = tab.start.kind === 'exec' ? tab.start.command.join(' ') : terminalTitle(latest.current);
        term.write(`\r\n\x1b[31m${translate('terminal.view.startFailed', { command: what, error: msg })}\x1b[0m\r\n`);
        terminalFailed(tab.key, e, msg);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [tab.key, tab.state, tab.sessionId, tab.context, tab.start]);

  // Keystrokes and pastes go to the session; Ctrl+Shift+C/V copy and paste.
  useEffect(() => {
    const cur = termRef.current;
    if (!cur || !sessionId || tab.state !== 'open') return;
    const send = inputQueue(sessionId, (e) => setNote(translate('terminal.view.inputFailed', { error: errorMessage(e) })));
    const { term } = cur;
    // A container without stdin hears nothing: keys are not sent (the banner says so).
    const data = tab.noInput ? null : term.onData(send);
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
      if (e.code === 'KeyC') {
        if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => setNote(translate('terminal.view.copyUnavailable')));
        return false;
      }
      if (e.code === 'KeyV') {
        void navigator.clipboard
          ?.readText()
          .then((text) => text && term.paste(text))
          .catch(() => setNote(translate('terminal.view.pasteUnavailableKeys')));
        return false;
      }
      return true;
    });
    return () => data?.dispose();
  }, [sessionId, tab.state, tab.noInput]);

  // Output, while the tab is on screen.
  useEffect(() => {
    const cur = termRef.current;
    if (!cur || !sessionId || tab.state !== 'open' || !visible) return;
    const ctl = new AbortController();
    const { term } = cur;
    streamTerminal(
      sessionId,
      (m) => {
        if (m.type === 'output') {
          if (m.dropped) term.write(`\r\n\x1b[33m[${translate('terminal.view.dropped')}]\x1b[0m\r\n`);
          term.write(base64Bytes(m.data));
        } else {
          const text = m.message === 'closed' ? translate('terminal.view.sessionClosed') : m.message ? translate('terminal.view.exitMessage', { message: m.message, code: m.code }) : translate('terminal.view.exited', { code: m.code });
          term.write(`\r\n\x1b[2m[${text}]\x1b[0m\r\n`);
          const now = latest.current;
          if (deletesPod(now) && now.pod) term.write(`\x1b[2m[${translate('terminal.view.podDeleted', { pod: `${now.namespace}/${now.pod}` })}]\x1b[0m\r\n`);
          updateTerminal(tab.key, { state: 'ended', message: text });
        }
      },
      ctl.signal,
    ).catch((e: unknown) => {
      if (ctl.signal.aborted) return;
      const msg = errorMessage(e);
      const gone = /no terminal session/i.test(msg);
      const text = gone ? translate('terminal.view.endedHidden') : translate('terminal.view.outputFailed', { error: msg });
      term.write(`\r\n\x1b[2m[${text}]\x1b[0m\r\n`);
      updateTerminal(tab.key, { state: 'ended', message: text });
    });
    return () => ctl.abort();
  }, [sessionId, tab.state, tab.key, visible]);

  // The size follows the dock; the session hears about changes.
  useEffect(() => {
    const t = termRef.current;
    const host = hostRef.current;
    if (!t || !host || !visible) return;
    let last = `${t.term.cols}x${t.term.rows}`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refit = () => {
      try {
        t.fit.fit();
      } catch {
        return;
      }
      const now = `${t.term.cols}x${t.term.rows}`;
      if (now === last || !sessionId || tab.state !== 'open') return;
      last = now;
      clearTimeout(timer);
      timer = setTimeout(() => void ops.TerminalResize(sessionId, t.term.cols, t.term.rows).catch(() => {}), 80);
    };
    refit();
    const ro = new ResizeObserver(refit);
    ro.observe(host);
    if (visible) t.term.focus();
    return () => {
      ro.disconnect();
      clearTimeout(timer);
    };
  }, [visible, sessionId, tab.state]);

  const copy = () => {
    const sel = termRef.current?.term.getSelection() ?? '';
    if (!sel) {
      setNote(t('terminal.view.selectFirst'));
      return;
    }
    navigator.clipboard?.writeText(sel).then(
      () => setNote(t('terminal.view.copied')),
      () => setNote(translate('terminal.view.copyUnavailable')),
    );
  };
  const paste = () => {
    navigator.clipboard?.readText().then(
      (text) => {
        if (text) termRef.current?.term.paste(text);
        termRef.current?.term.focus();
      },
      () => setNote(t('terminal.view.pasteUnavailable')),
    );
  };

  const title = terminalTitle(tab);
  const banner = terminalBanner(tab);
  return (
    <div className="terminal-view" hidden={!visible}>
      <div className="terminal-tools">
        <span className="terminal-where">
          {tab.kind === 'exec' ? (
            <>
              {tab.namespace}/{tab.pod} · {tab.container} · <code>{tab.command.join(' ')}</code>
            </>
          ) : tab.pod ? (
            `${title} · ${tab.namespace}`
          ) : (
            title
          )}
        </span>
        <span className={`terminal-state ${tab.state}`} role="status" title={tab.message}>
          {tab.state === 'starting' ? t('terminal.view.starting') : tab.state === 'open' ? t('terminal.view.connected') : (tab.message ?? t('terminal.view.ended'))}
        </span>
        {note && <span className="terminal-note">{note}</span>}
        <span className="log-spacer" />
        <button type="button" className="btn small" onClick={copy} title={t('terminal.view.copyKeys')}>
          {t('terminal.view.copy')}
        </button>
        <button type="button" className="btn small" onClick={paste} disabled={tab.state !== 'open' || tab.noInput === true} title={t('terminal.view.pasteKeys')}>
          {t('terminal.view.paste')}
        </button>
      </div>
      {banner && (
        <p className={`terminal-banner ${banner.tone}`} role="note">
          {banner.text}
        </p>
      )}
      <div className="terminal-host" ref={hostRef} role="region" aria-label={t('terminal.view.label', { name: title })} />
    </div>
  );
}
