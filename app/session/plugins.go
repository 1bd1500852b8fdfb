package session

import (
	"fmt"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
)

// PluginState is what the user decided about a plugin, or that it is
// invalid.
type PluginState string

// Plugin states.
const (
	PluginEnabled         PluginState = "enabled"
	PluginDisabled        PluginState = "disabled"
	PluginWaitingApproval PluginState = "waiting-approval"
	PluginInvalid         PluginState = "invalid"
)

// StateOf is plugin p's state given the user's decision d about it.
func StateOf(p plugins.Plugin, d settings.Plugin) PluginState {
	switch {
	case p.Error != "":
		return PluginInvalid
	case !approved(p, d):
		return PluginWaitingApproval
	case d.Disabled:
		return PluginDisabled
	}
	return PluginEnabled
}

// DevApproval is what settings keep for a plugin of the development
// folder: the user approved that folder's plugin once, and its changes
// reload without asking again (that is the point of the development
// folder). An installed plugin of the same name does not inherit it.
func DevApproval(p plugins.Plugin) string { return "dev:" + p.Path }

func approved(p plugins.Plugin, d settings.Plugin) bool {
	return d.ApprovedHash == p.Hash || (p.Dev && d.ApprovedHash == DevApproval(p))
}

// EnabledPlugin returns a plugin whose files may be served: approved at
// its current hash and not disabled. It is the plugin as last scanned (the
// folders are not read again: its files come from the snapshot that was
// hashed).
func (s *Session) EnabledPlugin(id string) (plugins.Plugin, error) {
	p, ok := s.plugins.Current(id)
	if !ok {
		return p, fmt.Errorf("no plugin %q", id)
	}
	prefs, err := s.settings.Load()
	if err != nil {
		return p, err
	}
	if st := StateOf(p, prefs.Plugins[id]); st != PluginEnabled {
		return p, fmt.Errorf("plugin %q is %s", id, st)
	}
	return p, nil
}

// PluginDirs are the plugin folders (for the plugin stream's watch).
func (s *Session) PluginDirs() []string {
	var out []string
	dirs := s.plugins.Dirs()
	for _, d := range []string{dirs.Installed, dirs.Dev} {
		if d != "" {
			out = append(out, d)
		}
	}
	return out
}
