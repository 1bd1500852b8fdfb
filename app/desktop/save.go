package desktop

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/kubedeck/kubedeck/app/atomicfile"
)

// maxSave bounds what one save writes (a log view holds 50,000 lines).
const maxSave = 256 << 20

// SavePath is where the page posts a file to save in the desktop app: the
// webview ignores or silently completes <a download>, so the shell asks
// where with the native dialog and writes the body there.
const SavePath = "/api/desktop/save"

type saveResult struct {
	Path      string `json:"path,omitempty"`
	Cancelled bool   `json:"cancelled,omitempty"`
	Error     string `json:"error,omitempty"`
}

// saveMiddleware serves POST SavePath?name=NAME and passes everything else on.
func (s *shell) saveMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != SavePath {
			next.ServeHTTP(w, r)
			return
		}
		res, code := s.save(r)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(res)
	})
}

func (s *shell) save(r *http.Request) (saveResult, int) {
	if r.Method != http.MethodPost {
		return saveResult{Error: "use POST"}, http.StatusMethodNotAllowed
	}
	win := s.window()
	if win == nil {
		return saveResult{Error: "the window is not ready"}, http.StatusServiceUnavailable
	}
	name := filepath.Base(strings.TrimSpace(r.URL.Query().Get("name")))
	if name == "." || name == string(filepath.Separator) {
		name = "kubedeck.txt"
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxSave))
	if err != nil {
		return saveResult{Error: fmt.Sprintf("read the file to save: %v", err)}, http.StatusBadRequest
	}
	path, err := win.SaveDialog("Save "+name, name)
	if err != nil {
		return saveResult{Error: err.Error()}, http.StatusInternalServerError
	}
	if path == "" {
		return saveResult{Cancelled: true}, http.StatusOK
	}
	if err := writeFile(path, body); err != nil {
		s.opts.Log.Warn("save failed", "path", path, "err", err)
		return saveResult{Error: err.Error()}, http.StatusInternalServerError
	}
	s.opts.Log.Info("saved", "path", path, "bytes", len(body))
	return saveResult{Path: path}, http.StatusOK
}

// writeFile replaces path atomically (atomicfile), so a failed save never
// leaves half a file where the user's was. A new file reads like any other
// the user makes (0644 less the umask); a replaced one keeps its mode; a
// symbolic link is refused (the user is told, and picks the file itself).
func writeFile(path string, data []byte) error {
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
