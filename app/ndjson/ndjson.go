// Package ndjson writes newline-delimited JSON to an HTTP response, one
// flushed line per value, safely from several goroutines. It is how every
// bulk stream (lists, watch updates, logs) reaches the frontend in both shells.
package ndjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
)

// Writer encodes values as lines of a streamed response.
type Writer struct {
	mu  sync.Mutex
	w   http.ResponseWriter
	rc  *http.ResponseController
	enc *json.Encoder
	err error
}

// New prepares w for streaming and returns a Writer over it.
func New(w http.ResponseWriter) *Writer {
	h := w.Header()
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	return &Writer{w: w, rc: http.NewResponseController(w), enc: json.NewEncoder(w)}
}

// Send writes v as one line and flushes it. After the first failure (the
// client went away) every call returns that error.
func (s *Writer) Send(v any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if err := s.enc.Encode(v); err != nil {
		s.err = fmt.Errorf("write stream: %w", err)
		return s.err
	}
	// The desktop's AssetServer writes straight to a pipe and has no Flush.
	if err := s.rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		s.err = fmt.Errorf("flush stream: %w", err)
	}
	return s.err
}
