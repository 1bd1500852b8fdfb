package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// onlyFile fails unless dir holds exactly the named files (no temporary
// file left behind).
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}

func TestWriteReplacesAndKeepsTheMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if read(t, path) != "new" || fi.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v, want \"new\" and the old mode 0640", read(t, path), fi.Mode().Perm())
	}
	onlyFiles(t, dir, "f")
}

func TestAFailingWriterLeavesTheOldContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path, []byte("old content"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	err := Write(path, 0o600, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half of the new")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the writer's", err)
	}
	if got := read(t, path); got != "old content" {
		t.Errorf("after a failed write: %q", got)
	}
	onlyFiles(t, dir, "f")
	// A new file that fails is not created at all.
	if err := Write(filepath.Join(dir, "g"), 0o600, func(io.Writer) error { return boom }); err == nil {
		t.Error("no error")
	}
	onlyFiles(t, dir, "f")
}

func TestASymlinkDestinationIsRefused(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target"), filepath.Join(dir, "link")
	if err := os.WriteFile(target, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(link, []byte("overwritten"), 0o600)
	if !errors.Is(err, ErrSymlink) {
		t.Errorf("err = %v, want ErrSymlink", err)
	}
	if got := read(t, target); got != "precious" {
		t.Errorf("written through the link: %q", got)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	// A dangling link is refused too (it would create its target).
	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink(filepath.Join(dir, "created"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("x"), 0o600); !errors.Is(err, ErrSymlink) {
		t.Errorf("dangling link: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "created")); err == nil {
		t.Error("a dangling link's target was created")
	}
	if err := WriteFile(dir, []byte("x"), 0o600); err == nil {
		t.Error("a folder was replaced")
	}
}

// Concurrent writers each replace the whole file: readers, and the file
// at the end, see one writer's complete content, never a mix.
func TestConcurrentWritersLeaveACompleteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	content := func(i int) []byte { return bytes.Repeat([]byte{byte('a' + i)}, 64<<10+i) }
	complete := func(b []byte) bool {
		return len(b) > 0 && bytes.Equal(b, content(int(b[0]-'a')))
	}
	if err := WriteFile(path, content(0), 0o600); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				if err := WriteFile(path, content(i), 0o600); err != nil {
					errs <- err
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for reading := true; reading; {
		select {
		case <-done:
			reading = false
		default:
		}
		b, err := os.ReadFile(path)
		if err != nil || !complete(b) {
			t.Fatalf("a reader saw %d bytes (%v), not a complete file", len(b), err)
		}
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if b, _ := os.ReadFile(path); !complete(b) {
		t.Errorf("the file at the end is not one writer's: %d bytes", len(b))
	}
	onlyFiles(t, dir, "f")
}

func ExampleWrite() {
	path := filepath.Join(os.TempDir(), "atomicfile-example")
	defer os.Remove(path)
	err := Write(path, 0o600, func(w io.Writer) error {
		_, err := fmt.Fprintln(w, "hello")
		return err
	})
	fmt.Println(err)
	// Output: <nil>
}
