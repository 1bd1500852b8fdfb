package kubeconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"k8s.io/client-go/tools/clientcmd"
)

// The managed kubeconfig is written through a fresh temporary file: a
// link planted at the old fixed temporary name is not written through, and
// the file itself being a link is refused.
func TestManagedDoesNotWriteThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	if err := os.WriteFile(victim, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "kubeconfig")
	if err := os.Symlink(victim, path+".tmp"); err != nil {
		t.Fatal(err)
	}
	if err := NewManaged(path).AddServer("a", "https://a.example", "", true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("written through a link at the temporary name: %q", b)
	}
	linked := filepath.Join(dir, "linked")
	if err := os.Symlink(victim, linked); err != nil {
		t.Fatal(err)
	}
	err := NewManaged(linked).AddServer("b", "https://b.example", "", true)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a linked managed kubeconfig: %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("written through the link: %q", b)
	}
}

func TestManagedKeepsTheModeAndCreates0600(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kubedeck", "kubeconfig")
	m := NewManaged(path)
	if err := m.AddServer("a", "https://a.example", "", true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("new managed kubeconfig mode %v, want 0600", fi.Mode().Perm())
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := m.AddServer("b", "https://b.example", "", true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o400 {
		t.Errorf("mode became %v, want it kept (0400)", fi.Mode().Perm())
	}
}

// Two writers of the same file (two processes: each has its own lock) both
// succeed and leave a whole kubeconfig.
func TestConcurrentManagedWritersLeaveACompleteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kubeconfig")
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := range 2 {
		m := NewManaged(path)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				if err := m.AddServer(fmt.Sprintf("w%d-%d", w, i), "https://x.example", "", true); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	cfg, err := clientcmd.LoadFromFile(path)
	if err != nil || len(cfg.Contexts) == 0 {
		t.Fatalf("the file after concurrent writes: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}
