// Package serve is the browser shell: it serves the same UI and API as the
// desktop window over net/http, behind a launch token that is exchanged for
// an HttpOnly, SameSite=Strict session cookie. It binds to loopback unless
// told otherwise, checks Host and Origin, and keeps credentials per session.
package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/kubedeck/kubedeck/app/api"
	"github.com/kubedeck/kubedeck/app/commands"
)

// CookieName is the session cookie.
const CookieName = "kubedeck_session"

// Options configure the server.
type Options struct {
	// Addr is host:port to listen on; port 0 picks a free one.
	Addr string
	// Token is the launch token; empty generates a random one.
	Token string
	// Assets is the built frontend.
	Assets fs.FS
	// NewSession returns the commands (credentials scope) of a new session.
	NewSession func() *commands.Commands
	Log        *slog.Logger
}

// Server is a running browser shell.
type Server struct {
	opts     Options
	sessions *sessions
	ln       net.Listener
	srv      *http.Server
}

// Listen binds the address and prepares the server; Serve runs it.
func Listen(opts Options) (*Server, error) {
	if opts.Token == "" {
		opts.Token = randomHex(32)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	s := &Server{opts: opts, sessions: newSessions(opts.NewSession), ln: ln}
	s.srv = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	return s, nil
}

// URL is the address to open, including the launch token.
func (s *Server) URL() string {
	return fmt.Sprintf("http://%s/?token=%s", s.ln.Addr().String(), s.opts.Token)
}

// Addr is the bound address.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve runs until ctx ends, then shuts down.
func (s *Server) Serve(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(sctx)
	s.sessions.closeAll()
	return nil
}

// Handler returns the whole HTTP handler: login, guards, API and assets.
func (s *Server) Handler() http.Handler {
	apiHandler := api.New(func(r *http.Request) (*commands.Commands, error) {
		if sess := s.sessions.fromRequest(r); sess != nil {
			return sess.cmds, nil
		}
		return nil, errors.New("not signed in")
	}, s.opts.Log)
	assets := http.FileServerFS(s.opts.Assets)
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := r.URL.Query().Get("token"); tok != "" && r.URL.Path == "/" {
			s.login(w, r, tok)
			return
		}
		if s.sessions.fromRequest(r) == nil {
			unauthorized(w)
			return
		}
		apiHandler.Middleware(assets).ServeHTTP(w, r)
	})
	return securityHeaders(checkHostAndOrigin(s.ln.Addr(), inner))
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, tok string) {
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.opts.Token)) != 1 {
		s.opts.Log.Warn("login with a wrong launch token", "remote", r.RemoteAddr)
		unauthorized(w)
		return
	}
	id := s.sessions.create()
	http.SetCookie(w, &http.Cookie{
		Name: CookieName, Value: id, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func unauthorized(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = io.WriteString(w, unauthorizedPage)
}

const unauthorizedPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kubedeck: sign in</title>
<style>body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0;background:#0f1115;color:#e6e8ee}
main{max-width:32rem;padding:2rem}code{background:#1c2029;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><main><h1>Kubedeck</h1><p>This Kubedeck server needs its launch token.</p>
<p>Open the address that <code>kubedeck serve</code> printed when it started (it ends in <code>?token=…</code>).</p></main></body></html>`

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
