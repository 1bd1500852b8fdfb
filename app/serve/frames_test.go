package serve

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/plugins/plugintest"
	usersession "github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

const frameDoc = `<!doctype html><html><head><script type="module" src="/assets/frame.js"></script></head><body></body></html>`

// frameFixture is a server whose sessions see plugin "hello", a signed-in
// browser, and the frame token of "hello" (approved) in its session.
func frameFixture(t *testing.T) (*Server, *browser, string) {
	t.Helper()
	dir := t.TempDir()
	plugintest.Write(t, filepath.Join(dir, "plugins"), "hello", "", nil)
	store := settings.New(filepath.Join(dir, "settings.json"))
	catalog := plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(dir, "plugins")})
	opts := testOptions(t, Options{Assets: fstest.MapFS{
		"index.html":      {Data: []byte("<html>app</html>")},
		"frame.html":      {Data: []byte(frameDoc)},
		"assets/frame.js": {Data: []byte("frame runtime")},
	}})
	newScope := opts.NewSession
	opts.NewSession = func() *usersession.Session {
		base := newScope()
		return usersession.New(usersession.Deps{Version: base.Version(), Settings: store, Plugins: catalog, Log: base.Log()})
	}
	srv := startWith(t, opts, nil)
	b := newBrowser(t, srv)
	b.signIn(srv.URL())
	scope := b.session().scope
	return srv, b, plugintest.Approve(t, scope, "hello", plugins.Capabilities{})
}

// asFrame sends a request as a sandboxed plugin frame's script makes it:
// Origin null, cross-site, and no cookie (the frame's origin is opaque).
func asFrame(t *testing.T, srv *Server, method, path string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(`["ctx","default","token","token"]`)
	}
	req, _ := http.NewRequest(method, base(srv)+path, body)
	req.Header.Set("Origin", "null")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Sec-Fetch-Mode", "cors")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestFrameFilesNeedOnlyTheirToken(t *testing.T) {
	srv, _, tok := frameFixture(t)
	for _, tc := range []struct {
		method, path, want string
	}{
		{"GET", "/plugin-frame/" + tok + "/", "<head><meta http-equiv=\"Content-Security-Policy\""},
		{"GET", "/plugin-frame/" + tok + "/index.html", "./assets/frame.js"},
		{"GET", "/plugin-frame/" + tok + "/assets/frame.js", "frame runtime"},
		{"GET", "/plugin-frame/" + tok + "/plugin/main.js", "activate"},
		{"HEAD", "/plugin-frame/" + tok + "/plugin/main.js", ""},
	} {
		resp, body := asFrame(t, srv, tc.method, tc.path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, tc.want) {
			t.Errorf("%s %s = %d %q, want 200 with %q", tc.method, tc.path, resp.StatusCode, body, tc.want)
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s %s: no ACAO *", tc.method, tc.path)
		}
	}
	resp, _ := asFrame(t, srv, "GET", "/plugin-frame/"+tok+"/")
	csp := resp.Header.Values("Content-Security-Policy")
	prefix := "http://" + srv.publicHost() + "/plugin-frame/" + tok + "/"
	if len(csp) != 2 || csp[0] != frameAncestorsCSP || !strings.HasPrefix(csp[1], "default-src 'none'; script-src "+prefix+";") || !strings.HasSuffix(csp[1], "; sandbox allow-scripts") {
		t.Errorf("frame CSP headers = %q", csp)
	}
	if xfo := resp.Header.Get("X-Frame-Options"); xfo != "" {
		t.Errorf("frame document has X-Frame-Options %q: the app could not frame it", xfo)
	}
}

func TestFramePathsWithoutAValidToken(t *testing.T) {
	srv, b, tok := frameFixture(t)
	other := strings.Repeat("ab", 16)
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/plugin-frame/" + other + "/", http.StatusNotFound},
		{"GET", "/plugin-frame/" + other + "/plugin/main.js", http.StatusNotFound},
		{"GET", "/plugin-frame/x/assets/frame.js", http.StatusNotFound},
		{"GET", "/plugin-frame/" + tok + "/api/call/Version", http.StatusNotFound},
		{"GET", "/plugin-frame/" + tok + "/assets/%2e%2e/%2e%2e/%2e%2e/index.html", http.StatusNotFound},
		// Anything but a read is an ordinary request: the guards refuse it.
		{"POST", "/plugin-frame/" + tok + "/", http.StatusForbidden},
		{"POST", "/plugin-frame/" + tok + "/api/call/RevealSecret", http.StatusForbidden},
	} {
		if resp, body := asFrame(t, srv, tc.method, tc.path); resp.StatusCode != tc.want {
			t.Errorf("%s %s = %d %q, want %d", tc.method, tc.path, resp.StatusCode, body, tc.want)
		}
	}
	// The token dies with its session.
	srv.sessions.end(sessionID(t, b), endedLogout)
	if resp, _ := asFrame(t, srv, "GET", "/plugin-frame/"+tok+"/plugin/main.js"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("token after logout = %d, want 404", resp.StatusCode)
	}
}

// Nothing a plugin's frame runs reaches the API: Origin null is refused,
// and without the cookie (which an opaque origin never sends) there is no
// session at all.
func TestFrameRequestsToTheAPIAreRefused(t *testing.T) {
	srv, b, _ := frameFixture(t)
	targets := []struct{ method, path string }{
		{"POST", "/api/call/RevealSecret"},
		{"POST", "/api/call/SetReadOnly"},
		{"POST", "/api/call/ApprovePlugin"},
		{"POST", "/api/call/AddKubeconfig"},
		{"GET", "/api/stream/object?context=ctx&version=v1&resource=secrets&namespace=default&name=token"},
		{"GET", "/api/stream/contexts"},
		{"GET", "/api/plugins/hello/main.js"},
		{"GET", "/"},
	}
	for _, tc := range targets {
		if resp, body := asFrame(t, srv, tc.method, tc.path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("frame %s %s = %d %q, want 403", tc.method, tc.path, resp.StatusCode, body)
		}
	}
	// Even were the cookie sent, Origin null is refused.
	for _, tc := range targets {
		req, _ := http.NewRequest(tc.method, base(srv)+tc.path, strings.NewReader("[]"))
		req.Header.Set("Origin", "null")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		resp, err := b.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("frame with cookie %s %s = %d, want 403", tc.method, tc.path, resp.StatusCode)
		}
	}
	// And a GET without Origin (a navigation) still needs the cookie.
	req, _ := http.NewRequest("GET", base(srv)+targets[4].path, nil)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("stream without cookie = %d, want 401", resp.StatusCode)
	}
}

// The app's pages may frame the plugin frames, and nothing may frame them.
func TestAppPageMayFrameItsPluginFrames(t *testing.T) {
	srv, b, _ := frameFixture(t)
	resp, err := b.client.Get(base(srv) + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("app page: CSP %q, X-Frame-Options %q", csp, resp.Header.Get("X-Frame-Options"))
	}
}

func sessionID(t *testing.T, b *browser) string {
	t.Helper()
	for _, c := range b.client.Jar.Cookies(mustParse(t, base(b.srv)+"/")) {
		if c.Name == b.srv.cookie {
			return c.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}
