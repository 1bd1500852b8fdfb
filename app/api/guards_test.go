package api

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/session"
)

// Every route runs under the panic guard: a panic anywhere (here in the
// resolver every handler calls) is answered with a 500 JSON error, never
// a dropped connection (nor, in the desktop, a crashed app).
func TestEveryRouteAnswersAPanicWith500JSON(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, nil))
	h := New(func(*http.Request) (*session.Session, error) { panic("resolver exploded") }, log)
	srv := httptest.NewServer(h)
	defer srv.Close()
	routes := []struct{ method, path string }{
		{"POST", "/api/call/Version"},
		{"GET", "/api/stream/list?context=x&version=v1&resource=pods"},
		{"GET", "/api/stream/lists?context=x&queries=[]"},
		{"GET", "/api/stream/contexts"},
		{"GET", "/api/stream/object?context=x&version=v1&resource=pods&name=p"},
		{"GET", "/api/stream/apiresources?context=x"},
		{"GET", "/api/stream/logs?context=x&namespace=n&pod=p"},
		{"GET", "/api/stream/terminal?id=1"},
		{"POST", "/api/stream/drain?context=x&node=n"},
		{"POST", "/api/stream/cancel?id=abc"},
		{"GET", "/api/plugins/p/index.js"},
		{"GET", "/api/stream/plugins"},
		{"GET", "/api/stream/objects?context=x&version=v1&resource=pods"},
	}
	for _, rt := range routes {
		req, _ := http.NewRequest(rt.method, srv.URL+rt.path, strings.NewReader("{}"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("%s %s: the connection broke: %v", rt.method, rt.path, err)
			continue
		}
		var body map[string]string
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body["error"], "internal error") {
			t.Errorf("%s %s = %d %v, want 500 with an internal error", rt.method, rt.path, resp.StatusCode, body)
		}
	}
	if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "resolver exploded") || !strings.Contains(logs.String(), "goroutine") {
		t.Errorf("the panic was not logged at Error with its stack:\n%.2000s", logs.String())
	}
}

// A stream that panics after it started ends with an NDJSON error line.
func TestAStreamThatPanicsEndsWithAnErrorLine(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := New(func(*http.Request) (*session.Session, error) { return nil, nil }, log)
	h.mux.HandleFunc("GET /api/stream/test-panic", func(w http.ResponseWriter, _ *http.Request) {
		out := ndjson.New(w)
		_ = out.Send(map[string]string{"type": "rows"})
		var m map[string]int
		m["boom"]++ // a nil map: panics
	})
	rec := httptest.NewRecorder()
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("the panic escaped the handler: %v", r)
			}
		}()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/stream/test-panic", nil))
	}()
	lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
	if len(lines) != 2 || lines[0] != `{"type":"rows"}` {
		t.Fatalf("body = %q", rec.Body.String())
	}
	var last map[string]string
	if err := json.Unmarshal([]byte(lines[1]), &last); err != nil || last["type"] != "error" || !strings.Contains(last["message"], "internal error") {
		t.Errorf("last line = %q, want an error line", lines[1])
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}
