package commands

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/settings"
)

func writePlugin(t *testing.T, dir, main string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"package.json": `{"name":"p","version":"1.0.0","main":"main.js","kubedeck":{"apiVersion":1}}`,
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
	if list, err = c.ApprovePlugin("p", list[0].Hash); err != nil || list[0].State != PluginEnabled {
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
