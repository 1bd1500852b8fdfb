package serve

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	usersession "github.com/kubedeck/kubedeck/app/session"
)

func start(t *testing.T) *Server {
	t.Helper()
	return startWith(t, Options{}, nil)
}

// startWith starts a server with opts (zero fields get test defaults);
// before, if given, adjusts the server before it serves (test seams).
func startWith(t *testing.T, opts Options, before func(*Server)) *Server {
	t.Helper()
	srv, err := Listen(testOptions(t, opts))
	if err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = srv.Serve(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return srv
}

func testOptions(t *testing.T, opts Options) Options {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if opts.Log == nil {
		opts.Log = log
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.Assets == nil {
		opts.Assets = fstest.MapFS{"index.html": {Data: []byte("<html>app</html>")}}
	}
	if opts.NewSession == nil {
		store := kubeconfig.NewStore([]string{t.TempDir() + "/none"})
		opts.NewSession = func() *usersession.Session {
			return usersession.New(usersession.Deps{Version: "test", Clusters: cluster.NewManager(store, credentials.NewMemory(), "test", log), Log: log})
		}
	}
	return opts
}

// base is the UI's origin, as a browser should use it.
func base(srv *Server) string { return srv.scheme() + "://" + srv.publicHost() }

func TestRequestsWithoutTheTokenGet401(t *testing.T) {
	srv := start(t)
	base := base(srv)
	for _, path := range []string{"/", "/index.html", "/api/stream/list?version=v1&resource=pods"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s without a session = %d, want 401", path, resp.StatusCode)
		}
	}
	resp, err := http.Get(base + "/?token=wrong")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token = %d, want 401", resp.StatusCode)
	}
}

func TestTokenIsExchangedForAStrictHttpOnlyCookie(t *testing.T) {
	srv := start(t)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("login = %d to %q, want 303 to / (the token leaves the address bar)", resp.StatusCode, resp.Header.Get("Location"))
	}
	set := resp.Header.Get("Set-Cookie")
	for _, want := range []string{CookieName + "=", "HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(set, want) {
			t.Errorf("Set-Cookie %q lacks %q", set, want)
		}
	}
	resp, err = client.Get(base(srv) + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "app") {
		t.Errorf("with the cookie: %d %q", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}

	call := func(origin string) int {
		req, _ := http.NewRequest(http.MethodPost, base(srv)+"/api/call/Version", strings.NewReader("[]"))
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	if got := call(base(srv)); got != http.StatusOK {
		t.Errorf("same-origin call = %d, want 200", got)
	}
	if got := call("http://evil.example"); got != http.StatusForbidden {
		t.Errorf("cross-origin call = %d, want 403", got)
	}
	if got := call(""); got != http.StatusForbidden {
		t.Errorf("call without Origin = %d, want 403", got)
	}
}

func TestForeignHostIsRefused(t *testing.T) {
	srv := start(t)
	req, _ := http.NewRequest(http.MethodGet, srv.URL(), nil)
	req.Host = "attacker.example:80"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host = %d, want 421 (DNS rebinding guard)", resp.StatusCode)
	}
}
