package commands

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/kubedeck/kubedeck/app/session"
)

// ErrWrongKey is a Gate call without the app key.
var ErrWrongKey = errors.New("refused: wrong app key")

// Gate is the one object the desktop binds to the page (instead of the
// Commands themselves). WebKit exposes its message handler to every frame
// of the page and Wails does not check which frame posts, so any binding is
// callable from a plugin's frame: the gate answers only calls that carry the
// per-launch app key, which only the app's own page knows, and dispatches
// them exactly as POST /api/call/<method> does.
type Gate struct {
	key string
	c   *Commands
	d   *Dispatcher
}

// NewGate returns the gate to the commands of s, opened by key (a random
// per-launch secret; an empty key opens nothing).
func NewGate(key string, s *session.Session) *Gate {
	return &Gate{key: key, c: For(s), d: NewDispatcher()}
}

// Call runs command method with args (a JSON array of its arguments, or
// null for none) if key is the app key, and returns its JSON result.
func (g *Gate) Call(key, method string, args json.RawMessage) (json.RawMessage, error) {
	if g.key == "" || subtle.ConstantTimeCompare([]byte(key), []byte(g.key)) != 1 {
		logger(g.c).Warn("command refused: wrong app key", "command", method)
		return nil, fmt.Errorf("%s: %w", method, ErrWrongKey)
	}
	var list []json.RawMessage
	if trimmed := bytes.TrimSpace(args); len(trimmed) > 0 && !bytes.Equal(trimmed, []byte("null")) {
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return nil, fmt.Errorf("%s: the arguments must be a JSON array: %w", method, ErrArguments)
		}
	}
	res, err := g.d.Call(g.c, method, list)
	if err != nil {
		return nil, err
	}
	out, err := json.Marshal(res)
	if err != nil {
		return nil, fmt.Errorf("%s: encode the result: %w", method, err)
	}
	return out, nil
}
