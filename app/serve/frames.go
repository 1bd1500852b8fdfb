package serve

import (
	"errors"
	"net/http"
	"strings"

	"github.com/kubedeck/kubedeck/app/api"
	usersession "github.com/kubedeck/kubedeck/app/session"
)

// Plugin frames (api.FramePrefix) are the one part of the server reached
// without the session cookie: a plugin's frame is sandboxed at an opaque
// origin, so its requests carry no cookie and say "Origin: null". The
// token in their path is their credential, and it opens only the frame's
// own files (app/api/frame.go): GET and HEAD, never /api/.

// isFrameRequest reports whether r is a read of a plugin frame's files.
func isFrameRequest(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, api.FramePrefix) && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}

// frameSessions finds the live session that minted a frame token.
func (s *Server) frameSessions(_ *http.Request, token string) (*usersession.Session, error) {
	if sess := s.sessions.byFrameToken(token); sess != nil {
		return sess.scope, nil
	}
	return nil, errors.New("no live session has this plugin frame")
}

// byFrameToken is the live, unexpired session whose scope minted token.
// A frame's request does not count as the session's activity: a plugin
// cannot keep a session alive by itself.
func (s *sessions) byFrameToken(token string) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sess := range s.byID {
		if s.expiry(sess) == notEnded && sess.scope.HasFrameToken(token) {
			return sess
		}
	}
	return nil
}
