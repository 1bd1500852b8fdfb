// Package api is the HTTP surface shared by both shells: commands as
// POST /api/call/{Method} (JSON in, JSON out) and bulk data as
// newline-delimited JSON streams under /api/stream/. The desktop shell mounts
// it as Wails AssetServer middleware; the browser shell behind its login.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/kubedeck/kubedeck/app/commands"
)

// Resolver finds the Commands (the credentials scope) for a request.
type Resolver func(r *http.Request) (*commands.Commands, error)

// Handler serves /api/.
type Handler struct {
	resolve    Resolver
	log        *slog.Logger
	dispatcher *dispatcher
	mux        *http.ServeMux
}

// New returns the API handler.
func New(resolve Resolver, log *slog.Logger) *Handler {
	h := &Handler{resolve: resolve, log: log, dispatcher: newDispatcher(), mux: http.NewServeMux()}
	h.mux.HandleFunc("POST /api/call/{method}", h.call)
	h.mux.HandleFunc("GET /api/stream/list", h.streamList)
	h.mux.HandleFunc("GET /api/stream/lists", h.streamLists)
	h.mux.HandleFunc("GET /api/stream/contexts", h.streamContexts)
	h.mux.HandleFunc("GET /api/stream/object", h.streamObject)
	h.mux.HandleFunc("GET /api/stream/apiresources", h.streamAPIResources)
	h.mux.HandleFunc("GET /api/stream/logs", h.streamLogs)
	h.mux.HandleFunc("GET /api/stream/terminal", h.streamTerminal)
	h.mux.HandleFunc("POST /api/stream/drain", h.streamDrain)
	h.mux.HandleFunc("GET /api/plugins/{id}/{file...}", h.servePluginFile)
	h.mux.HandleFunc("GET /api/stream/plugins", h.streamPlugins)
	h.mux.HandleFunc("GET /api/stream/objects", h.streamObjects)
	h.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, errors.New("no such API endpoint: "+r.URL.Path))
	})
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.attribute(h.mux).ServeHTTP(w, r)
}

// Middleware routes /api/ to the handler and everything else to next, as
// the Wails AssetServer's Middleware option expects.
func (h *Handler) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *Handler) call(w http.ResponseWriter, r *http.Request) {
	cmds, err := h.resolve(r)
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
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
	res, status, err := h.dispatcher.call(cmds, r.PathValue("method"), args)
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
	writeJSON(w, status, map[string]string{"error": err.Error()})
}
