// A pod's Terminal tab: pick a container and a shell (or a command), open a
// terminal in the dock below (it stays open while you navigate).
import { Trans, useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { shellCommand, type ShellChoice } from './shell';
import { openTerminal, useDockState } from './terminalStore';
import './terminal.css';

/** The shells offered; "custom" takes a typed command. */
const SHELLS = ['sh', 'bash', 'custom'] as const;

export function TerminalLauncher({ context, namespace, pod, containers }: {
  context: string;
  namespace: string;
  pod: string;
  /** Running containers first. */
  containers: string[];
}) {
  const id = useId();
  const { t } = useTranslation();
  const [container, setContainer] = useState(containers[0] ?? '');
  const [shell, setShell] = useState<ShellChoice>('sh');
  const customRef = useRef<HTMLInputElement>(null);
  // Choosing "custom" moves focus to its command box (the user asked for it; nothing steals focus on load).
  useEffect(() => {
    if (shell === 'custom') customRef.current?.focus();
  }, [shell]);
  const [custom, setCustom] = useState('');
  const dock = useDockState();
  const command = shellCommand(shell, custom);
  const open = dock.tabs.filter((t) => t.context === context && t.pod === pod && t.namespace === namespace && (t.kind === 'exec' || t.kind === 'attach' || t.kind === 'debug'));
  const ok = container !== '' && command.length > 0;

  return (
    <form
      className="terminal-launcher"
      aria-label={t('terminal.launcher.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) openTerminal(context, { kind: 'exec', namespace, pod, container, command });
      }}
    >
      <div className="launcher-row">
        <label htmlFor={`${id}-c`}>{t('terminal.launcher.container')}</label>
        <select id={`${id}-c`} value={container} onChange={(e) => setContainer(e.target.value)}>
          {containers.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="launcher-row">
        <legend>{t('terminal.launcher.shell')}</legend>
        {SHELLS.map((s) => (
          <label key={s} className="check">
            <input type="radio" name={`${id}-shell`} value={s} checked={shell === s} onChange={() => setShell(s)} />
            {s === 'custom' ? t('terminal.launcher.command') : s}
          </label>
        ))}
        {shell === 'custom' && (
          <input
            ref={customRef}
            aria-label={t('terminal.launcher.command')}
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            placeholder={t('terminal.launcher.example')}
            size={36}
          />
        )}
      </fieldset>
      <div className="launcher-row">
        <button type="submit" className="btn primary" disabled={!ok}>
          {t('terminal.launcher.open')}
        </button>
        <span className="muted">
          <Trans
            i18nKey="terminal.launcher.runs"
            values={{ command: command.join(' ') || '…', container: container || t('terminal.launcher.theContainer') }}
            components={{ code: <code /> }}
          />
        </span>
      </div>
      {open.length > 0 && (
        <p className="muted" role="status">
          {t('terminal.launcher.openCount', { count: open.length })}
        </p>
      )}
    </form>
  );
}
