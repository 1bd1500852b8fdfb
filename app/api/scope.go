package api

import (
	"net/http"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/session"
)

// The two refusals every handler starts with, in one place.

// session resolves r's session. Without one it answers 401 and ok is false.
func (h *Handler) session(w http.ResponseWriter, r *http.Request) (s *session.Session, ok bool) {
	s, err := h.resolve(r)
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return nil, false
	}
	return s, true
}

// connOf returns the connection to a context's cluster. For an unknown
// context it answers 404 and ok is false.
func connOf(w http.ResponseWriter, s *session.Session, contextName string) (c *cluster.Conn, ok bool) {
	c, err := s.Conn(contextName)
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return nil, false
	}
	return c, true
}
