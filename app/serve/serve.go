package serve

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/kubedeck/kubedeck/app/api"
	usersession "github.com/kubedeck/kubedeck/app/session"
)

// CookieName is the session cookie over plain HTTP (loopback only). Over
// TLS it is TLSCookieName: the __Host- prefix makes the browser refuse it
// unless it is Secure, host-only and for Path=/.
const (
	CookieName    = "kubedeck_session"
	TLSCookieName = "__Host-kubedeck_session"
)

// Defaults for Options.
const (
	DefaultSessionIdle = 30 * time.Minute
	DefaultSessionMax  = 12 * time.Hour
	DefaultMaxSessions = 64
)

// Options configure the server.
type Options struct {
	// Addr is host:port to listen on; port 0 picks a free one.
	Addr string
	// Token is a fixed launch token (KUBEDECK_TOKEN, for a team): it stays
	// valid for the server's life, every use opening a new session that
	// expires like any other. Empty means single-use random tokens: each
	// works once, and after each use the next sign-in address is written
	// to Out, so the address left in a browser's history, a shell's
	// scrollback or a screen share no longer signs anyone in.
	Token string
	// Out receives the next sign-in address after a single-use token was
	// used (the terminal kubedeck serve runs in); nil prints nothing.
	Out io.Writer
	// TLSCert and TLSKey are PEM files; with them the server speaks HTTPS.
	TLSCert, TLSKey string
	// InsecureHTTP allows plain HTTP on a non-loopback address (behind a
	// proxy that terminates TLS, say); without it Listen refuses.
	InsecureHTTP bool
	// SessionIdle ends a session with no request for this long (a request
	// in flight, such as an open watch or terminal, counts as activity);
	// SessionMax ends any session this long after sign-in; MaxSessions caps
	// the live sessions. Zero means the Default* value.
	SessionIdle, SessionMax time.Duration
	MaxSessions             int
	// Assets is the built frontend.
	Assets fs.FS
	// NewSession returns the Session (credentials scope) of a new login.
	NewSession func() *usersession.Session
	Log        *slog.Logger
}

// Server is a running browser shell.
type Server struct {
	opts     Options
	sessions *sessions
	launch   *launch
	ln       net.Listener
	srv      *http.Server
	tls      bool
	cookie   string
	// ticks drives the janitor; tests replace it.
	ticks func() (<-chan time.Time, func())
}

// Listen binds the address and prepares the server; Serve runs it.
func Listen(opts Options) (*Server, error) {
	opts = withDefaults(opts)
	if (opts.TLSCert == "") != (opts.TLSKey == "") {
		return nil, errors.New("--tls-cert and --tls-key go together")
	}
	if opts.Token != "" && len(opts.Token) < minTokenLen {
		return nil, fmt.Errorf("the fixed launch token (KUBEDECK_TOKEN) has %d characters, want at least %d", len(opts.Token), minTokenLen)
	}
	var tlsConf *tls.Config
	if opts.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(opts.TLSCert, opts.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("load TLS certificate: %w", err)
		}
		tlsConf = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	if !isLoopback(ln.Addr()) && tlsConf == nil {
		if !opts.InsecureHTTP {
			_ = ln.Close()
			return nil, fmt.Errorf("refusing plain HTTP on %s, which is not a loopback address: anyone on the network "+
				"could read the session cookie and your cluster's data; give --tls-cert and --tls-key, or "+
				"--insecure-http if a proxy in front of Kubedeck terminates TLS", opts.Addr)
		}
		opts.Log.Warn("SERVING PLAIN HTTP ON A NETWORK ADDRESS (--insecure-http): session cookies and cluster data "+
			"cross the network unencrypted; only do this behind a TLS-terminating proxy", "addr", ln.Addr().String())
	}
	s := &Server{
		opts: opts, ln: ln, tls: tlsConf != nil, cookie: CookieName,
		sessions: newSessions(opts.NewSession, opts.SessionIdle, opts.SessionMax, opts.MaxSessions),
		launch:   newLaunch(opts.Token),
		ticks:    janitorTicker(opts.SessionIdle, opts.SessionMax),
	}
	if s.tls {
		s.cookie = TLSCookieName
	}
	s.srv = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, TLSConfig: tlsConf}
	return s, nil
}

