package serve

import (
	"net/http"
	"sync"

	"github.com/kubedeck/kubedeck/app/commands"
)

// session is one signed-in browser, with its own credentials scope.
type session struct {
	cmds *commands.Commands
}

type sessions struct {
	mu      sync.Mutex
	byID    map[string]*session
	newCmds func() *commands.Commands
}

func newSessions(newCmds func() *commands.Commands) *sessions {
	return &sessions{byID: map[string]*session{}, newCmds: newCmds}
}

func (s *sessions) create() string {
	id := randomHex(32)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[id] = &session{cmds: s.newCmds()}
	return id
}

func (s *sessions) fromRequest(r *http.Request) *session {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[c.Value]
}

// closeAll ends what every session started (terminals, port-forwards).
func (s *sessions) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, sess := range s.byID {
		commands.Close(sess.cmds)
		delete(s.byID, id)
	}
}
