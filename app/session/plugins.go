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

// GrantOf is what plugin p may do given the user's decision d: the grant
// stored with its approval, narrowed to what p still asks for; nothing when
// p is not enabled, or was approved before grants were stored.
func GrantOf(p plugins.Plugin, d settings.Plugin) plugins.Capabilities {
	if StateOf(p, d) != PluginEnabled {
		return plugins.Capabilities{}
	}
	return plugins.Narrow(d.Grant(), p.Requested)
}

// DevApproval is what settings keep for a plugin of the development
// folder: the user approved that folder's plugin once, and its changes
// reload without asking again (that is the point of the development
// folder). An installed plugin of the same name does not inherit it.
func DevApproval(p plugins.Plugin) string { return "dev:" + p.Path }

// approved: at its hash, or (a development plugin) its folder, as long as
// it asks for nothing beyond what the user answered (an approval stored
// before capabilities existed answered an empty request).
func approved(p plugins.Plugin, d settings.Plugin) bool {
	if d.ApprovedHash == p.Hash {
		return true
	}
	if !p.Dev || d.ApprovedHash != DevApproval(p) {
		return false
	}
	var asked plugins.Capabilities
	if d.Asked != nil {
		asked = *d.Asked
	}
	return plugins.Subset(p.Requested, asked) == nil
}

// EnabledPlugin returns a plugin whose files may be served: approved at
// its current hash and not disabled. It is the plugin as last scanned (the
// folders are not read again: its files come from the snapshot that was
// hashed).
func (s *Session) EnabledPlugin(id string) (plugins.Plugin, error) {
	p, _, err := s.PluginGrant(id)
	return p, err
}

// PluginGrant returns an enabled plugin (EnabledPlugin) and what it may do
// (GrantOf): what the Go side checks every request of the plugin against.
func (s *Session) PluginGrant(id string) (plugins.Plugin, plugins.Capabilities, error) {
	p, ok := s.plugins.Current(id)
	if !ok {
		return p, plugins.Capabilities{}, fmt.Errorf("no plugin %q", id)
	}
	prefs, err := s.settings.Load()
	if err != nil {
		return p, plugins.Capabilities{}, err
	}
	d := prefs.Plugins[id]
	if st := StateOf(p, d); st != PluginEnabled {
		return p, plugins.Capabilities{}, fmt.Errorf("plugin %q is %s", id, st)
	}
	return p, GrantOf(p, d), nil
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
