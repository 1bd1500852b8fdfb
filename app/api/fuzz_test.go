package api

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/session"
)

// FuzzCall sends POST /api/call/{method} with a fuzzed method name and body
// through the real Handler, over Commands whose kubeconfig is empty (no
// cluster is needed: every command must fail cleanly without one). Never a
// panic; every answer is JSON; an error is a 4xx with a message, and a 5xx
// is allowed only as such a clear error (a recovered panic says so).
func FuzzCall(f *testing.F) {
	f.Add("Version", []byte("[]"))
	f.Add("Namespaces", []byte(`[""]`))
	f.Add("Apply", []byte(`["", "kind: x", "", true]`))
	f.Fuzz(func(t *testing.T, method string, body []byte) {
		h := fuzzHandler(t)
		req := httptest.NewRequest(http.MethodPost, "/api/call/"+url.PathEscape(method), bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		out, _ := io.ReadAll(res.Body)
		if res.StatusCode == http.StatusOK {
			if !json.Valid(out) {
				t.Fatalf("%s %q: 200 with a body that is not JSON: %q", method, body, out)
			}
			return
		}
		var e struct {
			Error string `json:"error"`
		}
		if err := json.Unmarshal(out, &e); err != nil || e.Error == "" {
			t.Fatalf("%s %q: %d without a JSON error message: %q", method, body, res.StatusCode, out)
		}
		if res.StatusCode < 400 || res.StatusCode > 599 {
			t.Fatalf("%s %q: status %d for an error (%s)", method, body, res.StatusCode, e.Error)
		}
	})
}

func fuzzHandler(t *testing.T) *Handler {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	store := kubeconfig.NewStore([]string{filepath.Join(t.TempDir(), "none")})
	sess := session.New(session.Deps{Version: "fuzz", Clusters: cluster.NewManager(store, credentials.NewMemory(), "fuzz", log), Log: log})
	t.Cleanup(func() { sess.Close() })
	return New(func(*http.Request) (*session.Session, error) { return sess, nil }, log)
}
