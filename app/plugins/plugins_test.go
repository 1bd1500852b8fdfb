package plugins

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

const pkg = `{"name":"restarts","version":"1.0.0","description":"d","main":"main.js","kubedeck":{"apiVersion":1}}`

func TestScanDescribesAndHashes(t *testing.T) {
	inst, dev := t.TempDir(), t.TempDir()
	write(t, filepath.Join(inst, "restarts", "package.json"), pkg)
	write(t, filepath.Join(inst, "restarts", "main.js"), "export default 1")
	write(t, filepath.Join(inst, "broken", "package.json"), "{nope")
	write(t, filepath.Join(inst, "future", "package.json"), `{"name":"f","kubedeck":{"apiVersion":99}}`)
	write(t, filepath.Join(dev, "restarts", "package.json"), pkg)
	write(t, filepath.Join(dev, "restarts", "main.js"), "export default 2")

	list := NewCatalog(Dirs{Installed: inst, Dev: dev}).Scan()
	if len(list) != 3 {
		t.Fatalf("plugins = %+v", list)
	}
	byID := map[string]Plugin{}
	for _, p := range list {
		byID[p.ID] = p
	}
	r := byID["restarts"]
	if !r.Dev || r.Version != "1.0.0" || r.Error != "" || len(r.Hash) != 64 {
		t.Errorf("restarts = %+v (the development copy wins)", r)
	}
	if !strings.Contains(byID["broken"].Error, "does not parse") || !strings.Contains(byID["future"].Error, "needs plugin API 99") {
		t.Errorf("errors: %q / %q", byID["broken"].Error, byID["future"].Error)
	}
	before := r.Hash
	write(t, filepath.Join(dev, "restarts", "main.js"), "export default 3")
	if after, _ := Hash(filepath.Join(dev, "restarts")); after == before {
		t.Error("a changed file did not change the hash")
	}
}

func TestFilesAreConfinedToThePluginFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "p")
	write(t, filepath.Join(dir, "main.js"), "ok")
	write(t, filepath.Join(dir, "lib", "util.js"), "ok")
	write(t, filepath.Join(root, "secret.txt"), "secret")
	snap, err := ReadSnapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := Plugin{ID: "p", Path: dir, snap: snap}
	for _, ok := range []string{"main.js", "lib/util.js"} {
		if r, err := p.File(ok); err != nil || r.Len() != 2 {
			t.Errorf("File(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"../secret.txt", "lib/../../secret.txt", "/etc/passwd", "lib", "", ".", "./main.js", "lib//util.js", `lib\util.js`} {
		if _, err := p.File(bad); err == nil {
			t.Errorf("File(%q) was allowed", bad)
		}
	}
	if _, err := (Plugin{ID: "unread"}).File("main.js"); err == nil {
		t.Error("a plugin without a snapshot served a file")
	}
}

func TestPackageJSONSymlinkOutIsNotRead(t *testing.T) {
	inst, outside := t.TempDir(), t.TempDir()
	write(t, filepath.Join(outside, "package.json"), `{"name":"stolen","kubedeck":{"apiVersion":1}}`)
	write(t, filepath.Join(inst, "p", "main.js"), "export default () => {}")
	if err := os.Symlink(filepath.Join(outside, "package.json"), filepath.Join(inst, "p", "package.json")); err != nil {
		t.Fatal(err)
	}
	list := NewCatalog(Dirs{Installed: inst}).Scan()
	if len(list) != 1 || list[0].Name == "stolen" || !strings.Contains(list[0].Error, "package.json is a symbolic link") {
		t.Errorf("a package.json outside the folder was read: %+v", list)
	}
}
