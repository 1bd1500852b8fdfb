package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/session"
)

// muxServer is sessionsHandler on a real HTTP server, with two more test
// streams: test-lines?n= (n lines, then the end) and test-refused (a 403).
func muxServer(t *testing.T) (*httptest.Server, *Handler, *atomic.Int32) {
	t.Helper()
	h := sessionsHandler(t)
	var running atomic.Int32
	h.mux.HandleFunc("GET /api/stream/test-lines", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		out := ndjson.New(w)
		for i := range n {
			_ = out.Send(map[string]any{"type": "line", "n": i, "stream": r.Header.Get(StreamHeader)})
		}
	})
	h.mux.HandleFunc("GET /api/stream/test-refused", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusForbidden, fmt.Errorf("refused for %s", r.Header.Get("X-Test-Session")))
	})
	h.mux.HandleFunc("GET /api/stream/test-running", func(w http.ResponseWriter, r *http.Request) {
		running.Add(1)
		defer running.Add(-1)
		out := ndjson.New(w)
		_ = out.Send(map[string]string{"type": "running"})
		<-r.Context().Done()
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, h, &running
}

// muxClient reads a mux's frames.
type muxClient struct {
	t      *testing.T
	srv    *httptest.Server
	id     string
	in     *bufio.Reader
	cancel context.CancelFunc
}

type muxStream struct {
	status int
	body   strings.Builder
	ended  bool
}

func openMux(t *testing.T, srv *httptest.Server, id, session string) *muxClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/stream/mux", nil)
	req.Header.Set(StreamHeader, id)
	req.Header.Set("X-Test-Session", session)
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = res.Body.Close() })
	c := &muxClient{t: t, srv: srv, id: id, in: bufio.NewReader(res.Body), cancel: cancel}
	if typ, _ := c.frame(); typ["type"] != "ready" {
		t.Fatalf("first frame %v, want ready", typ)
	}
	return c
}

// frame reads one frame: its line and, for data, its bytes.
func (c *muxClient) frame() (map[string]any, []byte) {
	c.t.Helper()
	line, err := c.in.ReadBytes('\n')
	if err != nil {
		c.t.Fatalf("read a frame: %v", err)
	}
	var f map[string]any
	if err := json.Unmarshal(line, &f); err != nil {
		c.t.Fatalf("frame %q: %v", line, err)
	}
	if f["type"] != "data" {
		return f, nil
	}
	b := make([]byte, int(f["size"].(float64)))
	if _, err := io.ReadFull(c.in, b); err != nil {
		c.t.Fatalf("read %v bytes: %v", f["size"], err)
	}
	return f, b
}

// open asks the mux for a stream and returns the answer's status and body.
func (c *muxClient) open(session, stream, path string) (int, string) {
	c.t.Helper()
	body, _ := json.Marshal(MuxOpenRequest{Stream: stream, Path: path})
	req, _ := http.NewRequest("POST", c.srv.URL+"/api/stream/mux/open?mux="+c.id, strings.NewReader(string(body)))
	req.Header.Set("X-Test-Session", session)
	res, err := c.srv.Client().Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, strings.TrimSpace(string(b))
}

// until reads frames into streams until done says so.
func (c *muxClient) until(streams map[string]*muxStream, done func() bool) {
	c.t.Helper()
	for !done() {
		f, b := c.frame()
		id, _ := f["stream"].(string)
		s := streams[id]
		if s == nil {
			s = &muxStream{}
			streams[id] = s
		}
		switch f["type"] {
		case "start":
			s.status = int(f["status"].(float64))
		case "data":
			s.body.Write(b)
		case "end":
			s.ended = true
		}
	}
}

