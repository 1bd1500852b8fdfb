package session

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
)

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
