package commands

import (
	"github.com/kubedeck/kubedeck/app/debug"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// TerminalSession names a started terminal; its output is read from
// GET /api/stream/terminal?id=.
type TerminalSession struct {
	ID string `json:"id"`
	// NoInput: the container reads no input (an attach to a container
	// without stdin); the terminal shows its output only.
	NoInput bool `json:"noInput,omitempty"`
	// Debug is what was created for the terminal (a debug container, a
	// copy of a pod, a node shell pod).
	Debug *debug.Created `json:"debug,omitempty"`
}

// TerminalStart runs a command (a shell, usually) in a container with a TTY,
// or with req.Attach connects to the container's main process (kubectl
// attach: stdin and TTY as the container's spec has them). Both can change
// anything inside the container, so a read-only context refuses them.
func (c *Commands) TerminalStart(contextName string, req terminal.Request) (TerminalSession, error) {
	return guard(c, "TerminalStart", func() (TerminalSession, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return TerminalSession{}, err
		}
		req.Context = contextName
		if req.Attach {
			ctx, cancel := timeout()
			defer cancel()
			if err := attachSpec(ctx, conn, &req); err != nil {
				return TerminalSession{}, err
			}
		}
		s, err := c.s.Terminals().Start(conn.Config, conn.Clientset, req)
		if err != nil {
			return TerminalSession{}, err
		}
		c.s.Log().Info("terminal started", "context", contextName, "namespace", req.Namespace, "pod", req.Pod, "container", req.Container, "attach", req.Attach)
		return TerminalSession{ID: s.ID, NoInput: req.NoStdin}, nil
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
