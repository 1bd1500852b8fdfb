package commands

import (
	"errors"
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

// PluginInfo is a plugin with what the user decided about it.
type PluginInfo struct {
	plugins.Plugin
	// State is enabled, disabled, waiting-approval (new or changed since it
	// was approved) or invalid (see Error).
	State PluginState `json:"state"`
	// URL is where its main bundle is served (only when enabled).
	URL string `json:"url,omitempty"`
}

// Plugins lists the plugins and their states.
func (c *Commands) Plugins() ([]PluginInfo, error) {
	return guard(c, "Plugins", func() ([]PluginInfo, error) {
		prefs, err := c.settings.Load()
		if err != nil {
			return nil, err
		}
		return c.pluginInfos(prefs), nil
	})
}

func (c *Commands) pluginInfos(prefs settings.Settings) []PluginInfo {
	list := c.plugins.Scan()
	out := make([]PluginInfo, 0, len(list))
	for _, p := range list {
		out = append(out, info(p, prefs.Plugins[p.ID]))
	}
	return out
}

func info(p plugins.Plugin, s settings.Plugin) PluginInfo {
	i := PluginInfo{Plugin: p}
	switch {
	case p.Error != "":
		i.State = PluginInvalid
	case !approved(p, s):
		i.State = PluginWaitingApproval
	case s.Disabled:
		i.State = PluginDisabled
	default:
		i.State = PluginEnabled
		i.URL = "/api/plugins/" + p.ID + "/" + p.Main + "?h=" + p.Hash[:16]
	}
	return i
}

// devApproval is what settings keep for a plugin of the development folder:
// the user approved that folder's plugin once, and its changes reload
// without asking again (that is the point of the development folder). An
// installed plugin of the same name does not inherit it.
func devApproval(p plugins.Plugin) string { return "dev:" + p.Path }

func approved(p plugins.Plugin, s settings.Plugin) bool {
	return s.ApprovedHash == p.Hash || (p.Dev && s.ApprovedHash == devApproval(p))
}

// ApprovePlugin lets a plugin run, pinned to the hash the user saw.
func (c *Commands) ApprovePlugin(id, hash string) ([]PluginInfo, error) {
	return guard(c, "ApprovePlugin", func() ([]PluginInfo, error) {
		p, err := c.findPlugin(id)
		if err != nil {
			return nil, err
		}
		if p.Hash != hash {
			return nil, errors.New("the plugin changed since you looked at it: check it again")
		}
		pinned := hash
		if p.Dev {
			pinned = devApproval(p)
		}
		prefs, err := c.settings.Update(func(s *settings.Settings) {
			s.Plugins[id] = settings.Plugin{ApprovedHash: pinned}
		})
		if err != nil {
			return nil, err
		}
		c.log.Info("plugin approved", "plugin", id, "hash", hash)
		return c.pluginInfos(prefs), nil
	})
}

// SetPluginEnabled turns an approved plugin off or on.
func (c *Commands) SetPluginEnabled(id string, enabled bool) ([]PluginInfo, error) {
	return guard(c, "SetPluginEnabled", func() ([]PluginInfo, error) {
		if _, err := c.findPlugin(id); err != nil {
			return nil, err
		}
		prefs, err := c.settings.Update(func(s *settings.Settings) {
			st := s.Plugins[id]
			st.Disabled = !enabled
			s.Plugins[id] = st
		})
		if err != nil {
			return nil, err
		}
		return c.pluginInfos(prefs), nil
	})
}

// findPlugin scans the plugin folders (reading those that changed) and
// returns plugin id.
func (c *Commands) findPlugin(id string) (plugins.Plugin, error) {
	for _, p := range c.plugins.Scan() {
		if p.ID == id {
			return p, nil
		}
	}
	return plugins.Plugin{}, fmt.Errorf("no plugin %q", id)
}

// EnabledPlugin returns a plugin whose files may be served: approved at
// its current hash and not disabled. It is the plugin as last scanned (the
// folders are not read again: its files come from the snapshot that was
// hashed). (A function: not bound to the UI.)
func EnabledPlugin(c *Commands, id string) (plugins.Plugin, error) {
	p, ok := c.plugins.Current(id)
	if !ok {
		return p, fmt.Errorf("no plugin %q", id)
	}
	prefs, err := c.settings.Load()
	if err != nil {
		return p, err
	}
	if i := info(p, prefs.Plugins[id]); i.State != PluginEnabled {
		return p, fmt.Errorf("plugin %q is %s", id, i.State)
	}
	return p, nil
}

// PluginDirs returns the plugin folders of c (for the plugin stream).
func PluginDirs(c *Commands) []string {
	var out []string
	dirs := c.plugins.Dirs()
	for _, d := range []string{dirs.Installed, dirs.Dev} {
		if d != "" {
			out = append(out, d)
		}
	}
	return out
}
