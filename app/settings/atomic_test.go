package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUpdateKeepsTheFileModeAndCreates0600(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "settings.json")
	if _, err := New(path).Update(func(s *Settings) { s.LastContext = "a" }); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("a new settings file has mode %v, want 0600", fi.Mode().Perm())
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := New(path).Update(func(s *Settings) { s.LastContext = "b" }); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("the settings file's mode became %v, want it kept (0640)", fi.Mode().Perm())
	}
}

// A settings file that is a symbolic link is neither written through nor
// replaced: the update fails and says why.
func TestUpdateDoesNotWriteThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	target, path := filepath.Join(dir, "elsewhere.json"), filepath.Join(dir, "settings.json")
	if err := os.WriteFile(target, []byte(`{"lastContext":"kept"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	_, err := New(path).Update(func(s *Settings) { s.LastContext = "changed" })
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want a refusal naming the link", err)
	}
	if b, _ := os.ReadFile(target); string(b) != `{"lastContext":"kept"}` {
		t.Errorf("the link's target was written: %s", b)
	}
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}
