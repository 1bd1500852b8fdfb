package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/kubedeck/kubedeck/app/atomicfile"
	"github.com/kubedeck/kubedeck/app/plugins"
)

// Context holds what is remembered per kubeconfig context.
type Context struct {
	// Namespace is the namespace last shown ("" = all).
	Namespace string `json:"namespace,omitempty"`
	// ExtraNamespaces are namespaces the user added by hand (for users who
	// may not list namespaces).
	ExtraNamespaces []string `json:"extraNamespaces,omitempty"`
	// ReadOnly turns every write action off for this context.
	ReadOnly bool `json:"readOnly,omitempty"`
	// NodeShellImage and NodeShellNamespace are where node shells run
	// ("" = the defaults of app/debug).
	NodeShellImage     string `json:"nodeShellImage,omitempty"`
	NodeShellNamespace string `json:"nodeShellNamespace,omitempty"`
}

// Plugin is the user's decision about one plugin.
type Plugin struct {
	// ApprovedHash is the content hash the user approved; a changed plugin
	// has another hash and asks again.
	ApprovedHash string `json:"approvedHash,omitempty"`
	Disabled     bool   `json:"disabled,omitempty"`
	// Granted is what the user granted with the approval, pinned to the
	// same hash (replaced together). Nil for an approval made before
	// plugins had capabilities: it grants nothing.
	Granted *plugins.Capabilities `json:"granted,omitempty"`
	// Asked is what the plugin requested when the user approved it: a
	// development plugin keeps its approval across saves only while what
	// it requests stays within this (see session.StateOf).
	Asked *plugins.Capabilities `json:"asked,omitempty"`
}

// Grant is what d grants (nothing when no grant was stored).
func (d Plugin) Grant() plugins.Capabilities {
	if d.Granted == nil {
		return plugins.Capabilities{}
	}
	return *d.Granted
}

// Settings is the whole file.
type Settings struct {
	LastContext string             `json:"lastContext,omitempty"`
	Contexts    map[string]Context `json:"contexts,omitempty"`
	Plugins     map[string]Plugin  `json:"plugins,omitempty"`
	// DebugImages are the debug container images used, latest first.
	DebugImages []string `json:"debugImages,omitempty"`
}

// Store reads and writes the settings file.
type Store struct {
	path string
	mu   sync.Mutex
}

// DefaultPath is settings.json in the user's config folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w", err)
	}
	return filepath.Join(dir, "kubedeck", "settings.json"), nil
}

// New returns a store over path; the file need not exist.
func New(path string) *Store { return &Store{path: path} }

// Load returns the settings; a missing file gives empty settings.
func (s *Store) Load() (Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load()
}

func (s *Store) load() (Settings, error) {
	out := Settings{Contexts: map[string]Context{}, Plugins: map[string]Plugin{}}
	if s.path == "" {
		return out, nil
	}
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return out, fmt.Errorf("read settings: %w", err)
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return Settings{Contexts: map[string]Context{}, Plugins: map[string]Plugin{}}, fmt.Errorf("settings file %s is damaged: %w", s.path, err)
	}
	if out.Contexts == nil {
		out.Contexts = map[string]Context{}
	}
	if out.Plugins == nil {
		out.Plugins = map[string]Plugin{}
	}
	return out, nil
}

// Update applies fn to the settings and saves them atomically.
func (s *Store) Update(fn func(*Settings)) (Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.load()
	if err != nil {
		return cur, err
	}
	fn(&cur)
	if s.path == "" {
		return cur, nil
	}
	return cur, writeAtomic(s.path, cur)
}

func writeAtomic(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode settings: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create settings folder: %w", err)
	}
	if err := atomicfile.WriteFile(path, b, 0o600); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}

// AddUnique appends v to list unless it is there.
func AddUnique(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
