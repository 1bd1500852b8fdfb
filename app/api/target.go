package api

import (
	"errors"
	"net/http"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/commands"
)

// kindTarget reads what a stream of one kind names (?context=&group=
// &version=&resource=) and answers the request itself when it cannot be
// served: 401 without a session, 400 without a kind, 404 for an unknown
// context. ok is false once it has answered.
func (h *Handler) kindTarget(w http.ResponseWriter, r *http.Request) (conn *cluster.Conn, gvr schema.GroupVersionResource, ok bool) {
	cmds, err := h.resolve(r)
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return nil, gvr, false
	}
	p := r.URL.Query()
	gvr = schema.GroupVersionResource{Group: p.Get("group"), Version: p.Get("version"), Resource: p.Get("resource")}
	if gvr.Version == "" || gvr.Resource == "" {
		writeError(w, http.StatusBadRequest, errors.New("version and resource are required"))
		return nil, gvr, false
	}
	conn, err = commands.Clusters(cmds).Get(p.Get("context"))
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return nil, gvr, false
	}
	return conn, gvr, true
}
