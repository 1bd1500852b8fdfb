package commands

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/kubedeck/kubedeck/app/session"
)

// Timeout bounds every command that talks to a cluster.
const Timeout = 10 * time.Second

// Commands are the operations over one Session (its clusters, terminals,
// forwards, settings): stateless themselves, so For(s) is cheap.
type Commands struct {
	s *session.Session
}

// Deps are what New's session works with.
type Deps = session.Deps

// For returns the commands over session s.
func For(s *session.Session) *Commands { return &Commands{s: s} }

// New returns the commands over a new session of d (for tests and tools;
// the shells make the Session and use For).
func New(d Deps) *Commands { return For(session.New(d)) }

// Every exported method of Commands is callable from the frontend, so what the
// Go side alone uses is reached through these functions instead.

// Close closes c's session (terminal sessions, port-forwards).
func Close(c *Commands) { c.s.Close() }

// guard runs fn, turning a panic into an error and logging it. Every
// exported method runs its body through guard (TestEveryCommandUsesGuard).
func guard[T any](c *Commands, name string, fn func() (T, error)) (res T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			res, err = zero, fmt.Errorf("internal error in %s: %v", name, r)
			logger(c).Error("command panicked", "command", name, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	return fn()
}

// logger is c's logger, or the default one when c has none (a zero
// Commands must still report its panics).
func logger(c *Commands) *slog.Logger {
	if c == nil || c.s == nil {
		return slog.Default()
	}
	return c.s.Log()
}

func timeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), Timeout)
}

// VersionInfo is the app's version.
type VersionInfo struct {
	Version string `json:"version"`
}

// Version returns the app's version.
func (c *Commands) Version() (VersionInfo, error) {
	return guard(c, "Version", func() (VersionInfo, error) {
		return VersionInfo{Version: c.s.Version()}, nil
	})
}
