// A pod's Terminal tab: pick a container and a shell (or a command), open a
// terminal in the dock below (it stays open while you navigate).
import { useEffect, useId, useRef, useState } from 'react';
import { shellCommand, type ShellChoice } from './shell';
import { openTerminal, useDockState } from './terminalStore';
import './terminal.css';

export function TerminalLauncher({ context, namespace, pod, containers }: {
  context: string;
  namespace: string;
  pod: string;
  /** Running containers first. */
  containers: string[];
}) {
  const id = useId();
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
  const open = dock.tabs.filter((t) => t.context === context && t.pod === pod && t.namespace === namespace);
  const ok = container !== '' && command.length > 0;

  return (
    <form
      className="terminal-launcher"
      aria-label="Open a terminal"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) openTerminal({ context, namespace, pod, container, command });
      }}
    >
      <div className="launcher-row">
        <label htmlFor={`${id}-c`}>Container</label>
        <select id={`${id}-c`} value={container} onChange={(e) => setContainer(e.target.value)}>
          {containers.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="launcher-row">
        <legend>Shell</legend>
        {(['sh', 'bash', 'custom'] as const).map((s) => (
          <label key={s} className="check">
            <input type="radio" name={`${id}-shell`} value={s} checked={shell === s} onChange={() => setShell(s)} />
            {s === 'custom' ? 'Command' : s}
          </label>
        ))}
        {shell === 'custom' && (
          <input
            ref={customRef}
            aria-label="Command"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            placeholder="e.g. python3 -i, or sh -c 'top -b'"
            size={36}
          />
        )}
      </fieldset>
      <div className="launcher-row">
        <button type="submit" className="btn primary" disabled={!ok}>
          Open terminal
        </button>
        <span className="muted">
          Runs <code>{command.join(' ') || '…'}</code> in {container || 'the container'}; the terminal opens in the dock below.
        </span>
      </div>
      {open.length > 0 && (
        <p className="muted" role="status">
          {open.length} terminal{open.length === 1 ? '' : 's'} into this pod open in the dock.
        </p>
      )}
    </form>
  );
}
