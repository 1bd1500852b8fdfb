package plugins

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzFile: whatever path a page asks for, only a file of the snapshot,
// by its exact name, is ever returned.
func FuzzFile(f *testing.F) {
	dir := f.TempDir()
	files := map[string]string{"package.json": pkg, "main.js": "export default 1", "lib/util.js": "x"}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	snap, err := ReadSnapshot(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"main.js", "lib/util.js", "../main.js", "lib/../main.js", "/main.js", `lib\util.js`, "lib/", "./main.js", "%2e%2e/x", "main.js\x00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		r, err := snap.File(name)
		if err != nil {
			return
		}
		body, ok := files[name]
		if !ok || r.Len() != len(body) {
			t.Errorf("File(%q) returned %d bytes; not a file of the plugin", name, r.Len())
		}
	})
}

// FuzzManifest: any package.json gives a plugin or a reason, never a panic,
// and a plugin without a reason names a supported API version.
func FuzzManifest(f *testing.F) {
	for _, s := range []string{pkg, "{nope", `{"kubedeck":{"apiVersion":99}}`, `{"main":"../x.js","kubedeck":{"apiVersion":1}}`, `null`, `[]`, `{"kubedeck":null}`, `{"kubedeck":{"apiVersion":-1}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, manifest string) {
		files := map[string][]byte{"package.json": []byte(manifest)}
		snap := &Snapshot{files: files, hash: HashFiles(files)}
		p := describe("/p", "p", false, snap, nil)
		if p.Error == "" && (p.APIVersion < 1 || p.APIVersion > APIVersion || !fs.ValidPath(p.Main) || p.Name == "") {
			t.Errorf("accepted %q as %+v", manifest, p)
		}
		if strings.Contains(p.Hash, " ") || len(p.Hash) != 64 {
			t.Errorf("hash %q", p.Hash)
		}
	})
}
