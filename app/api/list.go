package api

import (
	"errors"
	"net/http"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// streamList serves GET /api/stream/list?context=&group=&version=&resource=
// &namespace=&labelSelector=&fieldSelector= as an NDJSON list-then-watch stream.
func (h *Handler) streamList(w http.ResponseWriter, r *http.Request) {
	cmds, err := h.resolve(r)
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return
	}
	p := r.URL.Query()
	gvr := schema.GroupVersionResource{Group: p.Get("group"), Version: p.Get("version"), Resource: p.Get("resource")}
	if gvr.Version == "" || gvr.Resource == "" {
		writeError(w, http.StatusBadRequest, errors.New("version and resource are required"))
		return
	}
	conn, err := commands.Clusters(cmds).Get(p.Get("context"))
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return
	}
	q := resources.Query{GVR: gvr, Namespace: p.Get("namespace"),
		LabelSelector: p.Get("labelSelector"), FieldSelector: p.Get("fieldSelector")}
	if q.Namespace != "" && !namespaced(conn.Discovery, gvr) {
		q.Namespace = ""
	}
	out := ndjson.New(w)
	l := &resources.Lister{REST: conn.REST, Log: h.log}
	if err := l.Stream(r.Context(), q, func(m resources.Message) error { return out.Send(m) }); err != nil {
		h.log.Debug("list stream ended", "context", conn.Context.Name, "resource", gvr.String(), "err", err)
	}
}
