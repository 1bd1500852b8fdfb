package desktop

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
)

// The app key is a per-launch secret that only the app's own page knows:
// the middleware writes it into index.html (KeyMeta), the frontend reads it
// once and removes it, and sends it with every /api/ request (KeyHeader)
// and every Gate call. A plugin's frame shares the webview's URL scheme and
// its message channel, but never sees index.html, so it has no key: the
// shell refuses its /api/ requests and the gate its binding calls.
const (
	KeyHeader = "X-Kubedeck-Key"
	KeyMeta   = "kubedeck-key"
)

// newAppKey returns 256 random bits, hex-encoded.
func newAppKey() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("app key: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// keyMiddleware requires the app key on every /api/ request and serves
// index.html (at / and /index.html) with the key in it. The rest (assets,
// /plugin-frame/, Wails' own /wails/ scripts) passes on as it is.
func keyMiddleware(key string, assets fs.FS, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/api/"):
			if !validKey(key, r.Header.Get(KeyHeader)) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusForbidden)
				_ = json.NewEncoder(w).Encode(map[string]string{"error": "refused: the request lacks the app key (" + KeyHeader + ")"})
				return
			}
		case (r.URL.Path == "/" || r.URL.Path == "/index.html") && (r.Method == http.MethodGet || r.Method == http.MethodHead):
			serveIndex(w, key, assets)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func validKey(key, got string) bool {
	return key != "" && subtle.ConstantTimeCompare([]byte(key), []byte(got)) == 1
}

var headOpen = regexp.MustCompile(`(?i)<head(\s[^>]*)?>`)

// serveIndex writes the built index.html with the key's <meta> first in
// <head>. (Wails then adds its runtime scripts, for a 200 text/html.)
func serveIndex(w http.ResponseWriter, key string, assets fs.FS) {
	doc, err := fs.ReadFile(assets, "index.html")
	if err != nil {
		http.Error(w, "index.html is missing from the build: "+err.Error(), http.StatusInternalServerError)
		return
	}
	loc := headOpen.FindIndex(doc)
	if loc == nil {
		http.Error(w, "index.html has no <head>", http.StatusInternalServerError)
		return
	}
	var b bytes.Buffer
	b.Write(doc[:loc[1]])
	b.WriteString(`<meta name="` + KeyMeta + `" content="` + html.EscapeString(key) + `">`)
	b.Write(doc[loc[1]:])
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b.Bytes())
}
