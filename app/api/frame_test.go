package api

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/plugins/plugintest"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

// frameFS stands in for the built frontend.
var frameFS = fstest.MapFS{
	"index.html":           {Data: []byte(`<!doctype html><html><head><title>app</title></head><body></body></html>`)},
	"frame.html":           {Data: []byte(`<!doctype html><html lang="en"><head><meta charset="UTF-8"><script type="module" crossorigin src="/assets/frame-abc.js"></script><link rel="stylesheet" href="/assets/frame-abc.css"></head><body><div id="root"></div></body></html>`)},
	"assets/frame-abc.js":  {Data: []byte(`console.log("frame runtime")`)},
	"assets/frame-abc.css": {Data: []byte(`body{}`)},
	"assets/sub/deep.js":   {Data: []byte(`deep`)},
	"secret.txt":           {Data: []byte(`not an asset`)},
}

// framePluginSession is a session with plugin "hello" enabled, and its
// frame token.
func framePluginSession(t *testing.T) (*session.Session, string) {
	t.Helper()
	return framePluginSessionGranting(t, nil, plugins.Capabilities{})
}

// framePluginSessionGranting is framePluginSession with plugin "hello"
// asking for the network origins asked and granted grant.
func framePluginSessionGranting(t *testing.T, asked []string, grant plugins.Capabilities) (*session.Session, string) {
	t.Helper()
	caps := ""
	if len(asked) > 0 {
		b, _ := json.Marshal(map[string][]string{"network": asked})
		caps = string(b)
	}
	dir := t.TempDir()
	plugintest.Write(t, filepath.Join(dir, "plugins"), "hello", caps, map[string]string{"lib/util.js": "export const x = 1"})
	sess := session.New(session.Deps{
		Settings: settings.New(filepath.Join(dir, "settings.json")),
		Plugins:  plugins.NewCatalog(plugins.Dirs{Installed: filepath.Join(dir, "plugins")}),
	})
	return sess, plugintest.Approve(t, sess, "hello", grant)
}

// frameServer serves New(...).Middleware over frameFS for sess, as the
// desktop does (one session), with scheme "wails".
func frameServer(t *testing.T, sess *session.Session) *httptest.Server {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	h := New(func(*http.Request) (*session.Session, error) { return sess, nil }, log, WithFrames(Frames{
		Assets: frameFS,
		Sessions: func(_ *http.Request, token string) (*session.Session, error) {
			return sess, nil
		},
		Scheme: "wails",
	}))
	srv := httptest.NewServer(h.Middleware(http.FileServerFS(frameFS)))
	t.Cleanup(srv.Close)
	return srv
}

func fetch(t *testing.T, method, url string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", "null")
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestFrameDocument(t *testing.T) {
	sess, tok := framePluginSession(t)
	srv := frameServer(t, sess)
	host := strings.TrimPrefix(srv.URL, "http://")
	prefix := "wails://" + host + "/plugin-frame/" + tok + "/"
	for _, p := range []string{"/plugin-frame/" + tok + "/", "/plugin-frame/" + tok + "/index.html"} {
		resp, body := fetch(t, http.MethodGet, srv.URL+p)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", p, resp.StatusCode, body)
		}
		csp := resp.Header.Values("Content-Security-Policy")
		want := frameCSP(prefix, nil)
		if len(csp) != 1 || csp[0] != want+"; sandbox allow-scripts" {
			t.Errorf("%s: CSP header %q, want %q + sandbox", p, csp, want)
		}
		for _, part := range []string{"default-src 'none'", "script-src " + prefix + ";", "connect-src 'none'", "frame-src 'none'", "worker-src 'none'", "form-action 'none'", "base-uri 'none'", "object-src 'none'"} {
			if !strings.Contains(want, part) {
				t.Errorf("CSP lacks %q: %s", part, want)
			}
		}
		meta := `<head><meta http-equiv="Content-Security-Policy" content="` + strings.ReplaceAll(want, "'", "&#39;") + `"><meta charset="UTF-8">`
		if !strings.Contains(body, meta) {
			t.Errorf("%s: the CSP meta is not the first thing in <head>:\n%s", p, body)
		}
		if !strings.Contains(body, `src="./assets/frame-abc.js"`) || !strings.Contains(body, `href="./assets/frame-abc.css"`) || strings.Contains(body, `"/assets/`) {
			t.Errorf("%s: asset URLs not relative to the frame's folder:\n%s", p, body)
		}
		for k, v := range map[string]string{"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8"} {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", p, k, got, v)
			}
		}
	}
	if resp, body := fetch(t, http.MethodHead, srv.URL+"/plugin-frame/"+tok+"/"); resp.StatusCode != http.StatusOK || body != "" {
		t.Errorf("HEAD: %d %q", resp.StatusCode, body)
	}
}