func TestAMuxCarriesManyStreamsOverOneConnection(t *testing.T) {
	srv, _, _ := muxServer(t)
	c := openMux(t, srv, "page1", "a")
	const n = 12 // twice what a browser opens to one host
	for i := range n {
		if code, body := c.open("a", fmt.Sprintf("s%d", i), fmt.Sprintf("/api/stream/test-lines?n=%d", i+1)); code != http.StatusOK {
			t.Fatalf("open s%d = %d %s", i, code, body)
		}
	}
	if code, body := c.open("a", "refused", "/api/stream/test-refused"); code != http.StatusOK {
		t.Fatalf("open refused = %d %s", code, body)
	}
	streams := map[string]*muxStream{}
	c.until(streams, func() bool {
		ended := 0
		for _, s := range streams {
			if s.ended {
				ended++
			}
		}
		return ended == n+1
	})
	for i := range n {
		s := streams[fmt.Sprintf("s%d", i)]
		var want strings.Builder
		for j := range i + 1 {
			fmt.Fprintf(&want, `{"n":%d,"stream":"s%d","type":"line"}`+"\n", j, i)
		}
		if s.status != http.StatusOK || s.body.String() != want.String() {
			t.Errorf("s%d: %d %q, want 200 %q", i, s.status, s.body.String(), want.String())
		}
	}
	if r := streams["refused"]; r.status != http.StatusForbidden || !strings.Contains(r.body.String(), `"error":"refused for a"`) {
		t.Errorf("the refused stream: %d %q, want its own 403 and error", r.status, r.body.String())
	}
}

func TestAMuxStreamIsCancelledAloneAndAllEndWithTheMux(t *testing.T) {
	srv, h, running := muxServer(t)
	c := openMux(t, srv, "page1", "a")
	for _, id := range []string{"w1", "w2"} {
		if code, body := c.open("a", id, "/api/stream/test-running"); code != http.StatusOK {
			t.Fatalf("open %s = %d %s", id, code, body)
		}
	}
	streams := map[string]*muxStream{}
	c.until(streams, func() bool {
		return streams["w1"] != nil && streams["w2"] != nil && streams["w1"].body.Len() > 0 && streams["w2"].body.Len() > 0
	})
	if got := cancelCall(h, "w1", "a"); got != `{"cancelled":true}` {
		t.Fatalf("cancel w1 = %s", got)
	}
	c.until(streams, func() bool { return streams["w1"].ended })
	if streams["w2"].ended || running.Load() != 1 {
		t.Fatalf("cancelling w1 ended w2 too (running %d)", running.Load())
	}
	c.cancel() // the page goes away
	waitUntil(t, "the mux's streams ended with it", func() bool { return running.Load() == 0 })
	waitUntil(t, "the mux is forgotten", func() bool { return h.muxes.get(streamKey{scope: mustSession(t, h, "a"), id: "page1"}) == nil })
	if code, _ := c.open("a", "late", "/api/stream/test-lines?n=1"); code != http.StatusNotFound {
		t.Errorf("open on an ended mux = %d, want 404", code)
	}
}

func TestAMuxRunsOnlyItsSessionsStreams(t *testing.T) {
	srv, _, _ := muxServer(t)
	c := openMux(t, srv, "page1", "a")
	for _, tc := range []struct {
		session, stream, path string
		want                  int
	}{
		{"b", "s1", "/api/stream/test-lines?n=1", http.StatusNotFound}, // another session's mux
		{"a", "s1", "/api/call/Contexts", http.StatusBadRequest},
		{"a", "s1", "/api/stream/mux", http.StatusBadRequest},
		{"a", "s1", "/api/stream/mux/open?mux=page1", http.StatusBadRequest},
		{"a", "s1", "/api/stream/../call/Contexts", http.StatusBadRequest},
		{"a", "s1", "http://elsewhere/api/stream/test-lines", http.StatusBadRequest},
		{"a", "s1", "//elsewhere/api/stream/test-lines", http.StatusBadRequest},
		{"a", "bad id!", "/api/stream/test-lines?n=1", http.StatusBadRequest},
		{"a", strings.Repeat("x", 65), "/api/stream/test-lines?n=1", http.StatusBadRequest},
	} {
		if code, body := c.open(tc.session, tc.stream, tc.path); code != tc.want {
			t.Errorf("session %s, stream %q, path %q: %d %s, want %d", tc.session, tc.stream, tc.path, code, body, tc.want)
		}
	}
	// The same stream id twice on one mux is refused.
	if code, _ := c.open("a", "dup", "/api/stream/test-running"); code != http.StatusOK {
		t.Fatal("open dup")
	}
	if code, body := c.open("a", "dup", "/api/stream/test-running"); code != http.StatusConflict {
		t.Errorf("a second stream of a running id = %d %s, want 409", code, body)
	}
}

func mustSession(t *testing.T, h *Handler, name string) *session.Session {
	t.Helper()
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Test-Session", name)
	s, err := h.resolve(r)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
