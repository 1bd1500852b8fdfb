package api

import (
	"context"
	"fmt"
	"net/http"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
)

// The Go side is the authority on what a plugin may do: the host page
// checks every call against the grant too, but a request that carries
// X-Kubedeck-Plugin is checked here again, whatever the page claims. It is
// served only for an enabled plugin, only on the plugin API's endpoints,
// and only for the kinds and verbs the user granted; every Kubernetes
// request made for it names the plugin in its User-Agent.

// pluginEndpoint is one endpoint of the plugin API and how a request to it
// is checked (and, for the writes, served).
type pluginEndpoint func(h *Handler, w http.ResponseWriter, r *http.Request, pr pluginRequest, next http.Handler)

// pluginRequest is a plugin-attributed request: the session, the plugin
// (enabled) and what it was granted.
type pluginRequest struct {
	sess  *session.Session
	id    string
	grant plugins.Capabilities
}

// refuse answers 403 with the plugin's refusal, and logs it.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, id string, err error) {
	h.log.Warn("plugin request refused", "plugin", id, "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusForbidden, err)
}

var pluginEndpoints = map[string]pluginEndpoint{
	"GET /api/stream/objects":  readKind(plugins.List),
	"GET /api/stream/object":   readKind(plugins.Get),
	"POST /api/call/Apply":     (*Handler).pluginApply,
	"POST /api/call/Delete":    (*Handler).pluginDelete,
	"GET /api/stream/logs":     podSubresource(plugins.Logs),
	"GET /api/stream/terminal": podSubresource(plugins.Exec),
}

// servePlugin serves a request that names plugin id (X-Kubedeck-Plugin).
func (h *Handler) servePlugin(w http.ResponseWriter, r *http.Request, id string, next http.Handler) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	p, grant, err := sess.PluginGrant(id)
	if err != nil {
		h.refuse(w, r, id, fmt.Errorf("plugin %q may not use the cluster: %w", id, err))
		return
	}
	serve, ok := pluginEndpoints[r.Method+" "+r.URL.Path]
	if !ok {
		h.refuse(w, r, id, fmt.Errorf("plugin %q may not use %s %s: plugins reach only the plugin API (list, get, watch, apply, delete; logs and terminals when granted)", id, r.Method, r.URL.Path))
		return
	}
	r = r.WithContext(cluster.WithAttributedPlugin(r.Context(), p.ID))
	serve(h, w, r, pluginRequest{sess: sess, id: p.ID, grant: grant}, next)
}

// readKind checks a stream of a kind's objects (?group=&resource=) for a
// read the plugin was granted; Secret values stay hidden unless it was
// granted those too.
func readKind(verb plugins.Verb) pluginEndpoint {
	return func(h *Handler, w http.ResponseWriter, r *http.Request, pr pluginRequest, next http.Handler) {
		q := r.URL.Query()
		gr := schema.GroupResource{Group: q.Get("group"), Resource: q.Get("resource")}
		if err := plugins.Allows(pr.grant, plugins.Request{Plugin: pr.id, Verb: verb, Resource: gr}); err != nil {
			h.refuse(w, r, pr.id, err)
			return
		}
		if pr.grant.SecretValues && pr.grant.Reads("secrets") {
			r = r.WithContext(context.WithValue(r.Context(), secretValuesGranted{}, true))
		}
		next.ServeHTTP(w, r)
	}
}

// podSubresource checks the logs and terminal streams against their grant.
func podSubresource(verb plugins.Verb) pluginEndpoint {
	return func(h *Handler, w http.ResponseWriter, r *http.Request, pr pluginRequest, next http.Handler) {
		if err := plugins.Allows(pr.grant, plugins.Request{Plugin: pr.id, Verb: verb, Resource: schema.GroupResource{Resource: "pods"}}); err != nil {
			h.refuse(w, r, pr.id, err)
			return
		}
		next.ServeHTTP(w, r)
	}
}

type secretValuesGranted struct{}

// revealsSecrets: the request is a plugin's that was granted Secret values.
func revealsSecrets(ctx context.Context) bool {
	v, _ := ctx.Value(secretValuesGranted{}).(bool)
	return v
}