func TestFrameFiles(t *testing.T) {
	sess, tok := framePluginSession(t)
	srv := frameServer(t, sess)
	base := srv.URL + "/plugin-frame/" + tok
	for _, tc := range []struct {
		path, wantBody, wantType string
	}{
		{"/assets/frame-abc.js", `console.log("frame runtime")`, "text/javascript; charset=utf-8"},
		{"/assets/frame-abc.css", `body{}`, "text/css; charset=utf-8"},
		{"/plugin/main.js", "export default function activate(){}", "text/javascript; charset=utf-8"},
		{"/plugin/lib/util.js", "export const x = 1", "text/javascript; charset=utf-8"},
		{"/plugin/package.json", `"name":"hello"`, "application/json"},
	} {
		resp, body := fetch(t, http.MethodGet, base+tc.path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, tc.wantBody) || resp.Header.Get("Content-Type") != tc.wantType {
			t.Errorf("%s: %d %q %s", tc.path, resp.StatusCode, body, resp.Header.Get("Content-Type"))
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", tc.path, resp.Header)
		}
	}
}

// Only the four routes exist under the prefix, for GET and HEAD, with a
// token of a plugin that is enabled now at the hash it was minted for.
func TestFrameRefusals(t *testing.T) {
	sess, tok := framePluginSession(t)
	srv := frameServer(t, sess)
	other := strings.Repeat("0", 32)
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/plugin-frame/" + other + "/", 404},
		{"GET", "/plugin-frame/" + other + "/assets/frame-abc.js", 404},
		{"GET", "/plugin-frame/not-a-token/", 404},
		{"GET", "/plugin-frame/" + tok, 307}, // to its folder, where relative URLs resolve
		{"GET", "/plugin-frame/" + tok + "/assets/../../../api/call/Version", 404},
		{"GET", "/plugin-frame/" + tok + "/assets/%2e%2e/%2e%2e/%2e%2e/api/call/Version", 404},
		{"GET", "/plugin-frame/" + tok + "//plugin/main.js", 404},
		{"GET", "/plugin-frame/" + tok + "/plugin/./main.js", 404},
		{"GET", "/plugin-frame/" + tok + "/secret.txt", 404},
		{"GET", "/plugin-frame/" + tok + "/frame.html", 404},
		{"GET", "/plugin-frame/" + tok + "/assets/sub/deep.js", 404},
		{"GET", "/plugin-frame/" + tok + "/assets/missing.js", 404},
		{"GET", "/plugin-frame/" + tok + "/assets/", 404},
		{"GET", "/plugin-frame/" + tok + "/plugin/missing.js", 404},
		{"GET", "/plugin-frame/" + tok + "/plugin/..%2f..%2fsettings.json", 404},
		{"GET", "/plugin-frame/" + tok + "/api/call/Version", 404},
		{"GET", "/plugin-frame/" + tok + "/api/stream/contexts", 404},
		{"POST", "/plugin-frame/" + tok + "/", 405},
		{"POST", "/plugin-frame/" + tok + "/api/call/RevealSecret", 405},
		{"PUT", "/plugin-frame/" + tok + "/plugin/main.js", 405},
		{"DELETE", "/plugin-frame/" + tok + "/plugin/main.js", 405},
	} {
		resp, body := fetch(t, tc.method, srv.URL+tc.path)
		if resp.StatusCode != tc.want {
			t.Errorf("%s %s = %d %q, want %d", tc.method, tc.path, resp.StatusCode, body, tc.want)
		}
		if strings.Contains(body, "frame runtime") || strings.Contains(body, "not an asset") || strings.Contains(body, "version") {
			t.Errorf("%s %s leaked %q", tc.method, tc.path, body)
		}
	}
	// A disabled plugin's token stops working.
	if _, err := commands.For(sess).SetPluginEnabled("hello", false); err != nil {
		t.Fatal(err)
	}
	if resp, _ := fetch(t, "GET", srv.URL+"/plugin-frame/"+tok+"/plugin/main.js"); resp.StatusCode != 404 {
		t.Errorf("disabled plugin's file: %d", resp.StatusCode)
	}
}

