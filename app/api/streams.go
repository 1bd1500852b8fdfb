package api

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/kubedeck/kubedeck/app/session"
)

// StreamHeader carries the id a client gives a stream, so that
// POST /api/stream/cancel?id= can stop it. The desktop needs this: Wails
// never cancels a request's context when the page aborts its fetch, so
// without an explicit cancel a stream (a drain!) would go on.
const StreamHeader = "X-Kubedeck-Stream"

// ErrStreamCancelled is the cause of a stream's context after a cancel call.
var ErrStreamCancelled = errors.New("the stream was cancelled by the client")

var streamID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

const (
	// earlyTTL is how long a cancel that came before its stream is kept
	// (the fetch may be aborted before its request reaches the handler).
	earlyTTL = time.Minute
	// maxEarly bounds those cancels per handler.
	maxEarly = 1024
)

// streamKey names a stream within its session.
type streamKey struct {
	scope *session.Session
	id    string
}

// streams are the open streams that may be cancelled.
type streams struct {
	now   func() time.Time
	mu    sync.Mutex
	open  map[streamKey]context.CancelCauseFunc
	early map[streamKey]time.Time
}

func newStreams() *streams {
	return &streams{now: time.Now, open: map[streamKey]context.CancelCauseFunc{}, early: map[streamKey]time.Time{}}
}

var errStreamIDInUse = errors.New("this stream id is in use")

// start registers a stream; one cancelled before it started is cancelled
// at once.
func (s *streams) start(k streamKey, cancel context.CancelCauseFunc) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.open[k]; dup {
		return errStreamIDInUse
	}
	if t, ok := s.early[k]; ok {
		delete(s.early, k)
		if s.now().Sub(t) < earlyTTL {
			cancel(ErrStreamCancelled)
		}
	}
	s.open[k] = cancel
	return nil
}

func (s *streams) done(k streamKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.open, k)
}

// cancel stops the stream k, or remembers the cancel for a moment when the
// stream has not started yet. It reports whether a stream was running.
func (s *streams) cancel(k streamKey) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.open[k]; ok {
		c(ErrStreamCancelled)
		return true
	}
	now := s.now()
	if len(s.early) >= maxEarly {
		var oldest streamKey
		first := true
		for key, t := range s.early {
			if now.Sub(t) >= earlyTTL {
				delete(s.early, key)
			} else if first || t.Before(s.early[oldest]) {
				oldest, first = key, false
			}
		}
		if len(s.early) >= maxEarly {
			delete(s.early, oldest)
		}
	}
	s.early[k] = now
	return false
}

// streamCancel serves POST /api/stream/cancel?id= : stops the caller's
// stream with that id (its handler's context is cancelled).
func (h *Handler) streamCancel(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	id := r.URL.Query().Get("id")
	if !streamID.MatchString(id) {
		writeError(w, http.StatusBadRequest, errors.New("id must be 1 to 64 letters, digits, - or _"))
		return
	}
	running := h.streams.cancel(streamKey{scope: sess, id: id})
	writeJSON(w, http.StatusOK, CancelResult{Cancelled: running})
}

// register makes r's stream cancellable by its StreamHeader id, if it has
// one. It returns a func to call when the stream is done, and false when it
// answered the request itself (a bad or duplicate id).
func (h *Handler) register(w http.ResponseWriter, r *http.Request, cancel context.CancelCauseFunc) (func(), bool) {
	id := r.Header.Get(StreamHeader)
	if id == "" || !strings.HasPrefix(r.URL.Path, "/api/stream/") || r.URL.Path == "/api/stream/cancel" {
		return func() {}, true
	}
	if !streamID.MatchString(id) {
		writeError(w, http.StatusBadRequest, errors.New(StreamHeader+" must be 1 to 64 letters, digits, - or _"))
		return nil, false
	}
	sess, err := h.resolve(r)
	if err != nil {
		return func() {}, true // the handler answers 401
	}
	k := streamKey{scope: sess, id: id}
	if err := h.streams.start(k, cancel); err != nil {
		writeError(w, http.StatusConflict, err)
		return nil, false
	}
	return func() { h.streams.done(k) }, true
}
