package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// minTokenLen is the shortest fixed launch token accepted: the server does
// not rate-limit sign-in attempts, so the token must not be guessable.
const minTokenLen = 16

// launch holds the launch token. A fixed token (KUBEDECK_TOKEN) stays valid;
// otherwise each random token works once and is replaced on use.
type launch struct {
	mu      sync.Mutex
	fixed   bool
	current string
	used    map[string]bool // the last spent tokens, to say so
	order   []string
}

const keepUsed = 32

func newLaunch(fixed string) *launch {
	if fixed != "" {
		return &launch{fixed: true, current: fixed}
	}
	return &launch{current: randomHex(32), used: map[string]bool{}}
}

func (l *launch) token() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.current
}

type tokenCheck int

const (
	tokenWrong tokenCheck = iota
	tokenUsed
	tokenOK
)

// use checks tok and, when it is valid, runs open (which creates the
// session). A single-use token is spent only if open succeeds, so a sign-in
// refused for a full server can be retried with the same address; next is
// the token that replaces it (empty for a fixed token), given to announce
// under the lock, so the last address announced is always the valid one.
func (l *launch) use(tok string, open func() error, announce func(next string)) (result tokenCheck, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if subtle.ConstantTimeCompare([]byte(tok), []byte(l.current)) != 1 {
		if l.used[tok] {
			return tokenUsed, nil
		}
		return tokenWrong, nil
	}
	if err := open(); err != nil {
		return tokenOK, err
	}
	if l.fixed {
		return tokenOK, nil
	}
	l.used[tok] = true
	l.order = append(l.order, tok)
	if len(l.order) > keepUsed {
		delete(l.used, l.order[0])
		l.order = l.order[1:]
	}
	l.current = randomHex(32)
	announce(l.current)
	return tokenOK, nil
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, tok string) {
	var id string
	result, err := s.launch.use(tok, func() (err error) {
		id, err = s.sessions.create()
		return err
	}, s.announce)
	switch result {
	case tokenWrong:
		s.opts.Log.Warn("sign-in with a wrong launch token", "remote", r.RemoteAddr)
		s.page(w, r, http.StatusUnauthorized, "The token in this address is not this server's.", s.signInHint())
		return
	case tokenUsed:
		s.opts.Log.Warn("sign-in with a launch token that was already used", "remote", r.RemoteAddr)
		s.page(w, r, http.StatusUnauthorized, "This sign-in address was already used: each one works once.", s.signInHint())
		return
	}
	if errors.Is(err, errFull) {
		s.opts.Log.Warn("sign-in refused: every session is busy", "limit", s.opts.MaxSessions)
		s.page(w, r, http.StatusServiceUnavailable, fmt.Sprintf("This server already has %d sessions, all of them in use.", s.opts.MaxSessions),
			"Try this address again when one of them ends (they end after "+human(s.opts.SessionIdle)+" idle).")
		return
	}
	if err != nil {
		s.page(w, r, http.StatusServiceUnavailable, "Kubedeck is shutting down.", "")
		return
	}
	s.opts.Log.Info("signed in", "remote", r.RemoteAddr, "sessions", s.sessions.live())
	http.SetCookie(w, s.sessionCookie(id, 0))
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		// Opened from another site's link (or through a redirect from
		// another site): the browser would keep the SameSite=Strict cookie
		// off a redirect in the same chain, so this page moves on by
		// itself, a navigation of our own.
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Kubedeck</title><a href="/">Open Kubedeck</a>`)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// announce prints the next single-use sign-in address where the first one
// went; it runs before the answer, so the address is there by the time the
// browser shows the app.
func (s *Server) announce(next string) {
	if s.opts.Out != nil {
		fmt.Fprintf(s.opts.Out, "Next sign-in address (works once): %s\n", s.urlWith(next))
	}
}

// logout ends the request's session and clears its cookie. It answers POST
// only; checkHostAndOrigin has already refused it unless same-origin.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "sign out with POST /logout", http.StatusMethodNotAllowed)
		return
	}
	if c, err := r.Cookie(s.cookie); err == nil {
		s.sessions.end(c.Value, endedLogout)
	}
	http.SetCookie(w, s.sessionCookie("", -1))
	s.page(w, r, http.StatusOK, "You signed out: this browser's terminals and port-forwards were closed.", s.signInHint())
}

func (s *Server) sessionCookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: s.cookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.tls,
	}
}

// unauthorized answers a request without a live session, saying why.
func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request, why endReason) {
	var msg string
	switch why {
	case endedIdle:
		msg = "Your session ended after " + human(s.opts.SessionIdle) + " idle."
	case endedMax:
		msg = "Your session ended after " + human(s.opts.SessionMax) + ", the longest a session lasts."
	case endedLogout:
		msg = "You signed out."
	case endedEvicted:
		msg = fmt.Sprintf("Your session was closed to make room for a newer one (this server keeps at most %d).", s.opts.MaxSessions)
	case endedShutdown:
		msg = "Your session ended when Kubedeck shut down."
	case endedUnknown:
		msg = "This browser's session is not known to this server: it may have restarted, or the session ended long ago."
	default:
		msg = "This Kubedeck server needs its sign-in address."
	}
	s.page(w, r, http.StatusUnauthorized, msg, s.signInHint())
}

func (s *Server) signInHint() string {
	if s.launch.fixed {
		return "Open the sign-in address again (it ends in ?token=…)."
	}
	return "Open the address again: the newest one kubedeck serve printed in its terminal (it ends in ?token=…; each works once)."
}

// human writes d as "30 minutes", "12 hours", "90 seconds".
func human(d time.Duration) string {
	unit := func(n int64, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return unit(int64(d/time.Hour), "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return unit(int64(d/time.Minute), "minute")
	case d >= time.Second:
		return unit(int64(d/time.Second), "second")
	}
	return d.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
