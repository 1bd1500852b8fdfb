package api

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"

	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
)

// FramePrefix is where plugin frames are served: /plugin-frame/<token>/...
const FramePrefix = "/plugin-frame/"

// FrameSessions finds the session that minted a frame token. The desktop
// has one session; the browser shell looks the token up over its live
// sessions (a frame's requests carry no cookie: its origin is opaque).
type FrameSessions func(r *http.Request, token string) (*session.Session, error)

// Frames configures the plugin frames (WithFrames).
type Frames struct {
	// Assets is the built frontend: frame.html and the assets/ folder.
	Assets fs.FS
	// Sessions finds a token's session.
	Sessions FrameSessions
	// Scheme is the scheme the page sees ("wails" in the desktop); empty
	// means https over TLS, else http.
	Scheme string
}

// Option configures a Handler.
type Option func(*Handler)

// WithFrames serves plugin frames under FramePrefix (without it every
// such request is answered 404).
func WithFrames(f Frames) Option {
	return func(h *Handler) { h.frames = &f }
}

// frameToken is what FrameToken mints: 32 hex digits.
var frameToken = regexp.MustCompile(`^[0-9a-f]{32}$`)

func (h *Handler) frameRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /plugin-frame/{token}/{$}", h.frameDocument)
	mux.HandleFunc("GET /plugin-frame/{token}/index.html", h.frameDocument)
	mux.HandleFunc("GET /plugin-frame/{token}/assets/{file}", h.frameAsset)
	mux.HandleFunc("GET /plugin-frame/{token}/plugin/{file...}", h.framePluginFile)
	mux.HandleFunc(FramePrefix, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			frameError(w, http.StatusMethodNotAllowed, errors.New("plugin frames are read-only (GET, HEAD)"))
			return
		}
		frameError(w, http.StatusNotFound, errors.New("no such plugin frame file"))
	})
	return mux
}

// serveFrame runs a /plugin-frame/ request under the handler's recover.
func (h *Handler) serveFrame(w http.ResponseWriter, r *http.Request) {
	rw := &responseWriter{ResponseWriter: w, cancel: func(error) {}}
	defer h.recoverPanic(rw, r)
	if !cleanPath(r.URL.Path) {
		// The mux would redirect to the cleaned path, perhaps out of the
		// prefix: a frame gets nothing but its own folder.
		frameError(rw, http.StatusNotFound, errors.New("no such plugin frame file"))
		return
	}
	h.frameMux.ServeHTTP(rw, r)
}

// cleanPath reports whether p has no ".", ".." or empty segments.
func cleanPath(p string) bool {
	c := path.Clean(p)
	return c == p || c+"/" == p
}

// framePlugin resolves the request's token to its enabled plugin and
// session. Any failure is a 404: a token is a capability, and a wrong one
// learns nothing.
func (h *Handler) framePlugin(w http.ResponseWriter, r *http.Request) (*session.Session, plugins.Plugin, bool) {
	tok := r.PathValue("token")
	if h.frames == nil || h.frames.Sessions == nil || !frameToken.MatchString(tok) {
		frameError(w, http.StatusNotFound, errors.New("no such plugin frame"))
		return nil, plugins.Plugin{}, false
	}
	sess, err := h.frames.Sessions(r, tok)
	if err != nil {
		frameError(w, http.StatusNotFound, errors.New("no such plugin frame"))
		return nil, plugins.Plugin{}, false
	}
	p, err := sess.FramePlugin(tok)
	if err != nil {
		h.log.Info("plugin frame refused", "path", r.URL.Path, "err", err)
		frameError(w, http.StatusNotFound, fmt.Errorf("no such plugin frame: %w", err))
		return nil, plugins.Plugin{}, false
	}
	frameHeaders(w)
	return sess, p, true
}

// frameHeaders are on every frame response: its files are public code,
// never data, and module scripts from an opaque origin are CORS requests.
func frameHeaders(w http.ResponseWriter) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("X-Content-Type-Options", "nosniff")
}

func (h *Handler) frameDocument(w http.ResponseWriter, r *http.Request) {
	sess, p, ok := h.framePlugin(w, r)
	if !ok {
		return
	}
	doc, err := fs.ReadFile(h.frames.Assets, "frame.html")
	if err != nil {
		h.log.Error("plugin frame document missing", "err", err)
		frameError(w, http.StatusInternalServerError, fmt.Errorf("the frame document is missing from the build: %w", err))
		return
	}
	prefix := h.framePrefix(r)
	network := grantedNetwork(sess, p)
	out, err := frameHTML(doc, frameCSP(prefix, network))
	if err != nil {
		frameError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// Add, not Set: the browser shell's own policy for frames
	// (frame-ancestors) stays, and a document must satisfy both.
	w.Header().Add("Content-Security-Policy", frameCSPHeader(prefix, network))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

// framePrefix is the absolute URL of the request's frame folder.
func (h *Handler) framePrefix(r *http.Request) string {
	scheme := h.frames.Scheme
	if scheme == "" {
		scheme = "http"
		if r.TLS != nil {
			scheme = "https"
		}
	}
	return scheme + "://" + r.Host + FramePrefix + r.PathValue("token") + "/"
}

var headTag = regexp.MustCompile(`(?i)<head(\s[^>]*)?>`)

// frameHTML puts the CSP into doc as the first element of <head> (WebKit
// may not apply a custom scheme's headers), and makes the built asset URLs
// relative, so they resolve under the frame's own folder.
func frameHTML(doc []byte, csp string) ([]byte, error) {
	loc := headTag.FindIndex(doc)
	if loc == nil {
		return nil, errors.New("the frame document has no <head>")
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + html.EscapeString(csp) + `">`
	var b bytes.Buffer
	b.Write(doc[:loc[1]])
	b.WriteString(meta)
	rest := doc[loc[1]:]
	for _, attr := range []string{`src="`, `href="`} {
		rest = bytes.ReplaceAll(rest, []byte(attr+"/assets/"), []byte(attr+"./assets/"))
	}
	b.Write(rest)
	return b.Bytes(), nil
}

func (h *Handler) frameAsset(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := h.framePlugin(w, r); !ok {
		return
	}
	name := "assets/" + r.PathValue("file")
	if !fs.ValidPath(name) {
		frameError(w, http.StatusNotFound, errors.New("no such asset"))
		return
	}
	f, err := h.frames.Assets.Open(name)
	if err != nil {
		frameError(w, http.StatusNotFound, errors.New("no such asset"))
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		frameError(w, http.StatusNotFound, errors.New("no such asset"))
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	_, _ = io.Copy(w, f)
}

func (h *Handler) framePluginFile(w http.ResponseWriter, r *http.Request) {
	_, p, ok := h.framePlugin(w, r)
	if !ok {
		return
	}
	name := r.PathValue("file")
	f, err := p.File(name)
	if err != nil {
		h.log.Warn("plugin file refused", "plugin", p.ID, "path", name, "err", err)
		frameError(w, http.StatusNotFound, errors.New("no such plugin file"))
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.Copy(w, f)
}

// contentType is a file's type by extension; scripts always as JavaScript
// (nosniff refuses a module script of any other type).
func contentType(name string) string {
	switch ext := path.Ext(name); ext {
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case "":
		return "application/octet-stream"
	default:
		if ct := mime.TypeByExtension(ext); ct != "" {
			return ct
		}
		return "application/octet-stream"
	}
}

// frameError answers a frame request with a plain-text error.
func frameError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, strings.TrimSpace(err.Error())+"\n")
}
