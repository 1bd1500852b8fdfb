package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

const testAgent = "kubedeck/test"

// grantEnv is the API over the devcluster (through a recorder) with three
// plugins: "tester" approved with part of what it asks, "off" approved and
// disabled, "waiting" never approved.
type grantEnv struct {
	c   *testcluster.Cluster
	srv *httptest.Server
	rec *recorder
	cs  kubernetes.Interface
	ns  string
}

func writeTestPlugin(t *testing.T, dir, id, caps string) {
	t.Helper()
	write := func(name, body string) {
		if err := os.MkdirAll(filepath.Join(dir, id), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, id, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("package.json", `{"name":"`+id+`","version":"1.0.0","main":"main.js","kubedeck":{"apiVersion":1,"capabilities":`+caps+`}}`)
	write("main.js", "export default () => {}")
}

func newGrantEnv(t *testing.T) *grantEnv {
	t.Helper()
	c := testcluster.Get(t)
	rec := newRecorder(t, c)
	dir := t.TempDir()
	inst := filepath.Join(dir, "plugins")
	asks := `{"read":["pods","secrets","apps/deployments"],"write":{"configmaps":["apply","delete"]},"secretValues":true,"logs":true}`
	for _, id := range []string{"tester", "off", "waiting"} {
		writeTestPlugin(t, inst, id, asks)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{
		Clusters: cluster.NewManager(kubeconfig.NewStore([]string{rec.kubeconfig(t, c)}), credentials.NewMemory(), testAgent, log),
		Settings: settings.New(filepath.Join(dir, "settings.json")),
		Plugins:  plugins.NewCatalog(plugins.Dirs{Installed: inst}),
		Log:      log,
	})
	t.Cleanup(sess.Close)
	cmds := commands.For(sess)
	list, err := cmds.Plugins()
	if err != nil {
		t.Fatal(err)
	}
	grant := plugins.Capabilities{Read: []string{"pods", "secrets"}, Write: map[string][]string{"configmaps": {"apply"}}, SecretValues: true}
	for _, p := range list {
		if p.ID != "waiting" {
			if _, err := cmds.ApprovePlugin(p.ID, p.Hash, grant); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := cmds.SetPluginEnabled("off", false); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	t.Cleanup(srv.Close)
	admin, err := sess.Conn("proxied")
	if err != nil {
		t.Fatal(err)
	}
	env := &grantEnv{c: c, srv: srv, rec: rec, cs: admin.Clientset, ns: fmt.Sprintf("grant-%d", time.Now().UnixNano())}
	env.setUp(t)
	return env
}

// setUp makes the test's namespace with a Secret and a pod.
func (e *grantEnv) setUp(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if _, err := e.cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: e.ns}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.cs.CoreV1().Namespaces().Delete(context.Background(), e.ns, metav1.DeleteOptions{}) })
	secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "s", Namespace: e.ns}, StringData: map[string]string{"password": "hunter2"}}
	if _, err := e.cs.CoreV1().Secrets(e.ns).Create(ctx, secret, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: e.ns}, Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "nginx"}}}}
	if _, err := e.cs.CoreV1().Pods(e.ns).Create(ctx, pod, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
}

