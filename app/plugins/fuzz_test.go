package plugins

import (
	"os"
	"path/filepath"
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

// FuzzManifest describes a plugin whose package.json is fuzzed: never a
// panic; a plugin is always listed under its folder's name with a hash, and
// a plugin without an error has a name, a main file, a supported API and
// capabilities that are well formed (each kind and origin passes the
// checks, and the request is a valid grant of itself).
func FuzzManifest(f *testing.F) {
	f.Add([]byte(`{"name":"p","main":"main.js","kubedeck":{"apiVersion":1}}`))
	f.Add([]byte(`{"kubedeck":{"apiVersion":1e999}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"kubedeck":{"apiVersion":1,"capabilities":{"read":["pods","*","apps/deployments"],"write":{"configmaps":["apply","delete"]},"network":["https://a.example:8443"],"logs":true,"settings":true}}}`))
	f.Add([]byte(`{"kubedeck":{"apiVersion":1,"capabilities":{"read":["secrets"],"secretValues":true,"exec":false,"portForward":true}}}`))
	f.Add([]byte(`{"kubedeck":{"apiVersion":1,"capabilities":{"write":{"*":["apply"]},"network":["https://x/"],"bogus":1}}}`))
	f.Add([]byte(`{"kubedeck":{"apiVersion":1,"capabilities":null}}`))
	f.Fuzz(func(t *testing.T, manifest []byte) {
		inst := t.TempDir()
		writeFuzzFile(t, filepath.Join(inst, "p", "package.json"), manifest)
		writeFuzzFile(t, filepath.Join(inst, "p", "main.js"), []byte("export default 1"))
		list := NewCatalog(Dirs{Installed: inst}).Scan()
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
		checkRequested(t, p.Requested)
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

// checkRequested fails unless every part of a plugin's accepted request is
// well formed.
func checkRequested(t *testing.T, c Capabilities) {
	t.Helper()
	for _, k := range c.Read {
		if err := CheckKind(k); k != AllKinds && err != nil {
			t.Fatalf("accepted read kind %q: %v", k, err)
		}
	}
	for k, verbs := range c.Write {
		if err := CheckKind(k); err != nil || len(verbs) == 0 {
			t.Fatalf("accepted write kind %q %v: %v", k, verbs, err)
		}
		for _, v := range verbs {
			if v != VerbApply && v != VerbDelete {
				t.Fatalf("accepted verb %q", v)
			}
		}
	}
	for _, o := range c.Network {
		if err := CheckOrigin(o); err != nil {
			t.Fatalf("accepted origin %q: %v", o, err)
		}
	}
	if err := Subset(c, c); err != nil {
		t.Fatalf("an accepted request is not a grant of itself: %v", err)
	}
}
