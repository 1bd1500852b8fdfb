package hostile

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/app/api"
	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/serve"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

// logBuffer is a slog destination tests can search.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func randomHex(t testing.TB, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// adminClient is a clientset of the cluster's admin context.
func adminClient(t testing.TB, c *testcluster.Cluster) kubernetes.Interface {
	t.Helper()
	rc, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)}).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := kubernetes.NewForConfig(rc)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// seedSecret creates a Secret in default holding a random value and
// returns its name and value.
func seedSecret(t testing.TB, c *testcluster.Cluster) (name, value string) {
	t.Helper()
	cs := adminClient(t, c)
	name, value = "hostile-"+randomHex(t, 4), randomHex(t, 24)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := cs.CoreV1().Secrets("default").Create(ctx, &corev1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: name},
		StringData: map[string]string{"password": value},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatalf("seed the Secret: %v", err)
	}
	t.Cleanup(func() {
		_ = cs.CoreV1().Secrets("default").Delete(context.Background(), name, metav1.DeleteOptions{})
	})
	return name, value
}

// watchedStore is the kubeconfig store kept current by a file watch, as
// main.go builds it for both shells.
func watchedStore(t testing.TB, kubeconfigPath string, log *slog.Logger) *kubeconfig.Store {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	store := kubeconfig.NewStore([]string{kubeconfigPath})
	if err := store.Watch(ctx, log); err != nil {
		t.Fatalf("watch the kubeconfig: %v", err)
	}
	return store
}

// extras are the optional dependencies of a shell's Commands.
type extras struct {
	plugins  *plugins.Catalog
	settings *settings.Store
}

// newSession returns a Session over the store, as both shells build them.
func newSession(store *kubeconfig.Store, log *slog.Logger, x extras) *session.Session {
	return session.New(session.Deps{Version: "hostile", Clusters: cluster.NewManager(store, credentials.NewMemory(), "hostile", log),
		Settings: x.settings, Plugins: x.plugins, Log: log})
}

// pluginFixture makes a plugin folder with two plugins: p (plain files) and
// q (a symlink leading out of it, to a file holding secret), and a settings
// file to approve them in.
func pluginFixture(t testing.TB, secret string) extras {
	t.Helper()
	dir := t.TempDir()
	write := func(path, body string) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "outside.txt"), secret)
	for _, id := range []string{"p", "q"} {
		write(filepath.Join(dir, "plugins", id, "package.json"), `{"name":"`+id+`","main":"main.js","kubedeck":{"apiVersion":1}}`)
		write(filepath.Join(dir, "plugins", id, "main.js"), "export default {}")
		write(filepath.Join(dir, "plugins", id, "sub", "a.js"), "export const a = 1")
	}
	if err := os.Symlink("../../outside.txt", filepath.Join(dir, "plugins", "q", "link-out")); err != nil {
		t.Fatal(err)
	}
	return extras{plugins: plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(dir, "plugins")}), settings: settings.New(filepath.Join(dir, "settings.json"))}
}

// approvePlugins approves and enables every valid plugin through the API,
// as a user on the Plugins page does.
func approvePlugins(t testing.TB, sh *shell) {
	t.Helper()
	call := func(method, body string) []byte {
		req, _ := http.NewRequest(http.MethodPost, sh.base+"/api/call/"+method, strings.NewReader(body))
		req.Header.Set("Origin", sh.base)
		a := do(context.Background(), sh.client, req)
		if a.status != http.StatusOK {
			t.Fatalf("%s %s = %d %s", method, body, a.status, a.body)
		}
		return a.body
	}
	var list []struct {
		ID   string `json:"id"`
		Hash string `json:"hash"`
		Err  string `json:"error"`
	}
	if err := json.Unmarshal(call("Plugins", "[]"), &list); err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Err == "" {
			call("ApprovePlugin", `["`+p.ID+`","`+p.Hash+`",{}]`)
		}
	}
}

// shell is one way into the API: a base URL and a client that carries
// whatever the shell needs (the browser shell's session cookie).
type shell struct {
	name   string
	base   string
	client *http.Client
	// browser is true for the serve shell (login, Host and Origin guards).
	browser bool
	// secrets are strings that must never appear in an answer or a log.
	secrets []string
}

