package api

import (
	"net/http"

	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// streamObject serves GET /api/stream/object?context=&group=&version=
// &resource=&namespace=&name= : the object now and after every change.
func (h *Handler) streamObject(w http.ResponseWriter, r *http.Request) {
	t, ok := h.kindTarget(w, r, "get", true)
	if !ok {
		return
	}
	ref := resources.ObjectRef{GVR: t.gvr, Namespace: t.namespace, Name: t.name, Kind: t.kind}
	out := ndjson.New(w)
	err := resources.StreamObject(r.Context(), t.conn.Dynamic, ref, func(m resources.ObjectMessage) error { return out.Send(m) })
	if err != nil {
		h.log.Debug("object stream ended", "context", t.conn.Context.Name, "resource", ref.GVR.String(), "err", err)
	}
}
