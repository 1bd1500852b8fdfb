package session

import (
	"errors"
	"fmt"
	"github.com/kubedeck/kubedeck/app/debug"
	"log/slog"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/forward"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// ErrReadOnly is returned by every write on a read-only context.
var ErrReadOnly = errors.New("this context is read-only in Kubedeck: turn the read-only switch off to change anything")

// Session is what one user works with: cluster connections (with that
// user's credentials), terminal sessions and port-forwards, and the
// settings and plugin folders they share with the process. In the browser
// shell each login has one; the desktop has one.
type Session struct {
	version  string
	clusters *cluster.Manager
	settings *settings.Store
	managed  *kubeconfig.Managed
	terms    *terminal.Manager
	forwards *forward.Manager
	plugins  *plugins.Catalog
	frames   *frameTokens
	debug    *debug.Ledger
	files    FilePicker
	log      *slog.Logger
}

// FilePicker asks the user for a local file or folder with the native
// dialogs (the desktop shell); "" when the user cancelled.
type FilePicker interface {
	SaveFile(title, defaultName string) (string, error)
	OpenFile(title string) (string, error)
	OpenFolder(title string) (string, error)
}

// Deps are what a Session works with.
type Deps struct {
	Version  string
	Clusters *cluster.Manager
	// Settings may be nil (nothing is remembered).
	Settings *settings.Store
	// Managed is the app's own kubeconfig for clusters added in the app;
	// nil where adding clusters is not offered (the browser shell).
	Managed *kubeconfig.Managed
	// Plugins are the plugin folders as last scanned (nil: no plugins);
	// shared by every Session of the process.
	Plugins *plugins.Catalog
	// Debug lists the debug pods to delete (shared by every Session of the
	// process); nil keeps it in memory.
	Debug *debug.Ledger
	// Files picks local files (nil: no native dialogs, the browser shell).
	Files FilePicker
	Log   *slog.Logger
}

// New returns a session over its dependencies, with no terminals or
// forwards yet.
func New(d Deps) *Session {
	if d.Settings == nil {
		d.Settings = settings.New("")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Debug == nil {
		d.Debug = debug.NewLedger("")
	}
	return &Session{version: d.Version, clusters: d.Clusters, settings: d.Settings, managed: d.Managed,
		terms: terminal.NewManager(), forwards: forward.NewManager(), plugins: d.Plugins, frames: newFrameTokens(),
		debug: d.Debug, files: d.Files, log: d.Log}
}

// Close ends what s started (terminal sessions, port-forwards, credential
// plugin reports); for logout and app exit.
func (s *Session) Close() {
	s.terms.Close()
	s.forwards.Close()
	if s.clusters != nil {
		s.clusters.Close()
	}
}

// Version is the app's version.
func (s *Session) Version() string { return s.version }

// Clusters are the session's cluster connections.
func (s *Session) Clusters() *cluster.Manager { return s.clusters }

// Settings are the app's remembered choices.
func (s *Session) Settings() *settings.Store { return s.settings }

// Managed is the app's own kubeconfig (nil: adding clusters is off).
func (s *Session) Managed() *kubeconfig.Managed { return s.managed }

// Terminals are the session's terminal sessions.
func (s *Session) Terminals() *terminal.Manager { return s.terms }

// Forwards are the session's port-forwards.
func (s *Session) Forwards() *forward.Manager { return s.forwards }

// Plugins is the plugin catalog (nil: no plugins).
func (s *Session) Plugins() *plugins.Catalog { return s.plugins }

// Log is the session's logger.
func (s *Session) Log() *slog.Logger { return s.log }

// Debug is the ledger of debug pods to delete.
func (s *Session) Debug() *debug.Ledger { return s.debug }

// Files is the native file picker, nil where there is none.
func (s *Session) Files() FilePicker { return s.files }

// Conn returns the connection to a context's cluster.
func (s *Session) Conn(contextName string) (*cluster.Conn, error) {
	return s.clusters.Get(contextName)
}

// Writable returns the connection of a context that may be changed. It
// fails closed: when the settings (which hold the read-only switches)
// cannot be read, every context is read-only.
func (s *Session) Writable(contextName string) (*cluster.Conn, error) {
	prefs, err := s.settings.Load()
	if err != nil {
		return nil, fmt.Errorf("%w: Kubedeck's settings could not be read, so every context is read-only until the file is fixed or removed (%w)", ErrReadOnly, err)
	}
	if prefs.Contexts[contextName].ReadOnly {
		return nil, ErrReadOnly
	}
	return s.clusters.Get(contextName)
}

// DrainConn returns the connection of a context a drain may change.
func (s *Session) DrainConn(contextName string) (*cluster.Conn, error) {
	conn, err := s.Writable(contextName)
	if err != nil {
		return nil, fmt.Errorf("drain: %w", err)
	}
	return conn, nil
}

// Terminal returns a running terminal session of s.
func (s *Session) Terminal(id string) (*terminal.Session, error) {
	return s.terms.Get(id)
}