// startBrowserShell runs serve.Listen + Serve and signs in with the launch
// token through a cookie jar. opts may adjust the options before Listen.
func startBrowserShell(t testing.TB, kubeconfigPath string, log *slog.Logger, x extras, opts func(*serve.Options)) (*shell, *serve.Server, <-chan error) {
	t.Helper()
	store := watchedStore(t, kubeconfigPath, log)
	o := serve.Options{
		Addr:       "127.0.0.1:0",
		Assets:     fstest.MapFS{"index.html": {Data: []byte("<html>app</html>")}},
		NewSession: func() *session.Session { return newSession(store, log, x) },
		Log:        log,
	}
	if opts != nil {
		opts(&o)
	}
	srv, err := serve.Listen(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	launch := srv.URL()
	u, err := url.Parse(launch)
	if err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(launch)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sign in with the launch token: %s", resp.Status)
	}
	// The address the browser ended on (the login redirects to the UI).
	base := resp.Request.URL.Scheme + "://" + resp.Request.URL.Host
	sh := &shell{name: "browser", base: base, client: client, browser: true,
		secrets: []string{u.Query().Get("token")}}
	if next, err := url.Parse(srv.URL()); err == nil && next.Query().Get("token") != "" {
		sh.secrets = append(sh.secrets, next.Query().Get("token"))
	}
	return sh, srv, done
}

// startDesktopShell serves the API handler as app/desktop mounts it: one
// Session for the whole app, api.New(...).Middleware in front of the
// assets, no login and no Host or Origin checks (the webview reaches it
// in-process through the Wails AssetServer, with no network port).
func startDesktopShell(t testing.TB, kubeconfigPath string, log *slog.Logger, x extras) *shell {
	t.Helper()
	sess := newSession(watchedStore(t, kubeconfigPath, log), log, x)
	t.Cleanup(sess.Close)
	h := api.New(func(*http.Request) (*session.Session, error) { return sess, nil }, log)
	assets := http.FileServerFS(fstest.MapFS{"index.html": {Data: []byte("<html>app</html>")}})
	srv := httptest.NewServer(h.Middleware(assets))
	t.Cleanup(srv.Close)
	return &shell{name: "desktop", base: srv.URL, client: srv.Client()}
}

// answer is what a request got back, read within its deadline.
type answer struct {
	status  int
	header  http.Header
	body    []byte
	lines   []map[string]any // NDJSON lines, for streams
	badLine string           // a stream line that is not a JSON object
	err     error            // the request itself failed (not a timeout)
}

// streamStop says whether a stream line ends the read: an error line, or
// the first line carrying data.
func streamStop(m map[string]any) bool {
	switch m["type"] {
	case "heartbeat", "columns", "status", "cordoned":
		return false
	}
	return true
}

// do sends one request with a short deadline; streams are read up to the
// first error or data line, then cancelled.
func do(ctx context.Context, client *http.Client, req *http.Request) answer {
	ctx, cancel := context.WithTimeout(ctx, 4*time.Second)
	defer cancel()
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode, header: resp.Header}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/x-ndjson") {
		a.body, err = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			a.err = err
		}
		return a
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var body bytes.Buffer
	for sc.Scan() {
		body.Write(sc.Bytes())
		body.WriteByte('\n')
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			a.badLine = sc.Text()
			break
		}
		a.lines = append(a.lines, m)
		if streamStop(m) {
			break
		}
	}
	a.body = body.Bytes()
	return a
}

// errorMessage is the answer's clear error, or "".
func (a answer) errorMessage() string {
	if a.status >= 400 && a.status < 500 {
		if strings.HasPrefix(a.header.Get("Content-Type"), "application/json") {
			var e struct {
				Error string `json:"error"`
			}
			if json.Unmarshal(a.body, &e) == nil {
				return strings.TrimSpace(e.Error)
			}
			return ""
		}
		return strings.TrimSpace(string(a.body))
	}
	if a.status == http.StatusOK && len(a.lines) == 0 {
		return resultError(a.body)
	}
	if a.status == http.StatusOK {
		for _, m := range a.lines {
			if t := m["type"]; t == "error" || t == "deleted" {
				msg, _ := m["message"].(string)
				return strings.TrimSpace(msg)
			}
		}
	}
	return ""
}

// resultError is the error a command's 200 answer carries per object
// (Apply, Update and Delete report each object's outcome: {"error": ...}).
func resultError(body []byte) string {
	var one struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &one) == nil && strings.TrimSpace(one.Error) != "" {
		return strings.TrimSpace(one.Error)
	}
	var many []struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &many) == nil {
		for _, r := range many {
			if strings.TrimSpace(r.Error) != "" {
				return strings.TrimSpace(r.Error)
			}
		}
	}
	return ""
}

// leaks returns which of secrets (and their base64 forms) appear in s.
func leaks(s string, secrets []string) []string {
	var out []string
	for _, v := range secrets {
		if v == "" {
			continue
		}
		for _, form := range []string{v, base64.StdEncoding.EncodeToString([]byte(v))} {
			if strings.Contains(s, form) {
				out = append(out, v[:min(6, len(v))]+"…")
				break
			}
		}
	}
	return out
}

func headerText(h http.Header) string {
	var b strings.Builder
	for k, vs := range h {
		for _, v := range vs {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	return b.String()
}

func clusterTokens(c *testcluster.Cluster) []string {
	out := make([]string, 0, len(c.Tokens))
	for _, tok := range c.Tokens {
		out = append(out, tok)
	}
	return out
}