func withDefaults(o Options) Options {
	if o.SessionIdle <= 0 {
		o.SessionIdle = DefaultSessionIdle
	}
	if o.SessionMax <= 0 {
		o.SessionMax = DefaultSessionMax
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = DefaultMaxSessions
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	return o
}

// URL is the address to open, including the current launch token.
func (s *Server) URL() string { return s.urlWith(s.launch.token()) }

func (s *Server) urlWith(token string) string {
	return fmt.Sprintf("%s://%s/?token=%s", s.scheme(), s.publicHost(), token)
}

func (s *Server) scheme() string {
	if s.tls {
		return "https"
	}
	return "http"
}

// publicHost is the host:port a browser should use. On loopback it is
// always "localhost", never 127.0.0.1: port-forwards listen on 127.0.0.1,
// and a cookie set for 127.0.0.1 would be sent to them (cookies ignore
// ports). On other addresses the browser is usually on another machine, where
// 127.0.0.1 is its own loopback: a forward bound on the server's loopback is
// out of its reach, and the host-only cookie for the server's name is not
// sent to 127.0.0.1 either.
func (s *Server) publicHost() string {
	tcp, ok := s.ln.Addr().(*net.TCPAddr)
	if !ok {
		return s.ln.Addr().String()
	}
	port := strconv.Itoa(tcp.Port)
	switch {
	case tcp.IP.IsLoopback():
		return net.JoinHostPort("localhost", port)
	case tcp.IP.IsUnspecified():
		if h, err := os.Hostname(); err == nil && h != "" {
			return net.JoinHostPort(h, port)
		}
	}
	return net.JoinHostPort(tcp.IP.String(), port)
}

// Addr is the bound address.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve runs until ctx ends, then shuts down: the janitor stops, every
// session ends (its streams are cancelled, its terminals and forwards
// closed) and open connections get a moment to finish.
func (s *Server) Serve(ctx context.Context) error {
	jctx, stopJanitor := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { s.janitor(jctx) })
	defer func() {
		stopJanitor()
		wg.Wait()
		s.sessions.closeAll()
	}()
	s.srv.RegisterOnShutdown(s.sessions.closeAll)
	errc := make(chan error, 1)
	go func() {
		if s.tls {
			errc <- s.srv.ServeTLS(s.ln, "", "")
			return
		}
		errc <- s.srv.Serve(s.ln)
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(sctx)
	return nil
}

// janitor ends expired sessions until ctx ends.
func (s *Server) janitor(ctx context.Context) {
	ticks, stop := s.ticks()
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			s.sessions.sweep()
		}
	}
}

// janitorTicker ticks a few times per shortest lifetime, between once a
// second and once a minute; a request never needs the janitor, since every
// lookup checks the session's expiry itself.
func janitorTicker(idle, maxAge time.Duration) func() (<-chan time.Time, func()) {
	every := min(idle, maxAge) / 4
	every = max(time.Second, min(every, time.Minute))
	return func() (<-chan time.Time, func()) {
		t := time.NewTicker(every)
		return t.C, t.Stop
	}
}

// Handler returns the whole HTTP handler: login, logout, guards, API and
// assets.
func (s *Server) Handler() http.Handler {
	apiHandler := api.New(func(r *http.Request) (*usersession.Session, error) {
		if sess, ok := r.Context().Value(sessionKey{}).(*session); ok {
			return sess.scope, nil
		}
		return nil, errors.New("not signed in")
	}, s.opts.Log, api.WithFrames(api.Frames{Assets: s.opts.Assets, Sessions: s.frameSessions}))
	app := apiHandler.Middleware(http.FileServerFS(s.opts.Assets))
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/logout" {
			s.logout(w, r)
			return
		}
		if isFrameRequest(r) {
			app.ServeHTTP(w, r) // the token in the path is the credential
			return
		}
		sess, ended := s.sessions.fromRequest(r, s.cookie)
		if tok := r.URL.Query().Get("token"); tok != "" && r.URL.Path == "/" {
			if sess != nil {
				// Already signed in (the address opened twice): keep the
				// session and leave the token unspent.
				http.Redirect(w, r, "/", http.StatusSeeOther)
				return
			}
			s.login(w, r, tok)
			return
		}
		if sess == nil {
			s.unauthorized(w, r, ended)
			return
		}
		s.serveSession(w, r, sess, app)
	})
	return securityHeaders(s.checkHostAndOrigin(inner))
}

type sessionKey struct{}

// serveSession runs a signed-in request: it counts as activity while it
// runs, and it is cancelled when the session ends (logout, expiry), so no
// stream outlives its session.
func (s *Server) serveSession(w http.ResponseWriter, r *http.Request, sess *session, next http.Handler) {
	s.sessions.begin(sess)
	defer s.sessions.done(sess)
	ctx, cancel := context.WithCancel(context.WithValue(r.Context(), sessionKey{}, sess))
	defer cancel()
	stop := context.AfterFunc(sess.ctx, cancel)
	defer stop()
	next.ServeHTTP(w, r.WithContext(ctx))
}
