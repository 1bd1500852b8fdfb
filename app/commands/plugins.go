package commands

import (
	"errors"
	"fmt"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

// PluginState is what the user decided about a plugin (session.StateOf).
type PluginState = session.PluginState

// Plugin states.
const (
	PluginEnabled         = session.PluginEnabled
	PluginDisabled        = session.PluginDisabled
	PluginWaitingApproval = session.PluginWaitingApproval
	PluginInvalid         = session.PluginInvalid
)

// PluginInfo is a plugin with what the user decided about it.
type PluginInfo struct {
	plugins.Plugin
	// State is enabled, disabled, waiting-approval (new or changed since it
	// was approved) or invalid (see Error).
	State PluginState `json:"state"`
	// URL is where its main bundle is served (only when enabled).
	URL string `json:"url,omitempty"`
	// Granted is what the user granted at approval (nil: not approved at
	// this hash, or approved before capabilities existed: nothing).
	Granted *plugins.Capabilities `json:"granted,omitempty"`
	// FrameURL is the plugin's sandboxed frame document (only when
	// enabled): /plugin-frame/<token>/, the token minted for this session
	// and hash (session.FrameToken).
	FrameURL string `json:"frameUrl,omitempty"`
}

// Plugins lists the plugins and their states.
func (c *Commands) Plugins() ([]PluginInfo, error) {
	return guard(c, "Plugins", func() ([]PluginInfo, error) {
		prefs, err := c.s.Settings().Load()
		if err != nil {
			return nil, err
		}
		return c.pluginInfos(prefs), nil
	})
}

func (c *Commands) pluginInfos(prefs settings.Settings) []PluginInfo {
	list := c.s.Plugins().Scan()
	out := make([]PluginInfo, 0, len(list))
	for _, p := range list {
		out = append(out, c.info(p, prefs.Plugins[p.ID]))
	}
	return out
}

func (c *Commands) info(p plugins.Plugin, d settings.Plugin) PluginInfo {
	i := PluginInfo{Plugin: p, State: session.StateOf(p, d)}
	if i.State == PluginEnabled || i.State == PluginDisabled {
		g := plugins.Narrow(d.Grant(), p.Requested)
		i.Granted = &g
	}
	if i.State == PluginEnabled {
		i.URL = "/api/plugins/" + p.ID + "/" + p.Main + "?h=" + p.Hash[:16]
		i.FrameURL = "/plugin-frame/" + c.s.FrameToken(p) + "/"
	}
	return i
}

// ApprovePlugin lets a plugin run, pinned to the hash the user saw, with
// the capabilities the user granted (all or part of what it requests;
// never more).
func (c *Commands) ApprovePlugin(id, hash string, granted plugins.Capabilities) ([]PluginInfo, error) {
	return guard(c, "ApprovePlugin", func() ([]PluginInfo, error) {
		p, err := c.findPlugin(id)
		if err != nil {
			return nil, err
		}
		if p.Hash != hash {
			return nil, errors.New("the plugin changed since you looked at it: check it again")
		}
		if p.Error != "" {
			return nil, fmt.Errorf("plugin %q cannot be approved: %s", id, p.Error)
		}
		if err := plugins.Subset(granted, p.Requested); err != nil {
			return nil, fmt.Errorf("plugin %q: %w", id, err)
		}
		asked := p.Requested
		pinned := hash
		if p.Dev {
			pinned = session.DevApproval(p)
		}
		prefs, err := c.s.Settings().Update(func(s *settings.Settings) {
			s.Plugins[id] = settings.Plugin{ApprovedHash: pinned, Granted: &granted, Asked: &asked}
		})
		if err != nil {
			return nil, err
		}
		c.s.Log().Info("plugin approved", "plugin", id, "hash", hash, "granted", granted)
		return c.pluginInfos(prefs), nil
	})
}

// SetPluginEnabled turns an approved plugin off or on.
func (c *Commands) SetPluginEnabled(id string, enabled bool) ([]PluginInfo, error) {
	return guard(c, "SetPluginEnabled", func() ([]PluginInfo, error) {
		if _, err := c.findPlugin(id); err != nil {
			return nil, err
		}
		prefs, err := c.s.Settings().Update(func(s *settings.Settings) {
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
	for _, p := range c.s.Plugins().Scan() {
		if p.ID == id {
			return p, nil
		}
	}
	return plugins.Plugin{}, fmt.Errorf("no plugin %q", id)
}
