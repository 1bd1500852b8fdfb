package ndjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
)

// Canceler is implemented by a ResponseWriter (or one it unwraps to) whose
// stream can be stopped: package api's writer cancels the request's context,
// so a handler stops on the first failed send even where the shell never
// cancels it (the desktop's AssetServer).
type Canceler interface {
	CancelStream(cause error)
}

// Writer encodes values as lines of a streamed response.
type Writer struct {
	mu     sync.Mutex
	w      http.ResponseWriter
	rc     *http.ResponseController
	enc    *json.Encoder
	cancel Canceler
	err    error
}

// New prepares w for streaming and returns a Writer over it.
func New(w http.ResponseWriter) *Writer {
	h := w.Header()
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	return &Writer{w: w, rc: http.NewResponseController(w), enc: json.NewEncoder(w), cancel: canceler(w)}
}

func canceler(w http.ResponseWriter) Canceler {
	for {
		if c, ok := w.(Canceler); ok {
			return c
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return nil
		}
		w = u.Unwrap()
	}
}

// Send writes v as one line and flushes it. The first failure (the client
// went away) cancels the stream (see Canceler); from then on every call
// returns that error.
func (s *Writer) Send(v any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if err := s.enc.Encode(v); err != nil {
		return s.fail(fmt.Errorf("write stream: %w", err))
	}
	// The desktop's AssetServer writes straight to a pipe and has no Flush.
	if err := s.rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return s.fail(fmt.Errorf("flush stream: %w", err))
	}
	return nil
}

func (s *Writer) fail(err error) error {
	s.err = err
	if s.cancel != nil {
		s.cancel.CancelStream(err)
	}
	return err
}
