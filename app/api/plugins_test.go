package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

func TestPluginConsentAndServing(t *testing.T) {
	dir := t.TempDir()
	pdir := filepath.Join(dir, "plugins", "hello")
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(pdir, "package.json"), []byte(`{"name":"hello","version":"0.1.0","main":"main.js","kubedeck":{"apiVersion":1}}`), 0o644))
	must(os.WriteFile(filepath.Join(pdir, "main.js"), []byte("export function register(){}"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "outside.txt"), []byte("secret"), 0o644))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{
		Clusters: cluster.NewManager(kubeconfig.NewStore(nil), credentials.NewMemory(), "t", log),
		Settings: settings.New(filepath.Join(dir, "settings.json")),
		Plugins:  plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(dir, "plugins")}),
		Log:      log,
	})
	cmds := commands.For(sess)
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	defer srv.Close()
	get := func(path string) int {
		resp, err := http.Get(srv.URL + path)
		must(err)
		resp.Body.Close()
		return resp.StatusCode
	}

	list, _ := cmds.Plugins()
	if list[0].State != commands.PluginWaitingApproval {
		t.Fatalf("new plugin state = %s", list[0].State)
	}
	if code := get("/api/plugins/hello/main.js"); code != http.StatusForbidden {
		t.Errorf("unapproved plugin served: %d", code)
	}
	if _, err := cmds.ApprovePlugin("hello", "not-the-hash", plugins.Capabilities{}); err == nil {
		t.Error("approved with a wrong hash")
	}
	list, err := cmds.ApprovePlugin("hello", list[0].Hash, plugins.Capabilities{})
	must(err)
	if list[0].State != commands.PluginEnabled || !strings.HasPrefix(list[0].URL, "/api/plugins/hello/main.js") {
		t.Fatalf("after approval: %+v", list[0])
	}
	resp, err := http.Get(srv.URL + list[0].URL)
	must(err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "export function register(){}" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("serving: %d %q %s", resp.StatusCode, body, resp.Header.Get("Content-Type"))
	}
	for _, bad := range []string{"/api/plugins/hello/../outside.txt", "/api/plugins/hello/%2e%2e/outside.txt", "/api/plugins/hello/..%2foutside.txt"} {
		if code := get(bad); code == 200 {
			t.Errorf("%s was served", bad)
		}
	}
	// A changed plugin asks again.
	must(os.WriteFile(filepath.Join(pdir, "main.js"), []byte("export function register(){ /* v2 */ }"), 0o644))
	list, _ = cmds.Plugins()
	if list[0].State != commands.PluginWaitingApproval || get("/api/plugins/hello/main.js") != http.StatusForbidden {
		t.Errorf("changed plugin: %+v", list[0])
	}
	list, _ = cmds.ApprovePlugin("hello", list[0].Hash, plugins.Capabilities{})
	list, _ = cmds.SetPluginEnabled("hello", false)
	if list[0].State != commands.PluginDisabled || get("/api/plugins/hello/main.js") != http.StatusForbidden {
		t.Errorf("disabled plugin: %+v", list[0])
	}
	b, _ := json.Marshal(list[0])
	if !strings.Contains(string(b), `"id":"hello"`) {
		t.Errorf("DTO = %s", b)
	}
}
