package commands

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
)

func writePlugin(t *testing.T, dir, main string) {
	t.Helper()
	writePluginAsking(t, dir, main, "")
}

// writePluginAsking writes a plugin whose package.json requests caps (a
// JSON object; "" for none).
func writePluginAsking(t *testing.T, dir, main, caps string) {
	t.Helper()
	kd := `{"apiVersion":1}`
	if caps != "" {
		kd = `{"apiVersion":1,"capabilities":` + caps + `}`
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"package.json": `{"name":"p","version":"1.0.0","main":"main.js","kubedeck":` + kd + `}`,
		"main.js":      main,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A development plugin approved once reloads on change; an installed one
// asks again, and does not inherit the development folder's approval.
func TestDevPluginApprovalFollowsChanges(t *testing.T) {
	root := t.TempDir()
	inst, dev := filepath.Join(root, "installed"), filepath.Join(root, "dev")
	writePlugin(t, filepath.Join(dev, "p"), "export default () => 1")
	c := New(Deps{Settings: settings.New(filepath.Join(root, "settings.json")),
		Plugins: plugins.NewCatalog(plugins.Dirs{Installed: inst, Dev: dev}), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	list, err := c.Plugins()
	if err != nil || len(list) != 1 || list[0].State != PluginWaitingApproval {
		t.Fatalf("new dev plugin: %+v %v", list, err)
	}
	if list, err = c.ApprovePlugin("p", list[0].Hash, plugins.Capabilities{}); err != nil || list[0].State != PluginEnabled {
		t.Fatalf("approve: %+v %v", list, err)
	}
	writePlugin(t, filepath.Join(dev, "p"), "export default () => 2")
	if list, _ = c.Plugins(); list[0].State != PluginEnabled || list[0].URL == "" {
		t.Errorf("changed dev plugin: %+v", list[0])
	}
	// The same plugin installed (the dev folder gone) asks again.
	if err := os.RemoveAll(dev); err != nil {
		t.Fatal(err)
	}
	writePlugin(t, filepath.Join(inst, "p"), "export default () => 2")
	if list, _ = c.Plugins(); list[0].State != PluginWaitingApproval {
		t.Errorf("installed plugin inherited the dev approval: %+v", list[0])
	}
}

func newPluginCommands(t *testing.T, dev string) *Commands {
	t.Helper()
	root := t.TempDir()
	return New(Deps{Settings: settings.New(filepath.Join(root, "settings.json")),
		Plugins: plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(root, "installed"), Dev: dev}), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// ApprovePlugin stores the grant with the approval and refuses one wider
// than the request; an enabled plugin's info carries its grant and frame
// URL; a development plugin that asks for more after a save waits for
// approval again, one that asks for no more keeps it.
func TestApprovalStoresTheGrant(t *testing.T) {
	dev := t.TempDir()
	writePluginAsking(t, filepath.Join(dev, "p"), "export default 1", `{"read":["pods","nodes"],"settings":true}`)
	c := newPluginCommands(t, dev)
	list, err := c.Plugins()
	if err != nil || len(list) != 1 || list[0].Granted != nil || list[0].FrameURL != "" {
		t.Fatalf("new plugin: %+v %v", list, err)
	}
	hash := list[0].Hash
	for _, wider := range []plugins.Capabilities{
		{Read: []string{"secrets"}},
		{Read: []string{"*"}},
		{Write: map[string][]string{"pods": {"delete"}}},
		{Exec: true},
		{Network: []string{"https://example.com"}},
	} {
		if _, err := c.ApprovePlugin("p", hash, wider); err == nil || !strings.Contains(err.Error(), "wider than what the plugin asks for") {
			t.Errorf("a grant of %+v: %v", wider, err)
		}
	}
	if list, _ = c.Plugins(); list[0].State != PluginWaitingApproval {
		t.Fatalf("a refused grant approved the plugin: %+v", list[0])
	}
	list, err = c.ApprovePlugin("p", hash, plugins.Capabilities{Read: []string{"pods"}})
	if err != nil || list[0].State != PluginEnabled {
		t.Fatalf("approve: %+v %v", list, err)
	}
	if g := list[0].Granted; g == nil || !slices.Equal(g.Read, []string{"pods"}) || g.Settings {
		t.Errorf("granted = %+v", g)
	}
	if u := list[0].FrameURL; !strings.HasPrefix(u, "/plugin-frame/") || !strings.HasSuffix(u, "/") || len(u) != len("/plugin-frame//")+32 {
		t.Errorf("frame URL = %q", u)
	}
	// A save asking for no more keeps the approval and the grant.
	writePluginAsking(t, filepath.Join(dev, "p"), "export default 2", `{"read":["pods"]}`)
	if list, _ = c.Plugins(); list[0].State != PluginEnabled || !slices.Equal(list[0].Granted.Read, []string{"pods"}) {
		t.Errorf("a save asking for less: %+v", list[0])
	}
	// Asking for more asks again.
	writePluginAsking(t, filepath.Join(dev, "p"), "export default 3", `{"read":["pods","secrets"]}`)
	if list, _ = c.Plugins(); list[0].State != PluginWaitingApproval || list[0].Granted != nil || list[0].FrameURL != "" {
		t.Errorf("a save asking for more: %+v", list[0])
	}
	// Disabled: the grant is shown, no frame.
	if _, err := c.ApprovePlugin("p", list[0].Hash, plugins.Capabilities{}); err != nil {
		t.Fatal(err)
	}
	if list, _ = c.SetPluginEnabled("p", false); list[0].State != PluginDisabled || list[0].Granted == nil || list[0].FrameURL != "" {
		t.Errorf("disabled: %+v", list[0])
	}
}

// An approval stored before grants existed grants nothing.
func TestAnApprovalWithoutAGrantGrantsNothing(t *testing.T) {
	root := t.TempDir()
	inst := filepath.Join(root, "installed")
	writePluginAsking(t, filepath.Join(inst, "p"), "export default 1", `{"read":["pods"]}`)
	store := settings.New(filepath.Join(root, "settings.json"))
	c := New(Deps{Settings: store, Plugins: plugins.NewCatalog(plugins.Dirs{Installed: inst}), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	list, _ := c.Plugins()
	if _, err := store.Update(func(s *settings.Settings) { s.Plugins["p"] = settings.Plugin{ApprovedHash: list[0].Hash} }); err != nil {
		t.Fatal(err)
	}
	list, _ = c.Plugins()
	if list[0].State != PluginEnabled || list[0].Granted == nil || len(list[0].Granted.Read) != 0 {
		t.Errorf("an old approval: %+v", list[0])
	}
}
