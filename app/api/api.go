package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/kubedeck/kubedeck/app/session"
)

// Resolver finds the Session (the credentials scope) of a request.
type Resolver func(r *http.Request) (*session.Session, error)

// Handler serves /api/.
type Handler struct {
	resolve    Resolver
	log        *slog.Logger
	dispatcher *dispatcher
	streams    *streams
	muxes      *muxes
	mux        *http.ServeMux
	frames     *Frames // nil: no plugin frames
	frameMux   *http.ServeMux
}

// New returns the API handler; WithFrames adds the plugin frames.
func New(resolve Resolver, log *slog.Logger, opts ...Option) *Handler {
	h := &Handler{resolve: resolve, log: log, dispatcher: newDispatcher(), streams: newStreams(), muxes: newMuxes(), mux: http.NewServeMux()}
	for _, o := range opts {
		o(h)
	}
	h.frameMux = h.frameRoutes()
	h.mux.HandleFunc("POST /api/call/{method}", h.call)
	h.mux.HandleFunc("GET /api/stream/list", h.streamList)
	h.mux.HandleFunc("GET /api/stream/lists", h.streamLists)
	h.mux.HandleFunc("GET /api/stream/contexts", h.streamContexts)
	h.mux.HandleFunc("GET /api/stream/object", h.streamObject)
	h.mux.HandleFunc("GET /api/stream/apiresources", h.streamAPIResources)
	h.mux.HandleFunc("GET /api/stream/logs", h.streamLogs)
	h.mux.HandleFunc("GET /api/stream/terminal", h.streamTerminal)
	h.mux.HandleFunc("POST /api/stream/drain", h.streamDrain)
	h.mux.HandleFunc("POST /api/stream/cancel", h.streamCancel)
	h.mux.HandleFunc("GET /api/stream/mux", h.streamMux)
	h.mux.HandleFunc("POST /api/stream/mux/open", h.muxOpen)
	h.mux.HandleFunc("GET /api/plugins/{id}/{file...}", h.servePluginFile)
	h.mux.HandleFunc("GET /api/stream/plugins", h.streamPlugins)
	h.mux.HandleFunc("GET /api/stream/objects", h.streamObjects)
	h.mux.HandleFunc("GET /api/stream/access", h.streamAccess)
	h.mux.HandleFunc("GET /api/stream/helm", h.streamHelm)
	h.mux.HandleFunc("POST /api/stream/copy", h.streamCopy)
	h.mux.HandleFunc("GET /api/copy/download", h.copyDownload)
	h.mux.HandleFunc("POST /api/copy/upload", h.copyUpload)
	h.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, errors.New("no such API endpoint: "+r.URL.Path))
	})
	return h
}

// ServeHTTP implements http.Handler. Every route runs under one guard: a
// panic is logged with its stack and answered (500 JSON, or an error line
// when a stream had started) instead of ending the app (the desktop's
// AssetServer has no net/http recover); the request's context is cancelled
// on the first failed stream write, on POST /api/stream/cancel of its
// StreamHeader id, and when the handler returns.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancelCause(r.Context())
	defer cancel(nil)
	rw := &responseWriter{ResponseWriter: w, cancel: cancel}
	defer h.recoverPanic(rw, r)
	r = r.WithContext(ctx)
	done, ok := h.register(rw, r, cancel)
	if !ok {
		return
	}
	defer done()
	if !cleanPath(r.URL.Path) {
		// The mux would answer a path with ".", ".." or empty segments
		// with a redirect (to the cleaned path, maybe another endpoint):
		// an API client gets a plain JSON error instead.
		writeError(rw, http.StatusNotFound, errors.New("no such API endpoint: "+r.URL.Path))
		return
	}
	h.attribute(h.mux).ServeHTTP(rw, r)
}

func (h *Handler) recoverPanic(w *responseWriter, r *http.Request) {
	v := recover()
	if v == nil || v == http.ErrAbortHandler {
		return
	}
	h.log.Error("API handler panicked", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
	msg := fmt.Sprintf("internal error in %s: %v", r.URL.Path, v)
	if !w.started() {
		writeError(w, http.StatusInternalServerError, errors.New(msg))
		return
	}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/x-ndjson") {
		line, _ := json.Marshal(ErrorLine{Type: "error", Message: msg})
		_, _ = w.Write(append(line, '\n'))
		_ = http.NewResponseController(w).Flush()
	}
}

// responseWriter notes whether the answer has started, writes whole
// lines at a time, and lets package ndjson cancel the request's context when
// a send fails (ndjson.Canceler).
type responseWriter struct {
	http.ResponseWriter
	cancel context.CancelCauseFunc

	mu    sync.Mutex
	wrote bool
}

func (w *responseWriter) started() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.wrote
}

func (w *responseWriter) WriteHeader(code int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// FlushError flushes through to the shell's writer (the desktop's has none:
// http.ErrNotSupported).
func (w *responseWriter) FlushError() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// CancelStream ends the request's context (the client is gone).
func (w *responseWriter) CancelStream(cause error) { w.cancel(cause) }

// Unwrap gives http.ResponseController the shell's writer.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Middleware routes /api/ to the handler, /plugin-frame/ to the plugin
// frames and everything else to next, as the Wails AssetServer's
// Middleware option expects.
func (h *Handler) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, FramePrefix) {
			h.serveFrame(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) call(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 8<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("read body: %w", err))
		return
	}
	var args []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &args); err != nil {
			writeError(w, http.StatusBadRequest, errors.New("the body must be a JSON array of arguments"))
			return
		}
	}
	res, status, err := h.dispatcher.call(sess, r.PathValue("method"), args)
	if err != nil {
		writeError(w, status, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, ErrorResponse{Error: err.Error()})
}
