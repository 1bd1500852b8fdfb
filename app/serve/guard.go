package serve

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/kubedeck/kubedeck/app/api"
)

// checkHostAndOrigin refuses requests whose Host is not this server (DNS
// rebinding) and cross-origin requests: any Origin must be this server's, and
// state-changing requests must carry one. On loopback the UI lives on the
// host name "localhost": a request for a loopback IP (127.0.0.1, [::1]) is
// sent there before anything else happens, the token exchange included, so
// the session cookie is host-only for "localhost" and never sent to the
// port-forwards, which listen on 127.0.0.1 (cookies ignore ports; and
// localhost and 127.0.0.1 are different sites, so SameSite=Strict keeps the
// cookie off requests a forwarded page makes to the UI).
func (s *Server) checkHostAndOrigin(next http.Handler) http.Handler {
	loopback := isLoopback(s.ln.Addr())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if loopback && !isLocalHost(r.Host) {
			http.Error(w, "unexpected Host header", http.StatusMisdirectedRequest)
			return
		}
		if loopback && !isLocalhostName(r.Host) {
			s.toLocalhost(w, r)
			return
		}
		if isFrameRequest(r) {
			// A sandboxed plugin frame: Origin null, cross-site, and only
			// its own files (frames.go).
			next.ServeHTTP(w, r)
			return
		}
		origin := r.Header.Get("Origin")
		// Under Referrer-Policy no-referrer a browser sends "Origin: null"
		// with a form's POST; its Sec-Fetch-Site (which no page can set)
		// still says whether the form was this server's own.
		if origin == "null" && r.Header.Get("Sec-Fetch-Site") == "same-origin" {
			origin = ""
		}
		if origin != "" && !sameOrigin(origin, r.Host) {
			http.Error(w, "cross-origin request refused", http.StatusForbidden)
			return
		}
		if origin == "" && !safeMethod(r.Method) && r.Header.Get("Sec-Fetch-Site") != "same-origin" {
			http.Error(w, "request without Origin refused", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// toLocalhost redirects a page load addressed to a loopback IP to the same
// path on localhost; anything else is refused (it could carry no cookie).
func (s *Server) toLocalhost(w http.ResponseWriter, r *http.Request) {
	target := s.scheme() + "://" + s.publicHost() + r.URL.RequestURI()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "use "+s.scheme()+"://"+s.publicHost()+"/", http.StatusMisdirectedRequest)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, target, http.StatusTemporaryRedirect)
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, host)
}

func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

func isLocalHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func isLocalhostName(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	return strings.EqualFold(host, "localhost")
}

// appCSP is the policy of the app's own pages: they may frame the plugin
// frames this server serves (frame-src 'self'), and nothing may frame them.
const appCSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'"

// frameAncestorsCSP is the browser shell's policy for plugin frame
// documents, beside their own (app/api/frame.go): only the app's pages may
// frame them. X-Frame-Options has no "same origin" a sandboxed frame
// matches reliably, so they get this instead of DENY.
const frameAncestorsCSP = "frame-ancestors 'self'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if strings.HasPrefix(r.URL.Path, api.FramePrefix) {
			h.Set("Content-Security-Policy", frameAncestorsCSP)
		} else {
			h.Set("X-Frame-Options", "DENY")
			h.Set("Content-Security-Policy", appCSP)
		}
		next.ServeHTTP(w, r)
	})
}
