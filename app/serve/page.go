package serve

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strings"
)

// page answers with a short message: a small HTML page for a browser
// navigating here, {"error": "..."} for the API (the frontend shows it).
func (s *Server) page(w http.ResponseWriter, r *http.Request, status int, msg, hint string) {
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": strings.TrimSpace(msg + " " + hint)})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = pageTemplate.Execute(w, struct{ Message, Hint string }{msg, hint})
}

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kubedeck: sign in</title>
<style>body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0;background:#0f1115;color:#e6e8ee}
main{max-width:32rem;padding:2rem}</style></head>
<body><main><h1>Kubedeck</h1><p>{{.Message}}</p>{{if .Hint}}<p>{{.Hint}}</p>{{end}}</main></body></html>`))
