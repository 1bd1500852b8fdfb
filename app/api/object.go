package api

import (
	"errors"
	"net/http"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// streamObject serves GET /api/stream/object?context=&group=&version=
// &resource=&namespace=&name= : the object now and after every change.
func (h *Handler) streamObject(w http.ResponseWriter, r *http.Request) {
	cmds, err := h.resolve(r)
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return
	}
	p := r.URL.Query()
	ref := resources.ObjectRef{
		GVR:       schema.GroupVersionResource{Group: p.Get("group"), Version: p.Get("version"), Resource: p.Get("resource")},
		Namespace: p.Get("namespace"),
		Name:      p.Get("name"),
	}
	if ref.GVR.Version == "" || ref.GVR.Resource == "" || ref.Name == "" {
		writeError(w, http.StatusBadRequest, errors.New("version, resource and name are required"))
		return
	}
	conn, err := commands.Clusters(cmds).Get(p.Get("context"))
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return
	}
	if !namespaced(conn.Discovery, ref.GVR) {
		ref.Namespace = ""
	}
	out := ndjson.New(w)
	err = resources.StreamObject(r.Context(), conn.Dynamic, ref, func(m resources.ObjectMessage) error { return out.Send(m) })
	if err != nil {
		h.log.Debug("object stream ended", "context", conn.Context.Name, "resource", ref.GVR.String(), "err", err)
	}
}