// The session lookup decides: a token no session owns is a 404, and
// without WithFrames nothing is served.
func TestFrameSessionLookup(t *testing.T) {
	sess, tok := framePluginSession(t)
	log := slog.New(slog.DiscardHandler)
	none := New(func(*http.Request) (*session.Session, error) { return sess, nil }, log, WithFrames(Frames{
		Assets:   frameFS,
		Sessions: func(*http.Request, string) (*session.Session, error) { return nil, errors.New("no session has it") },
	}))
	bare := New(func(*http.Request) (*session.Session, error) { return sess, nil }, log)
	for name, h := range map[string]*Handler{"lookup fails": none, "no frames": bare} {
		rec := httptest.NewRecorder()
		h.Middleware(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest("GET", "/plugin-frame/"+tok+"/", nil))
		if rec.Code != 404 || strings.Contains(rec.Body.String(), "<head>") {
			t.Errorf("%s: %d %q", name, rec.Code, rec.Body.String())
		}
	}
}

func TestFrameCSPConnectSrc(t *testing.T) {
	const prefix = "https://kd.example:8443/plugin-frame/t/"
	for _, tc := range []struct {
		name    string
		network []string
		want    string
	}{
		{"none granted", nil, "connect-src 'none';"},
		{"origins", []string{"https://api.example.com", "http://localhost:9090"}, "connect-src https://api.example.com http://localhost:9090;"},
		{"trailing slash normalised", []string{"https://api.example.com/"}, "connect-src https://api.example.com;"},
		{"paths, wildcards and injections dropped", []string{"https://a.example/path", "https://*.example", "https://a.example; script-src *", "https://b.example 'unsafe-eval'", "javascript:alert(1)", "*", "https://u:p@c.example", "wss://d.example"}, "connect-src 'none';"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := frameCSP(prefix, tc.network)
			if !strings.Contains(got, tc.want) {
				t.Errorf("CSP %q lacks %q", got, tc.want)
			}
			if strings.Count(got, ";") != 11 {
				t.Errorf("CSP has extra directives: %q", got)
			}
		})
	}
}

// The frame may connect to the origins granted, and only those: asked for
// but not granted is none.
func TestGrantedNetworkIsWhatWasGranted(t *testing.T) {
	asked := []string{"https://api.example.com", "http://10.0.0.1:8080"}
	for _, tc := range []struct {
		name  string
		grant []string
	}{
		{"all", asked},
		{"some", asked[:1]},
		{"none", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sess, tok := framePluginSessionGranting(t, asked, plugins.Capabilities{Network: tc.grant})
			p, err := sess.FramePlugin(tok)
			if err != nil {
				t.Fatal(err)
			}
			if got := grantedNetwork(sess, p); !slices.Equal(got, tc.grant) {
				t.Errorf("grantedNetwork = %q, want %q", got, tc.grant)
			}
			res, err := http.Get(frameServer(t, sess).URL + "/plugin-frame/" + tok + "/")
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			csp := res.Header.Get("Content-Security-Policy")
			want := "connect-src 'none'"
			if len(tc.grant) > 0 {
				want = "connect-src " + strings.Join(tc.grant, " ")
			}
			if !strings.Contains(csp, want) {
				t.Errorf("CSP %q lacks %q", csp, want)
			}
		})
	}
}

// Without a grant, a plugin is granted no network origin.
func TestGrantedNetworkIsNoneWithoutAGrant(t *testing.T) {
	sess, _ := framePluginSession(t)
	p, err := sess.EnabledPlugin("hello")
	if err != nil {
		t.Fatal(err)
	}
	if got := grantedNetwork(sess, p); len(got) != 0 {
		t.Errorf("grantedNetwork = %q, want none", got)
	}
}
