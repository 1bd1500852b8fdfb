package desktop

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A saved file that replaces one of the user's keeps that file's mode (a
// private 0600 file does not become readable by all).
func TestSaveKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "private.log")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, &fakeWindow{savePath: path}, defaultWindowState())
	if code, res := postSave(t, s, "?name=private.log", "new"); code != http.StatusOK {
		t.Fatalf("save = %d %+v", code, res)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode became %v, want it kept (0600)", fi.Mode().Perm())
	}
}

// A new saved file is 0644 less the umask (the umask is the process's:
// this test does not run in parallel).
func TestSaveRespectsTheUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "new.log")
	s := testShell(t, &fakeWindow{savePath: path}, defaultWindowState())
	if code, res := postSave(t, s, "?name=new.log", "data"); code != http.StatusOK {
		t.Fatalf("save = %d %+v", code, res)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0644 less the umask 077 = 0600", fi.Mode().Perm())
	}
}

// Saving onto a symbolic link is refused with a reason: neither the link
// nor its target changes.
func TestSaveRefusesASymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target.log"), filepath.Join(dir, "link.log")
	if err := os.WriteFile(target, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, &fakeWindow{savePath: link}, defaultWindowState())
	code, res := postSave(t, s, "?name=link.log", "new")
	if code == http.StatusOK || !strings.Contains(res.Error, "symbolic link") {
		t.Errorf("save onto a link = %d %+v, want a refusal", code, res)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Errorf("target = %q", b)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}

func TestSaveWindowStateKeepsTheModeAndRefusesALink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "window.json")
	if err := saveWindowState(path, defaultWindowState()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := saveWindowState(path, windowState{Width: 1000, Height: 700}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode became %v, want it kept (0644)", fi.Mode().Perm())
	}
	link := filepath.Join(dir, "linked.json")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if err := saveWindowState(link, defaultWindowState()); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("saved onto a link: %v", err)
	}
	if got, _ := loadWindowState(path); got.Width != 1000 {
		t.Errorf("the link's target changed: %+v", got)
	}
}