// do sends one request as plugin (none when ""), and returns the status
// and the body (a stream's first line).
func (e *grantEnv) do(t *testing.T, plugin, method, path, body string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if plugin != "" {
		req.Header.Set(PluginHeader, plugin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil && err != io.EOF {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp.StatusCode, line
}

func (e *grantEnv) q(kind, extra string) string {
	group, resource, ok := strings.Cut(kind, "/")
	if !ok {
		group, resource = "", kind
	}
	version := map[string]string{"": "v1", "apps": "v1"}[group]
	return fmt.Sprintf("context=proxied&group=%s&version=%s&resource=%s&namespace=%s%s", group, version, resource, e.ns, extra)
}

func configMap(name string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  a: b\n"
}

// Every request a plugin makes is checked here against its grant: the
// plugin API's endpoints only, granted kinds and verbs only, an enabled
// plugin only; a refused write sends nothing to the cluster.
func TestPluginRequestsAreServedWithinTheGrant(t *testing.T) {
	e := newGrantEnv(t)
	apply := func(yaml string) string {
		return fmt.Sprintf(`["proxied",%q,%q,false]`, yaml, e.ns)
	}
	secretYAML := "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\nstringData:\n  a: b\n"
	for _, tc := range []struct {
		name, plugin, method, path, body string
		status                           int
		want                             string // a fragment of the answer
	}{
		{"list a granted kind", "tester", "GET", "/api/stream/objects?" + e.q("pods", "&watch=0"), "", 200, `"type":"objects"`},
		{"get a granted kind", "tester", "GET", "/api/stream/object?" + e.q("pods", "&name=p"), "", 200, `"type":"object"`},
		{"watch a granted kind", "tester", "GET", "/api/stream/objects?" + e.q("pods", "&watch=1"), "", 200, `"type":"objects"`},
		{"secret values granted", "tester", "GET", "/api/stream/objects?" + e.q("secrets", "&watch=0"), "", 200, `"password":"aHVudGVyMg=="`},
		{"secret values hidden from the app's own requests", "", "GET", "/api/stream/objects?" + e.q("secrets", "&watch=0"), "", 200, `"password":"\u003chidden`},
		{"a kind not requested", "tester", "GET", "/api/stream/objects?" + e.q("nodes", ""), "", 403, "tester may not read nodes: not granted"},
		{"a kind requested, not granted", "tester", "GET", "/api/stream/objects?" + e.q("apps/deployments", ""), "", 403, "tester may not read apps/deployments: not granted"},
		{"get a kind not granted", "tester", "GET", "/api/stream/object?" + e.q("configmaps", "&name=x"), "", 403, "tester may not read configmaps"},
		{"apply a granted kind", "tester", "POST", "/api/call/Apply", apply(configMap("made-by-plugin")), 200, `"action":"created"`},
		{"apply with a kind not granted", "tester", "POST", "/api/call/Apply", apply(configMap("not-made") + "---\n" + secretYAML), 403, "tester may not write secrets: not granted"},
		{"apply a kind the cluster does not serve", "tester", "POST", "/api/call/Apply", apply("apiVersion: example.com/v1\nkind: Nothing\nmetadata:\n  name: x\n"), 422, "the cluster does not serve"},
		{"apply malformed", "tester", "POST", "/api/call/Apply", `["proxied"]`, 400, "Apply takes 4 arguments"},
		{"delete with apply only", "tester", "POST", "/api/call/Delete", `["proxied",[{"group":"","version":"v1","resource":"configmaps","namespace":"` + e.ns + `","name":"made-by-plugin"}],"background"]`, 403, "tester may not delete configmaps: not granted"},
		{"logs not granted", "tester", "GET", "/api/stream/logs?context=proxied&namespace=" + e.ns + "&pod=p", "", 403, "tester may not read the logs of pods"},
		{"terminal not granted", "tester", "GET", "/api/stream/terminal?id=x", "", 403, "tester may not run commands in pods"},
		{"another command", "tester", "POST", "/api/call/RevealSecret", `["proxied","` + e.ns + `","s","password"]`, 403, "plugins reach only the plugin API"},
		{"approve plugins", "tester", "POST", "/api/call/ApprovePlugin", `["waiting","x",{}]`, 403, "plugins reach only the plugin API"},
		{"read-only switch", "tester", "POST", "/api/call/SetReadOnly", `["proxied",false]`, 403, "plugins reach only the plugin API"},
		{"the UI's lists", "tester", "GET", "/api/stream/list?" + e.q("pods", ""), "", 403, "plugins reach only the plugin API"},
		// Paths with empty, "." or ".." segments are refused before any endpoint (or this check) sees them.
		{"an unclean path", "tester", "GET", "/api/stream//objects?" + e.q("pods", ""), "", 404, "no such API endpoint"},
		{"a dot segment", "tester", "GET", "/api/stream/./objects?" + e.q("pods", ""), "", 404, "no such API endpoint"},
		{"a dot-dot segment", "tester", "POST", "/api/call/../call/RevealSecret", `["proxied","` + e.ns + `","s","password"]`, 404, "no such API endpoint"},
		{"a disabled plugin", "off", "GET", "/api/stream/objects?" + e.q("pods", ""), "", 403, `plugin \"off\" may not use the cluster: plugin \"off\" is disabled`},
		{"a plugin not approved", "waiting", "GET", "/api/stream/objects?" + e.q("pods", ""), "", 403, "is waiting-approval"},
		{"no such plugin", "nobody", "GET", "/api/stream/objects?" + e.q("pods", ""), "", 403, `no plugin \"nobody\"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := e.do(t, tc.plugin, tc.method, tc.path, tc.body)
			if status != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("%s %s = %d %s, want %d with %q", tc.method, tc.path, status, body, tc.status, tc.want)
			}
		})
	}
	ctx := context.Background()
	if _, err := e.cs.CoreV1().ConfigMaps(e.ns).Get(ctx, "made-by-plugin", metav1.GetOptions{}); err != nil {
		t.Errorf("the granted apply did not happen: %v", err)
	}
	if _, err := e.cs.CoreV1().ConfigMaps(e.ns).Get(ctx, "not-made", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Errorf("a refused apply wrote its granted documents: %v", err)
	}
	if _, err := e.cs.CoreV1().Secrets(e.ns).Get(ctx, "stolen", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Errorf("a refused apply wrote a Secret: %v", err)
	}
	// Refused requests never reached the API server.
	for _, path := range []string{"/nodes", "/configmaps/not-made", "/secrets/stolen", "/deployments", "/pods/p/log"} {
		for _, r := range e.rec.requests(path) {
			if strings.Contains(r.agent, "plugin/") {
				t.Errorf("a refused plugin request reached the API server: %+v", r)
			}
		}
	}
}

// The header given twice (or empty) names no plugin: refused.
func TestPluginHeaderMustNameOnePlugin(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{Clusters: cluster.NewManager(kubeconfig.NewStore(nil), credentials.NewMemory(), testAgent, log), Log: log})
	h := New(func(*http.Request) (*session.Session, error) { return sess, nil }, log)
	for _, ids := range [][]string{{""}, {"a", "b"}} {
		req := httptest.NewRequest("GET", "/api/stream/objects?resource=pods&version=v1", nil)
		req.Header[http.CanonicalHeaderKey(PluginHeader)] = ids
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "may name one plugin") {
			t.Errorf("header %q: %d %s", ids, w.Code, w.Body.String())
		}
	}
}

// Every Kubernetes request made for a plugin reaches the API server with
// User-Agent "kubedeck/<version> plugin/<id>", as the recorder in front of
// it and the API server's own audit log both show; the app's own requests
// keep the app's agent.
func TestPluginRequestsReachTheAPIServerNamedByTheirPlugin(t *testing.T) {
	e := newGrantEnv(t)
	pluginAgent := testAgent + " plugin/tester"
	if status, body := e.do(t, "tester", "GET", "/api/stream/objects?"+e.q("pods", "&watch=0"), ""); status != 200 {
		t.Fatalf("list: %d %s", status, body)
	}
	if status, body := e.do(t, "tester", "POST", "/api/call/Apply", fmt.Sprintf(`["proxied",%q,%q,false]`, configMap("attributed"), e.ns)); status != 200 {
		t.Fatalf("apply: %d %s", status, body)
	}
	if status, body := e.do(t, "", "GET", "/api/stream/objects?"+e.q("secrets", "&watch=0"), ""); status != 200 {
		t.Fatalf("the app's own list: %d %s", status, body)
	}
	for _, c := range []struct {
		what, path, method, agent string
	}{
		{"the plugin's list", "/api/v1/namespaces/" + e.ns + "/pods", "GET", pluginAgent},
		{"the plugin's apply (its read of the live object)", "/api/v1/namespaces/" + e.ns + "/configmaps/attributed", "GET", pluginAgent},
		{"the plugin's apply (the patch)", "/api/v1/namespaces/" + e.ns + "/configmaps/attributed", "PATCH", pluginAgent},
		{"the app's own list", "/api/v1/namespaces/" + e.ns + "/secrets", "GET", testAgent},
	} {
		var got []string
		for _, s := range e.rec.requests(c.path) {
			if s.method == c.method && s.path == c.path {
				got = append(got, s.agent)
			}
		}
		if len(got) == 0 {
			t.Errorf("%s: no %s %s reached the API server", c.what, c.method, c.path)
		}
		for _, a := range got {
			if a != c.agent {
				t.Errorf("%s: User-Agent %q, want %q", c.what, a, c.agent)
			}
		}
		if audited := e.audited(t, c.method, c.path); !slices.Contains(audited, c.agent) || slices.ContainsFunc(audited, func(a string) bool { return a != c.agent }) {
			t.Errorf("%s: the API server's audit log has user agents %q, want only %q", c.what, audited, c.agent)
		}
	}
}

// audited returns the userAgent of every request to path with the HTTP
// method in the devcluster's audit log (D/logs/audit.log).
func (e *grantEnv) audited(t *testing.T, method, path string) []string {
	t.Helper()
	verbs := map[string][]string{"GET": {"get", "list", "watch"}, "PATCH": {"patch"}}[method]
	var out []string
	for range 50 { // the log is written as requests complete
		b, err := os.ReadFile(filepath.Join(e.c.Dir, "logs", "audit.log"))
		if err != nil {
			t.Fatalf("the devcluster's audit log: %v", err)
		}
		out = out[:0]
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var ev struct {
				Verb       string `json:"verb"`
				RequestURI string `json:"requestURI"`
				UserAgent  string `json:"userAgent"`
			}
			if json.Unmarshal([]byte(line), &ev) == nil && slices.Contains(verbs, ev.Verb) && strings.SplitN(ev.RequestURI, "?", 2)[0] == path {
				out = append(out, ev.UserAgent)
			}
		}
		if len(out) > 0 {
			return out
		}
		time.Sleep(100 * time.Millisecond)
	}
	return out
}
