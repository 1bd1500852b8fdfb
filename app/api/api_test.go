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
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/session"
)

const twoContexts = `apiVersion: v1
kind: Config
current-context: "a/b:c@d é"
clusters:
- name: nowhere
  cluster: {server: "https://127.0.0.1:1"}
users:
- name: u
  user: {token: secret-token}
contexts:
- name: "a/b:c@d é"
  context: {cluster: nowhere, user: u, namespace: ns1}
- name: plain
  context: {cluster: nowhere, user: u}
`

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(path, []byte(twoContexts), 0o600); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{Version: "1.2.3", Clusters: cluster.NewManager(kubeconfig.NewStore([]string{path}), credentials.NewMemory(), "test", log), Log: log})
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, method, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(srv.URL+"/api/call/"+method, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestCallDispatchesToCommands(t *testing.T) {
	srv := newServer(t)
	code, out := post(t, srv, "Version", "[]")
	if code != 200 || out["version"] != "1.2.3" {
		t.Errorf("Version = %d %v", code, out)
	}
	code, out = post(t, srv, "Contexts", "")
	if code != 200 || out["current"] != "a/b:c@d é" || len(out["contexts"].([]any)) != 2 {
		t.Errorf("Contexts = %d %v", code, out)
	}
	if strings.Contains(toJSON(out), "secret-token") {
		t.Error("a credential reached the frontend")
	}
}

func TestCallErrors(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		method, body string
		code         int
		msg          string
	}{
		{"NoSuchThing", "[]", 404, "no such command"},
		{"Namespaces", "[]", 400, "takes 1 arguments"},
		{"Namespaces", "[42]", 400, "argument 1"},
		{"Namespaces", "{", 400, "JSON array"},
		{"Namespaces", `["missing"]`, 422, "no such context"},
		{"Namespaces", `["plain"]`, 422, "cannot reach the cluster at https://127.0.0.1:1"},
	}
	for _, c := range cases {
		code, out := post(t, srv, c.method, c.body)
		msg, _ := out["error"].(string)
		if code != c.code || !strings.Contains(msg, c.msg) {
			t.Errorf("%s %s = %d %q, want %d containing %q", c.method, c.body, code, msg, c.code, c.msg)
		}
	}
}

func TestStreamListRejectsBadQueries(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Get(srv.URL + "/api/stream/list?context=plain")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("list without resource = %d, want 400", resp.StatusCode)
	}
	resp, err = http.Get(srv.URL + "/api/stream/list?context=gone&version=v1&resource=pods")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("list of an unknown context = %d, want 404", resp.StatusCode)
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestStreamListsValidatesQueries(t *testing.T) {
	srv := newServer(t)
	for _, q := range []string{"", "[]", "[{}]", "nope"} {
		resp, err := http.Get(srv.URL + "/api/stream/lists?context=plain&queries=" + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("queries %q = %d, want 400", q, resp.StatusCode)
		}
	}
}
