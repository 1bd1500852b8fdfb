package api

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

type pluginServer struct {
	t    *testing.T
	dir  string
	cmds *commands.Commands
	srv  *httptest.Server
}

// approvedPlugin serves an installed plugin "hello" (main.js, lib/util.js)
// approved at its current hash.
func approvedPlugin(t *testing.T) *pluginServer {
	t.Helper()
	dir := t.TempDir()
	pdir := filepath.Join(dir, "plugins", "hello")
	for name, body := range map[string]string{
		"package.json": `{"name":"hello","version":"0.1.0","main":"main.js","kubedeck":{"apiVersion":1}}`,
		"main.js":      "export function register(){ /* approved */ }",
		"lib/util.js":  "export const approved = true",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(pdir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pdir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{
		Clusters: cluster.NewManager(kubeconfig.NewStore(nil), credentials.NewMemory(), "t", log),
		Settings: settings.New(filepath.Join(dir, "settings.json")),
		Plugins:  plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(dir, "plugins")}),
		Log:      log,
	})
	cmds := commands.For(sess)
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	t.Cleanup(srv.Close)
	list, err := cmds.Plugins()
	if err != nil || len(list) != 1 {
		t.Fatalf("plugins: %+v %v", list, err)
	}
	if _, err := cmds.ApprovePlugin("hello", list[0].Hash, plugins.Capabilities{}); err != nil {
		t.Fatal(err)
	}
	return &pluginServer{t: t, dir: pdir, cmds: cmds, srv: srv}
}

func (p *pluginServer) get(name string) (int, string) {
	p.t.Helper()
	resp, err := http.Get(p.srv.URL + "/api/plugins/hello/" + name)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A file swapped on disk after approval is never served: GETs serve the
// bytes that were hashed and approved, and the next scan asks again.
func TestPluginFileSwappedAfterApprovalIsNotServed(t *testing.T) {
	p := approvedPlugin(t)
	main := filepath.Join(p.dir, "main.js")
	approved := "export function register(){ /* approved */ }"
	evil := "export function register(){ /* swapped */ }" // same length
	stage := func(name, body string) string {
		f := filepath.Join(p.dir, "."+name)
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	// Swap the file back and forth (renames: every read sees a whole file)
	// while the app serves it.
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			body := approved
			if i%2 == 0 {
				body = evil
			}
			_ = os.Rename(stage("swap", body), main)
		}
	}()
	for range 300 {
		if code, body := p.get("main.js"); code == 200 && body != approved {
			t.Errorf("served bytes that were never approved: %q", body)
			break
		}
	}
	stop.Store(true)
	wg.Wait()
	if err := os.Rename(stage("swap", evil), main); err != nil {
		t.Fatal(err)
	}
	if code, body := p.get("main.js"); code != 200 || body != approved {
		t.Errorf("after the swap: %d %q, want the approved bytes", code, body)
	}
	list, _ := p.cmds.Plugins()
	if list[0].State != commands.PluginWaitingApproval {
		t.Errorf("rescanned after the swap: %s", list[0].State)
	}
	if code, _ := p.get("main.js"); code != http.StatusForbidden {
		t.Errorf("the changed plugin was served before approval: %d", code)
	}
}

// GETs serve the approved snapshot from memory: they do not read (or hash)
// the folder again, so a file deleted after the scan is still served until
// the next scan.
func TestPluginFilesAreServedFromTheSnapshot(t *testing.T) {
	p := approvedPlugin(t)
	if err := os.Remove(filepath.Join(p.dir, "lib", "util.js")); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if code, body := p.get("lib/util.js"); code != 200 || body != "export const approved = true" {
			t.Fatalf("lib/util.js after its deletion: %d %q", code, body)
		}
	}
	list, _ := p.cmds.Plugins()
	if list[0].State != commands.PluginWaitingApproval {
		t.Errorf("after a rescan: %s", list[0].State)
	}
}
