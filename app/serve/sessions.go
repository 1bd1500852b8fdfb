package serve

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	usersession "github.com/kubedeck/kubedeck/app/session"
)

// endReason says why a session ended (for the page its browser sees next).
type endReason int

const (
	notEnded endReason = iota
	endedUnknown
	endedIdle
	endedMax
	endedLogout
	endedEvicted
	endedShutdown
)

// errFull is returned when every session slot is busy with a request.
var errFull = errors.New("too many sessions")

// session is one signed-in browser, with its own credentials scope.
type session struct {
	scope    *usersession.Session
	ctx      context.Context // ends with the session
	cancel   context.CancelFunc
	created  time.Time
	lastSeen time.Time
	inFlight int
	ended    bool
}

// sessions holds the live sessions, bounded by limit, and remembers why
// recent ones ended (bounded too).
type sessions struct {
	mu       sync.Mutex
	byID     map[string]*session
	ended    map[string]endReason
	order    []string // ended IDs, oldest first
	closed   bool
	idle     time.Duration
	maxAge   time.Duration
	limit    int
	newScope func() *usersession.Session
	// Seams for tests.
	now        func() time.Time
	closeScope func(*usersession.Session)
}

func newSessions(newScope func() *usersession.Session, idle, maxAge time.Duration, limit int) *sessions {
	return &sessions{
		byID: map[string]*session{}, ended: map[string]endReason{},
		idle: idle, maxAge: maxAge, limit: limit, newScope: newScope,
		now: time.Now, closeScope: (*usersession.Session).Close,
	}
}

// create opens a session. At the cap, the session idle the longest (no
// request in flight) makes room; when every session has a request in
// flight, it refuses with errFull rather than cut off someone at work.
func (s *sessions) create() (string, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return "", errors.New("the server is shutting down")
	}
	victims := s.expiredLocked()
	if len(s.byID) >= s.limit {
		id := s.leastRecentIdleLocked()
		if id == "" {
			s.mu.Unlock()
			s.finish(victims)
			return "", errFull
		}
		victims = append(victims, s.removeLocked(id, endedEvicted))
	}
	id := randomHex(32)
	ctx, cancel := context.WithCancel(context.Background())
	now := s.now()
	s.byID[id] = &session{scope: s.newScope(), ctx: ctx, cancel: cancel, created: now, lastSeen: now}
	s.mu.Unlock()
	s.finish(victims)
	return id, nil
}

// fromRequest returns the request's live session, or why there is none
// (notEnded when the request has no session cookie at all).
func (s *sessions) fromRequest(r *http.Request, cookie string) (*session, endReason) {
	c, err := r.Cookie(cookie)
	if err != nil || c.Value == "" {
		return nil, notEnded
	}
	s.mu.Lock()
	sess, ok := s.byID[c.Value]
	if !ok {
		reason, known := s.ended[c.Value]
		s.mu.Unlock()
		if !known {
			reason = endedUnknown
		}
		return nil, reason
	}
	if reason := s.expiry(sess); reason != notEnded {
		victim := s.removeLocked(c.Value, reason)
		s.mu.Unlock()
		s.finish([]*session{victim})
		return nil, reason
	}
	s.mu.Unlock()
	return sess, notEnded
}

// begin and done bracket a request of sess: it is not idle meanwhile.
func (s *sessions) begin(sess *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess.inFlight++
	sess.lastSeen = s.now()
}

func (s *sessions) done(sess *session) {
	s.mu.Lock()
	sess.inFlight--
	sess.lastSeen = s.now()
	again := sess.ended && sess.inFlight == 0
	s.mu.Unlock()
	if again {
		// A request that raced with the end may have started a terminal
		// or a forward after the first Close: close once more.
		s.closeScope(sess.scope)
	}
}

// end closes the session id (logout); unknown IDs are ignored.
func (s *sessions) end(id string, reason endReason) {
	s.mu.Lock()
	if _, ok := s.byID[id]; !ok {
		s.mu.Unlock()
		return
	}
	victim := s.removeLocked(id, reason)
	s.mu.Unlock()
	s.finish([]*session{victim})
}

// sweep ends every expired session (the janitor's round).
func (s *sessions) sweep() {
	s.mu.Lock()
	victims := s.expiredLocked()
	s.mu.Unlock()
	s.finish(victims)
}

// closeAll ends every session and refuses new ones (shutdown).
func (s *sessions) closeAll() {
	s.mu.Lock()
	s.closed = true
	victims := make([]*session, 0, len(s.byID))
	for id := range s.byID {
		victims = append(victims, s.removeLocked(id, endedShutdown))
	}
	s.mu.Unlock()
	s.finish(victims)
}

func (s *sessions) live() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.byID)
}

func (s *sessions) expiry(sess *session) endReason {
	now := s.now()
	switch {
	case now.Sub(sess.created) >= s.maxAge:
		return endedMax
	case sess.inFlight == 0 && now.Sub(sess.lastSeen) >= s.idle:
		return endedIdle
	}
	return notEnded
}

func (s *sessions) expiredLocked() []*session {
	var out []*session
	for id, sess := range s.byID {
		if reason := s.expiry(sess); reason != notEnded {
			out = append(out, s.removeLocked(id, reason))
		}
	}
	return out
}

func (s *sessions) leastRecentIdleLocked() string {
	var best string
	var seen time.Time
	for id, sess := range s.byID {
		if sess.inFlight == 0 && (best == "" || sess.lastSeen.Before(seen)) {
			best, seen = id, sess.lastSeen
		}
	}
	return best
}

// removeLocked takes id out of the live set and remembers why it ended;
// the caller finishes the returned session outside the lock.
func (s *sessions) removeLocked(id string, reason endReason) *session {
	sess := s.byID[id]
	delete(s.byID, id)
	sess.ended = true
	s.ended[id] = reason
	s.order = append(s.order, id)
	if keep := 4 * s.limit; len(s.order) > keep {
		for _, old := range s.order[:len(s.order)-keep] {
			delete(s.ended, old)
		}
		s.order = append([]string(nil), s.order[len(s.order)-keep:]...)
	}
	return sess
}

// finish cancels the sessions' requests and closes what they started.
func (s *sessions) finish(list []*session) {
	for _, sess := range list {
		sess.cancel()
		s.closeScope(sess.scope)
	}
}
