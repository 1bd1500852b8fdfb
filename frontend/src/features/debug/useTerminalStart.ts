// Opening a terminal from a dialog: the tab opens in the dock at once, the
// dialog waits for its session to start. A refusal closes the tab and stays
// in the dialog (with the form as typed); a dialog closed meanwhile leaves
// the tab to show how the start went.
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { TerminalSession } from '../../api/operations';
import { closeTerminal, openTerminal, type TerminalStart } from '../terminal/terminalStore';

export function useTerminalStart(context: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  /** The session once started, null when it failed (error says why) or the dialog is gone. */
  const start = async (s: TerminalStart): Promise<TerminalSession | null> => {
    setBusy(true);
    setError(null);
    const { key, started } = openTerminal(context, s);
    try {
      const session = await started;
      return open.current ? session : null;
    } catch (e) {
      if (open.current) {
        closeTerminal(key);
        setError(errorMessage(e));
        setBusy(false);
      }
      return null;
    }
  };
  return { busy, error, setError, start };
}
