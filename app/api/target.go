package api

import (
	"net/http"

	"k8s.io/apimachinery/pkg/runtime/schema"
)

// kindTarget reads what a stream names (?context=&group=&version=&resource=
// &namespace=, and &name= when withName) and checks it with checkTarget for
// verb. It answers the request itself when it cannot be served: 401 without
// a session, 404 for an unknown context, else what checkTarget refuses. ok
// is false once it has answered.
func (h *Handler) kindTarget(w http.ResponseWriter, r *http.Request, verb string, withName bool) (t target, ok bool) {
	sess, ok := h.session(w, r)
	if !ok {
		return t, false
	}
	p := r.URL.Query()
	gvr := schema.GroupVersionResource{Group: p.Get("group"), Version: p.Get("version"), Resource: p.Get("resource")}
	name := ""
	if withName {
		if name = p.Get("name"); name == "" {
			writeError(w, http.StatusBadRequest, errRequired("name"))
			return t, false
		}
	}
	conn, ok := connOf(w, sess, p.Get("context"))
	if !ok {
		return t, false
	}
	t, refused := checkTarget(r.Context(), conn, gvr, p.Get("namespace"), name, verb)
	if refused != nil {
		refused.write(w)
		return t, false
	}
	return t, true
}
