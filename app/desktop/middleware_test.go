package desktop

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/plugins/plugintest"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

var builtAssets = fstest.MapFS{
	"index.html":      {Data: []byte(`<!doctype html><html><head><meta charset="UTF-8"></head><body><div id="root"></div></body></html>`)},
	"frame.html":      {Data: []byte(`<!doctype html><html><head><script type="module" src="/assets/frame.js"></script></head><body></body></html>`)},
	"assets/frame.js": {Data: []byte(`frame runtime`)},
}

// pluginSession is a session with plugin "hello" approved, and its frame token.
func pluginSession(t *testing.T) (*session.Session, string) {
	t.Helper()
	dir := t.TempDir()
	plugintest.Write(t, filepath.Join(dir, "plugins"), "hello", "", nil)
	sess := session.New(session.Deps{Version: "9.9.9", Settings: settings.New(filepath.Join(dir, "settings.json")),
		Plugins: plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(dir, "plugins")})})
	return sess, plugintest.Approve(t, sess, "hello", plugins.Capabilities{})
}

// The shell's whole middleware in front of the files, as the webview
// reaches it (wails://wails/...). (Wails' AssetServer itself needs cgo and
// the webkit build tag; the desktop smoke test runs it for real.)
func TestMiddlewareNeedsTheKeyForTheAPIOnly(t *testing.T) {
	sess, tok := pluginSession(t)
	s := testShell(t, &fakeWindow{}, defaultWindowState())
	s.opts.Assets, s.opts.Session = builtAssets, sess
	srv := s.assetMiddleware(appKey)(http.FileServerFS(builtAssets))
	do := func(method, path, key string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, "http://wails"+path, strings.NewReader("[]"))
		req.Host = "wails"
		if key != "" {
			req.Header.Set(KeyHeader, key)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}

	index := do("GET", "/", "").Body.String()
	if !strings.Contains(index, `<head><meta name="kubedeck-key" content="`+appKey+`">`) {
		t.Errorf("index.html = %s, want the key", index)
	}
	for _, tc := range []struct {
		method, path, key string
		want              int
		body              string
	}{
		{"POST", "/api/call/Version", "", 403, KeyHeader},
		{"POST", "/api/call/Version", "wrong", 403, KeyHeader},
		{"POST", "/api/call/Version", appKey, 200, `"version":"9.9.9"`},
		{"GET", "/api/stream/contexts", "", 403, KeyHeader},
		{"POST", SavePath + "?name=x.txt", "", 403, KeyHeader},
		{"GET", "/plugin-frame/" + tok + "/plugin/main.js", "", 200, "activate"},
		{"GET", "/plugin-frame/" + tok + "/assets/frame.js", "", 200, "frame runtime"},
	} {
		rec := do(tc.method, tc.path, tc.key)
		if rec.Code != tc.want || !strings.Contains(rec.Body.String(), tc.body) {
			t.Errorf("%s %s (key %q) = %d %q, want %d with %q", tc.method, tc.path, tc.key, rec.Code, rec.Body.String(), tc.want, tc.body)
		}
	}

	// The frame document, by token alone, with a policy for wails://wails/.
	// (Wails adds its runtime scripts to any HTML page ending in "/",
	// before our <meta>; the CSP header, which WebKitGTK honours on
	// wails://, allows scripts from the frame's folder only.)
	rec := do("GET", "/plugin-frame/"+tok+"/", "")
	csp := rec.Header().Get("Content-Security-Policy")
	prefix := "wails://wails/plugin-frame/" + tok + "/"
	if rec.Code != 200 || !strings.Contains(csp, "script-src "+prefix+";") || !strings.Contains(rec.Body.String(), `http-equiv="Content-Security-Policy"`) {
		t.Errorf("frame document = %d, CSP %q, body %s", rec.Code, csp, rec.Body.String())
	}
}
