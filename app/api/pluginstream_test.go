package api

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

// The plugin folder may not exist when the app starts: creating it, and a
// plugin in it, still reaches an open plugin stream.
func TestPluginStreamSeesPluginFolderCreatedLater(t *testing.T) {
	dir := t.TempDir()
	installed := filepath.Join(dir, "kubedeck", "plugins")
	if err := os.MkdirAll(filepath.Dir(installed), 0o755); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{
		Clusters: cluster.NewManager(kubeconfig.NewStore(nil), credentials.NewMemory(), "t", log),
		Settings: settings.New(filepath.Join(dir, "settings.json")),
		Plugins:  plugins.NewCatalog(plugins.Dirs{Installed: installed}),
		Log:      log,
	})
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/stream/plugins", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	next := func() (m struct {
		Type string                `json:"type"`
		List []commands.PluginInfo `json:"list"`
	}) {
		t.Helper()
		if !lines.Scan() {
			t.Fatalf("stream ended: %v", lines.Err())
		}
		if err := json.Unmarshal(lines.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := next(); m.Type != "plugins" || len(m.List) != 0 {
		t.Fatalf("first = %+v", m)
	}
	// Give the watcher a moment to be in place, then create the folder and a plugin in it.
	time.Sleep(100 * time.Millisecond)
	if err := os.MkdirAll(installed, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	p := filepath.Join(installed, "hello")
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if err := os.WriteFile(filepath.Join(p, "package.json"), []byte(`{"name":"hello","kubedeck":{"apiVersion":1}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for {
		m := next()
		if m.Type == "plugins" && len(m.List) == 1 && m.List[0].Name == "hello" {
			return
		}
	}
}
