package serve

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	usersession "github.com/kubedeck/kubedeck/app/session"
)

// clock is a fake time source for the session store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// closed records which sessions were closed.
type closed struct {
	mu   sync.Mutex
	cmds map[*usersession.Session]int
}

func (c *closed) close(scope *usersession.Session) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cmds == nil {
		c.cmds = map[*usersession.Session]int{}
	}
	c.cmds[scope]++
	scope.Close()
}

func (c *closed) has(scope *usersession.Session) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cmds[scope] > 0
}

// seams puts srv on the fake clock and records closed sessions.
func seams(clk *clock, rec *closed) func(*Server) {
	return func(srv *Server) {
		srv.sessions.now = clk.Now
		srv.sessions.closeScope = rec.close
	}
}

// syncBuffer is an io.Writer safe for the handler and the test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// browser is one cookie jar, following redirects as a browser does.
type browser struct {
	t      *testing.T
	srv    *Server
	client *http.Client
}

func newBrowser(t *testing.T, srv *Server) *browser {
	t.Helper()
	return newBrowserWith(t, srv, nil)
}

// newBrowserWith uses transport rt (nil: the default one).
func newBrowserWith(t *testing.T, srv *Server, rt http.RoundTripper) *browser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, srv: srv, client: &http.Client{Jar: jar, Transport: rt}}
}

// get fetches a URL and returns the status and body.
func (b *browser) get(u string) (int, string) {
	b.t.Helper()
	resp, err := b.client.Get(u)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// post sends a same-origin POST, as the page's own script would.
func (b *browser) post(path, origin string) (*http.Response, string) {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base(b.srv)+path, strings.NewReader("[]"))
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// signIn opens the launch address and wants the app.
func (b *browser) signIn(u string) {
	b.t.Helper()
	if code, body := b.get(u); code != http.StatusOK || !strings.Contains(body, "app") {
		b.t.Fatalf("sign-in = %d %q, want the app", code, body)
	}
}

// session is the browser's live session on the server.
func (b *browser) session() *session {
	b.t.Helper()
	u, _ := url.Parse(base(b.srv) + "/")
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == b.srv.cookie {
			b.srv.sessions.mu.Lock()
			defer b.srv.sessions.mu.Unlock()
			return b.srv.sessions.byID[c.Value]
		}
	}
	return nil
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
