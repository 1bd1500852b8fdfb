// Package commands is the set of small request/response operations the
// frontend calls: bound as Wails methods in the desktop shell and served as
// POST /api/call/{Method} in the browser shell. Every exported method of
// Commands is such a command; each recovers from panics and returns plain
// JSON-safe DTOs, so a failing command can never take the app down.
package commands

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/forward"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// Timeout bounds every command that talks to a cluster.
const Timeout = 10 * time.Second

// Commands carries what commands need. In the browser shell each login
// session has its own Commands (its own credentials); in the desktop, one.
type Commands struct {
	version  string
	clusters *cluster.Manager
	settings *settings.Store
	managed  *kubeconfig.Managed
	terms    *terminal.Manager
	forwards *forward.Manager
	plugins  *plugins.Catalog
	log      *slog.Logger
}

// Deps are what Commands work with.
type Deps struct {
	Version  string
	Clusters *cluster.Manager
	// Settings may be nil (nothing is remembered).
	Settings *settings.Store
	// Managed is the app's own kubeconfig for clusters added in the app;
	// nil where adding clusters is not offered (the browser shell).
	Managed *kubeconfig.Managed
	// Plugins are the plugin folders as last scanned (nil: no plugins);
	// shared by every Commands of the process.
	Plugins *plugins.Catalog
	Log     *slog.Logger
}

// New returns the commands over their dependencies.
func New(d Deps) *Commands {
	if d.Settings == nil {
		d.Settings = settings.New("")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	return &Commands{version: d.Version, clusters: d.Clusters, settings: d.Settings, managed: d.Managed,
		terms: terminal.NewManager(), forwards: forward.NewManager(), plugins: d.Plugins, log: d.Log}
}

// Every exported method of Commands is bound to the frontend, so what the
// Go side alone uses is reached through these functions instead.

// Close ends what c started (terminal sessions, port-forwards); for app exit.
func Close(c *Commands) {
	c.terms.Close()
	c.forwards.Close()
	if c.clusters != nil {
		c.clusters.Close() // credential plugin reports
	}
}

// Terminals returns the terminal sessions of c (for the stream handler).
func Terminals(c *Commands) *terminal.Manager { return c.terms }

// Clusters returns the connection manager of c (for the stream handlers).
func Clusters(c *Commands) *cluster.Manager { return c.clusters }

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
	if c == nil || c.log == nil {
		return slog.Default()
	}
	return c.log
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
		return VersionInfo{Version: c.version}, nil
	})
}
