package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/app/session"
)

// A stream that runs until its context ends, under two sessions (chosen by
// the X-Test-Session header), served as the desktop does: contexts never
// cancelled by the shell.
func sessionsHandler(t *testing.T) *Handler {
	t.Helper()
	a, b := &session.Session{}, &session.Session{}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := New(func(r *http.Request) (*session.Session, error) {
		if r.Header.Get("X-Test-Session") == "b" {
			return b, nil
		}
		return a, nil
	}, log)
	h.mux.HandleFunc("GET /api/stream/test-wait", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		_, _ = io.WriteString(w, context.Cause(r.Context()).Error())
	})
	return h
}

func openWait(h *Handler, id, session string) (*httptest.ResponseRecorder, chan struct{}) {
	req := httptest.NewRequestWithContext(context.Background(), "GET", "/api/stream/test-wait", nil)
	req.Header.Set(StreamHeader, id)
	req.Header.Set("X-Test-Session", session)
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(rec, req)
	}()
	return rec, done
}

func cancelCall(h *Handler, id, session string) string {
	req := httptest.NewRequest("POST", "/api/stream/cancel?id="+id, nil)
	req.Header.Set("X-Test-Session", session)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return strings.TrimSpace(rec.Body.String())
}

func TestStreamCancelIsPerSessionAndCatchesEarlyCancels(t *testing.T) {
	h := sessionsHandler(t)
	rec, done := openWait(h, "s1", "a")
	waitUntil(t, "the stream registered", func() bool {
		h.streams.mu.Lock()
		defer h.streams.mu.Unlock()
		return len(h.streams.open) == 1
	})
	// The same id again in the same session is refused.
	dup := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/api/stream/test-wait", nil)
	req.Header.Set(StreamHeader, "s1")
	h.ServeHTTP(dup, req)
	if dup.Code != http.StatusConflict {
		t.Errorf("a second stream with a running id = %d, want 409", dup.Code)
	}
	// Another session cannot cancel it.
	if got := cancelCall(h, "s1", "b"); got != `{"cancelled":false}` {
		t.Errorf("cancel from another session = %s", got)
	}
	select {
	case <-done:
		t.Fatal("another session's cancel stopped the stream")
	case <-time.After(200 * time.Millisecond):
	}
	if got := cancelCall(h, "s1", "a"); got != `{"cancelled":true}` {
		t.Errorf("cancel = %s", got)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the stream went on after its cancel")
	}
	if !strings.Contains(rec.Body.String(), ErrStreamCancelled.Error()) {
		t.Errorf("cause = %q", rec.Body.String())
	}

	// A cancel that arrives before its stream (the fetch was aborted at once)
	// stops that stream as soon as it starts.
	if got := cancelCall(h, "s2", "a"); got != `{"cancelled":false}` {
		t.Errorf("early cancel = %s", got)
	}
	_, done = openWait(h, "s2", "a")
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a stream cancelled before it started went on")
	}

	for _, bad := range []string{"", "a/b", strings.Repeat("x", 65)} {
		if got := cancelCall(h, bad, "a"); !strings.Contains(got, "error") {
			t.Errorf("cancel id %q = %s", bad, got)
		}
	}
}

func TestEarlyCancelsAreBounded(t *testing.T) {
	s := newStreams()
	c := &session.Session{}
	for i := range maxEarly * 3 {
		s.cancel(streamKey{scope: c, id: strings.Repeat("x", i%60+1) + string(rune('a'+i%26)) + time.Duration(i).String()})
	}
	if len(s.early) > maxEarly {
		t.Errorf("%d early cancels kept, more than %d", len(s.early), maxEarly)
	}
}
