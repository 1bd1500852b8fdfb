package session

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
)

var (
	pods        = plugins.Capabilities{Read: []string{"pods"}}
	podsNodes   = plugins.Capabilities{Read: []string{"pods", "nodes"}}
	withSecrets = plugins.Capabilities{Read: []string{"pods", "secrets"}}
)

// devAsking is a development plugin (changed since it was approved) that
// requests c.
func devAsking(c plugins.Capabilities) plugins.Plugin {
	return plugins.Plugin{ID: "p", Hash: "h9", Path: "/dev/p", Dev: true, Requested: c}
}

// What an enabled plugin may do: its stored grant, narrowed to what it
// asks for now; nothing for an approval stored without a grant, or a plugin
// that is not enabled.
func TestGrantOf(t *testing.T) {
	for _, c := range []struct {
		name string
		p    plugins.Plugin
		d    settings.Plugin
		want []string
	}{
		{"the grant", devAsking(podsNodes), settings.Plugin{ApprovedHash: DevApproval(devAsking(pods)), Asked: &podsNodes, Granted: &pods}, []string{"pods"}},
		{"narrowed to the request", devAsking(pods), settings.Plugin{ApprovedHash: DevApproval(devAsking(pods)), Asked: &podsNodes, Granted: &podsNodes}, []string{"pods"}},
		{"an old approval grants nothing", plugins.Plugin{ID: "p", Hash: "h1", Requested: pods}, settings.Plugin{ApprovedHash: "h1"}, nil},
		{"disabled", plugins.Plugin{ID: "p", Hash: "h1", Requested: pods}, settings.Plugin{ApprovedHash: "h1", Granted: &pods, Disabled: true}, nil},
		{"changed", plugins.Plugin{ID: "p", Hash: "h2", Requested: pods}, settings.Plugin{ApprovedHash: "h1", Granted: &pods}, nil},
	} {
		if got := GrantOf(c.p, c.d).Read; !slices.Equal(got, c.want) {
			t.Errorf("%s: GrantOf reads %v, want %v", c.name, got, c.want)
		}
	}
}

func TestStateOf(t *testing.T) {
	p := plugins.Plugin{ID: "p", Hash: "h1", Path: "/dev/p"}
	cases := []struct {
		name string
		p    plugins.Plugin
		d    settings.Plugin
		want PluginState
	}{
		{"new", p, settings.Plugin{}, PluginWaitingApproval},
		{"approved", p, settings.Plugin{ApprovedHash: "h1"}, PluginEnabled},
		{"changed since approved", p, settings.Plugin{ApprovedHash: "h0"}, PluginWaitingApproval},
		{"switched off", p, settings.Plugin{ApprovedHash: "h1", Disabled: true}, PluginDisabled},
		{"invalid", plugins.Plugin{ID: "p", Error: "bad package.json"}, settings.Plugin{ApprovedHash: "h1"}, PluginInvalid},
		{"dev folder approved once", plugins.Plugin{ID: "p", Hash: "h2", Path: "/dev/p", Dev: true}, settings.Plugin{ApprovedHash: DevApproval(p)}, PluginEnabled},
		{"installed does not inherit the dev approval", p, settings.Plugin{ApprovedHash: DevApproval(p)}, PluginWaitingApproval},
		{"dev plugin asks for what was answered", devAsking(pods), settings.Plugin{ApprovedHash: DevApproval(p), Asked: &podsNodes, Granted: &pods}, PluginEnabled},
		{"dev plugin asks for less", devAsking(plugins.Capabilities{}), settings.Plugin{ApprovedHash: DevApproval(p), Asked: &podsNodes}, PluginEnabled},
		{"dev plugin asks for more", devAsking(withSecrets), settings.Plugin{ApprovedHash: DevApproval(p), Asked: &podsNodes, Granted: &podsNodes}, PluginWaitingApproval},
		{"dev plugin asks for more than an approval without capabilities", devAsking(pods), settings.Plugin{ApprovedHash: DevApproval(p)}, PluginWaitingApproval},
		{"dev plugin asks for nothing, approved without capabilities", devAsking(plugins.Capabilities{}), settings.Plugin{ApprovedHash: DevApproval(p)}, PluginEnabled},
		{"an installed plugin is pinned by its hash alone", plugins.Plugin{ID: "p", Hash: "h1", Requested: withSecrets}, settings.Plugin{ApprovedHash: "h1"}, PluginEnabled},
	}
	for _, c := range cases {
		if got := StateOf(c.p, c.d); got != c.want {
			t.Errorf("%s: StateOf = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestWritableRefusesReadOnlyContexts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	store := settings.New(path)
	if _, err := store.Update(func(s *settings.Settings) {
		s.Contexts["ro"] = settings.Context{ReadOnly: true}
	}); err != nil {
		t.Fatal(err)
	}
	s := New(Deps{Settings: store})
	defer s.Close()
	if _, err := s.Writable("ro"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Writable(read-only) = %v, want ErrReadOnly", err)
	}
	if _, err := s.DrainConn("ro"); !errors.Is(err, ErrReadOnly) || err.Error()[:7] != "drain: " {
		t.Errorf("DrainConn(read-only) = %v, want drain: ErrReadOnly", err)
	}
	// Unreadable settings: every context is read-only.
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Writable("other"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Writable with unreadable settings = %v, want ErrReadOnly", err)
	}
}
