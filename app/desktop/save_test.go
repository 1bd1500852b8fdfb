package desktop

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func postSave(t *testing.T, s *shell, query, body string) (int, saveResult) {
	t.Helper()
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	rec := httptest.NewRecorder()
	s.saveMiddleware(next).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, SavePath+query, strings.NewReader(body)))
	var res saveResult
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatalf("answer %q: %v", rec.Body.String(), err)
	}
	return rec.Code, res
}

func TestSaveAsksWhereAndWritesTheFile(t *testing.T) {
	dir := t.TempDir()
	fw := &fakeWindow{savePath: filepath.Join(dir, "chosen.log")}
	s := testShell(t, fw, defaultWindowState())
	code, res := postSave(t, s, "?name=../../web-1-nginx.log", "line 1\nline 2\n")
	if code != http.StatusOK || res.Path != fw.savePath {
		t.Fatalf("save = %d %+v", code, res)
	}
	// The dialog proposes the name without any folder from the page.
	if !slices.Contains(fw.calls, "save dialog web-1-nginx.log") {
		t.Errorf("dialog calls %v", fw.calls)
	}
	if b, err := os.ReadFile(fw.savePath); err != nil || string(b) != "line 1\nline 2\n" {
		t.Errorf("file = %q, %v", b, err)
	}
	if st, err := os.Stat(fw.savePath); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("saved file mode = %v, %v; want 0644", st.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}

func TestSaveCancelledWritesNothing(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	if code, res := postSave(t, s, "?name=x.log", "data"); code != http.StatusOK || !res.Cancelled || res.Path != "" {
		t.Fatalf("cancelled save = %d %+v", code, res)
	}
}

func TestSaveReportsAFolderItCannotWrite(t *testing.T) {
	fw := &fakeWindow{savePath: filepath.Join(t.TempDir(), "missing", "x.log")}
	s := testShell(t, fw, defaultWindowState())
	code, res := postSave(t, s, "?name=x.log", "data")
	if code != http.StatusInternalServerError || !strings.Contains(res.Error, "missing") {
		t.Fatalf("save into a missing folder = %d %+v", code, res)
	}
}

func TestSaveLeavesOtherRequestsAlone(t *testing.T) {
	s := testShell(t, &fakeWindow{}, defaultWindowState())
	rec := httptest.NewRecorder()
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	s.saveMiddleware(next).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/stream/list", nil))
	if rec.Code != http.StatusTeapot {
		t.Errorf("other path answered %d", rec.Code)
	}
}
