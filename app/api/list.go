package api

import (
	"net/http"

	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// streamList serves GET /api/stream/list?context=&group=&version=&resource=
// &namespace=&labelSelector=&fieldSelector= as an NDJSON list-then-watch stream.
func (h *Handler) streamList(w http.ResponseWriter, r *http.Request) {
	t, ok := h.kindTarget(w, r, "list", false)
	if !ok {
		return
	}
	p := r.URL.Query()
	q := resources.Query{GVR: t.gvr, Namespace: t.namespace,
		LabelSelector: p.Get("labelSelector"), FieldSelector: p.Get("fieldSelector")}
	out := ndjson.New(w)
	l := &resources.Lister{REST: t.conn.REST, Log: h.log}
	if err := l.Stream(r.Context(), q, func(m resources.Message) error { return out.Send(m) }); err != nil {
		h.log.Debug("list stream ended", "context", t.conn.Context.Name, "resource", t.gvr.String(), "err", err)
	}
}
