package api

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// seen is one request as it reached the real API server.
type seen struct{ method, path, query, agent string }

// recorder is a reverse proxy in front of the devcluster's API server that
// notes every request's method, path and User-Agent (what the server's
// audit log would record), passing everything else on unchanged.
type recorder struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []seen
}

func newRecorder(t *testing.T, c *testcluster.Cluster) *recorder {
	t.Helper()
	target, err := url.Parse(c.Server)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := os.ReadFile(filepath.Join(c.Dir, "pki", "ca.crt"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca) {
		t.Fatal("the devcluster's CA does not parse")
	}
	rec := &recorder{}
	proxy := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			pr.Out.Host = target.Host
			pr.Out.Header["User-Agent"] = pr.In.Header["User-Agent"] // unchanged, even when empty
			rec.mu.Lock()
			rec.got = append(rec.got, seen{pr.In.Method, pr.In.URL.Path, pr.In.URL.RawQuery, pr.In.Header.Get("User-Agent")})
			rec.mu.Unlock()
		},
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, ForceAttemptHTTP2: true},
		FlushInterval: -1,
		ErrorLog:      log.New(io.Discard, "", 0), // cancelled watches
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, err.Error())
		},
	}
	rec.srv = httptest.NewTLSServer(proxy) // client-go sends no token to an http:// server
	t.Cleanup(rec.srv.Close)
	return rec
}

// kubeconfig writes a kubeconfig whose one context, "proxied", reaches the
// cluster through the recorder as admin.
func (rec *recorder) kubeconfig(t *testing.T, c *testcluster.Cluster) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kubeconfig")
	body := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: proxy
  cluster:
    server: %q
    certificate-authority-data: %s
users:
- name: admin
  user:
    token: %q
contexts:
- name: proxied
  context:
    cluster: proxy
    user: admin
current-context: proxied
`, rec.srv.URL, base64.StdEncoding.EncodeToString(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: rec.srv.Certificate().Raw})), c.Tokens[testcluster.Admin])
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// requests returns the requests recorded whose path contains fragment.
func (rec *recorder) requests(fragment string) []seen {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []seen
	for _, s := range rec.got {
		if strings.Contains(s.path, fragment) {
			out = append(out, s)
		}
	}
	return out
}
