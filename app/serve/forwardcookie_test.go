package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// A port-forward opened from the dock listens on http://127.0.0.1:PORT.
// Cookies ignore ports, so a session cookie set for 127.0.0.1 would reach
// whatever the forwarded pod serves; the UI lives on "localhost" instead.
func TestSessionCookieDoesNotReachAPortForwardOn127001(t *testing.T) {
	srv := start(t)
	var got []string
	forward := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, c := range r.Cookies() {
			got = append(got, c.Name)
		}
	}))
	defer forward.Close()
	if !strings.HasPrefix(forward.URL, "http://127.0.0.1:") {
		t.Fatalf("forward stand-in at %s, want 127.0.0.1", forward.URL)
	}

	// Sign in as a user would: the printed address, and also the same address
	// typed with 127.0.0.1 (it must be moved to localhost before the token
	// is exchanged, or the cookie would belong to 127.0.0.1).
	for _, typed := range []bool{false, true} {
		got = nil
		if typed {
			srv = start(t)
		}
		_, port, _ := net.SplitHostPort(srv.Addr())
		u, _ := url.Parse(srv.URL())
		if typed {
			u.Host = "127.0.0.1:" + port
		}
		login, how := u.String(), "the printed address"
		if typed {
			how = "the address typed with 127.0.0.1"
		}
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar}
		resp, err := client.Get(login)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "app") {
			t.Fatalf("sign-in through %s = %d %q", how, resp.StatusCode, body)
		}
		if host := resp.Request.URL.Hostname(); host != "localhost" {
			t.Errorf("signed in through %s ended on host %q, want localhost", how, host)
		}
		ui, _ := url.Parse("http://localhost:" + port + "/")
		if len(jar.Cookies(ui)) == 0 {
			t.Errorf("no session cookie for %s after signing in through %s", ui, how)
		}
		fresp, err := client.Get(forward.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		_ = fresp.Body.Close()
		if len(got) != 0 {
			t.Errorf("the port-forward at %s received cookies %v after signing in through %s", forward.URL, got, how)
		}
	}
}
