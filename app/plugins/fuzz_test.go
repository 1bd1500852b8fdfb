package plugins

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzManifest describes a plugin whose package.json is fuzzed: never a
// panic; a plugin is always listed under its folder's name with a hash, and
// a plugin without an error has a name, a main file and a supported API.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(`{"name":"p","main":"main.js","kubedeck":{"apiVersion":1}}`))
	f.Add([]byte(`{"kubedeck":{"apiVersion":1e999}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, manifest []byte) {
		inst := t.TempDir()
		writeFuzzFile(t, filepath.Join(inst, "p", "package.json"), manifest)
		writeFuzzFile(t, filepath.Join(inst, "p", "main.js"), []byte("export default 1"))
		list := Dirs{Installed: inst}.Scan()
		if len(list) != 1 || list[0].ID != "p" {
			t.Fatalf("plugins = %+v, want the one folder p", list)
		}
		p := list[0]
		if p.Error != "" {
			return
		}
		if p.Name == "" || p.Main == "" || p.APIVersion < 1 || p.APIVersion > APIVersion || len(p.Hash) != 64 {
			t.Fatalf("a plugin without an error is incomplete: %+v", p)
		}
	})
}

// outside is what a file next to (not inside) the plugin folder holds.
const outside = "OUTSIDE THE PLUGIN FOLDER"

// FuzzOpen opens fuzzed names in a plugin folder that holds a subfolder, a
// symlink inside the folder and symlinks leading out of it: never a panic,
// and never a file that is not inside the folder.
func FuzzOpen(f *testing.F) {
	for _, s := range []string{"main.js", "sub/a.js", "../outside.txt", "link-out", "link-in", "sub/../main.js", "/etc/passwd", "", "."} {
		f.Add(s)
	}
	dir := f.TempDir()
	plugin := filepath.Join(dir, "p")
	writeFuzzFile(f, filepath.Join(dir, "outside.txt"), []byte(outside))
	writeFuzzFile(f, filepath.Join(plugin, "package.json"), []byte(`{"name":"p","kubedeck":{"apiVersion":1}}`))
	writeFuzzFile(f, filepath.Join(plugin, "main.js"), []byte("export default 1"))
	writeFuzzFile(f, filepath.Join(plugin, "sub", "a.js"), []byte("export const a = 1"))
	for link, target := range map[string]string{
		"link-out":     "../outside.txt",
		"link-abs":     filepath.Join(dir, "outside.txt"),
		"sub/link-up":  "../../outside.txt",
		"link-in":      "main.js",
		"sub/dir-out":  "../..",
		"link-outside": dir,
	} {
		if err := os.Symlink(target, filepath.Join(plugin, link)); err != nil {
			f.Fatal(err)
		}
	}
	outsideInfo, err := os.Stat(filepath.Join(dir, "outside.txt"))
	if err != nil {
		f.Fatal(err)
	}
	p := Plugin{ID: "p", Path: plugin}
	f.Fuzz(func(t *testing.T, name string) {
		file, err := Open(p, name)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("Open(%q): an error without a message", name)
			}
			return
		}
		defer file.Close()
		fi, err := file.Stat()
		if err != nil {
			t.Fatal(err)
		}
		if !fi.Mode().IsRegular() {
			t.Fatalf("Open(%q) gave a %v, not a regular file", name, fi.Mode())
		}
		if os.SameFile(fi, outsideInfo) {
			t.Fatalf("Open(%q) escaped the plugin folder", name)
		}
		b, _ := io.ReadAll(file)
		if strings.Contains(string(b), outside) {
			t.Fatalf("Open(%q) read a file outside the plugin folder", name)
		}
	})
}

func writeFuzzFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
