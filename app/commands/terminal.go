package commands

import (
	"github.com/kubedeck/kubedeck/app/terminal"
)

// TerminalSession names a started terminal; its output is read from
// GET /api/stream/terminal?id=.
type TerminalSession struct {
	ID string `json:"id"`
}

// TerminalStart runs a command (a shell, usually) in a container with a TTY.
// Exec can change anything inside the container, so a read-only context
// refuses it.
func (c *Commands) TerminalStart(contextName string, req terminal.Request) (TerminalSession, error) {
	return guard(c, "TerminalStart", func() (TerminalSession, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return TerminalSession{}, err
		}
		req.Context = contextName
		s, err := c.s.Terminals().Start(conn.Config, conn.Clientset, req)
		if err != nil {
			return TerminalSession{}, err
		}
		c.s.Log().Info("terminal started", "context", contextName, "namespace", req.Namespace, "pod", req.Pod, "container", req.Container)
		return TerminalSession{ID: s.ID}, nil
	})
}

// TerminalInput sends keystrokes (text as typed or pasted).
func (c *Commands) TerminalInput(id, data string) (bool, error) {
	return guard(c, "TerminalInput", func() (bool, error) {
		s, err := c.s.Terminals().Get(id)
		if err != nil {
			return false, err
		}
		return true, s.Input([]byte(data))
	})
}

// TerminalResize follows the terminal's size in the window.
func (c *Commands) TerminalResize(id string, cols, rows uint16) (bool, error) {
	return guard(c, "TerminalResize", func() (bool, error) {
		s, err := c.s.Terminals().Get(id)
		if err != nil {
			return false, err
		}
		s.Resize(cols, rows)
		return true, nil
	})
}

// TerminalClose ends a session.
func (c *Commands) TerminalClose(id string) (bool, error) {
	return guard(c, "TerminalClose", func() (bool, error) {
		s, err := c.s.Terminals().Get(id)
		if err != nil {
			return false, nil // already ended: nothing to do
		}
		s.Close()
		return true, nil
	})
}
