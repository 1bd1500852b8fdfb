package plugins

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two different folders whose files join to the same bytes when paths and
// contents are written one after the other ("a" holding "b\x00c" against an
// empty "a" and a "b" holding "c") must not hash the same.
func TestHashIsFramedSoDifferentFoldersDiffer(t *testing.T) {
	one, two := t.TempDir(), t.TempDir()
	write(t, filepath.Join(one, "a"), "b\x00c")
	write(t, filepath.Join(two, "a"), "")
	write(t, filepath.Join(two, "b"), "c")
	h1, err := Hash(one)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := Hash(two)
	if err != nil {
		t.Fatal(err)
	}
	if h1 == h2 {
		t.Errorf("two different folders hash the same: %s", h1)
	}
}

// A symlink inside a plugin folder (even one that stays inside) makes the
// plugin invalid, with a reason that names it.
func TestSymlinksInAPluginFolderAreRefused(t *testing.T) {
	for name, target := range map[string]string{"inside": "main.js", "outside": "/etc/hostname", "dangling": "nowhere.js"} {
		t.Run(name, func(t *testing.T) {
			inst := t.TempDir()
			dir := filepath.Join(inst, "p")
			write(t, filepath.Join(dir, "package.json"), pkg)
			write(t, filepath.Join(dir, "main.js"), "export default 1")
			if err := os.MkdirAll(filepath.Join(dir, "lib"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, filepath.Join(dir, "lib", "link.js")); err != nil {
				t.Fatal(err)
			}
			list := NewCatalog(Dirs{Installed: inst}).Scan()
			if len(list) != 1 || !strings.Contains(list[0].Error, "symbolic link") || !strings.Contains(list[0].Error, "lib/link.js") {
				t.Errorf("a plugin with a symlink: %+v", list)
			}
		})
	}
}

// A folder over the size bound is refused with a reason, not half read.
func TestAPluginOver20MiBIsRefused(t *testing.T) {
	inst := t.TempDir()
	write(t, filepath.Join(inst, "big", "package.json"), pkg)
	write(t, filepath.Join(inst, "big", "a.bin"), strings.Repeat("x", 12<<20))
	write(t, filepath.Join(inst, "big", "b.bin"), strings.Repeat("y", 9<<20))
	list := NewCatalog(Dirs{Installed: inst}).Scan()
	if len(list) != 1 || !strings.Contains(list[0].Error, "more than 20 MiB") || list[0].Hash != "" {
		t.Errorf("a 21 MiB plugin: %+v", list[0].Error)
	}
	if _, err := list[0].File("package.json"); err == nil {
		t.Error("a refused plugin serves files")
	}
}

// The catalog reads a folder again when it changes, and only then: an
// unchanged folder keeps its snapshot (same files in memory, no re-read).
func TestCatalogRereadsOnlyChangedFolders(t *testing.T) {
	inst := t.TempDir()
	dir := filepath.Join(inst, "p")
	write(t, filepath.Join(dir, "package.json"), pkg)
	write(t, filepath.Join(dir, "main.js"), "export default 1")
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{"package.json", "main.js", "."} {
		if err := os.Chtimes(filepath.Join(dir, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	c := NewCatalog(Dirs{Installed: inst})
	first := c.Scan()[0]
	if again := c.Scan()[0]; again.snap != first.snap {
		t.Error("an unchanged folder was read again")
	}
	if cur, ok := c.Current("p"); !ok || cur.snap != first.snap {
		t.Error("Current does not give the last scan's snapshot")
	}
	write(t, filepath.Join(dir, "main.js"), "export default 2")
	changed := c.Scan()[0]
	if changed.snap == first.snap || changed.Hash == first.Hash {
		t.Error("a changed folder was not read again")
	}
	if r, _ := first.File("main.js"); r == nil || r.Len() != len("export default 1") {
		t.Error("the earlier snapshot changed")
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if list := c.Scan(); len(list) != 0 || len(c.cache) != 0 {
		t.Errorf("a removed plugin stays: %+v, %d cached", list, len(c.cache))
	}
	if _, ok := c.Current("p"); ok {
		t.Error("a removed plugin is current")
	}
}
