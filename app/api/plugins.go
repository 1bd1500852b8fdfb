package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"path"
)

// PluginHeader attributes a request to the plugin that made it (the host's
// plugin client sets it): such a request is served only within the
// plugin's grant (servePlugin), and is logged with the plugin's name.
const PluginHeader = "X-Kubedeck-Plugin"

// servePluginFile serves GET /api/plugins/{id}/{file...}: files of enabled
// plugins only, from the in-memory snapshot whose hash was approved (the
// folder is not read again).
func (h *Handler) servePluginFile(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	p, err := sess.EnabledPlugin(r.PathValue("id"))
	if err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	name := r.PathValue("file")
	f, err := p.File(name)
	if err != nil {
		h.log.Warn("plugin file refused", "plugin", p.ID, "path", name, "err", err)
		writeError(w, http.StatusNotFound, err)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".js" || path.Ext(name) == ".mjs" {
		ct = "text/javascript; charset=utf-8"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.Copy(w, f)
}

// attribute logs the requests plugins make and serves them within their
// grant; the header given more than once, or empty, is refused.
func (h *Handler) attribute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids, named := r.Header[http.CanonicalHeaderKey(PluginHeader)]
		if !named {
			next.ServeHTTP(w, r)
			return
		}
		if len(ids) != 1 || ids[0] == "" {
			h.refuse(w, r, "", errors.New("a request may name one plugin, by its id"))
			return
		}
		h.log.Info("plugin request", "plugin", ids[0], "method", r.Method, "path", r.URL.Path)
		h.servePlugin(w, r, ids[0], next)
	})
}
