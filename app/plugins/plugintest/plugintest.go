package plugintest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/session"
)

// Write makes the folder root/id of a plugin targeting API 1, with
// capabilities (JSON, "" for none) in its package.json and files (path →
// content; main.js is the entry point, written with an empty activate when
// files lack it).
func Write(t testing.TB, root, id, capabilities string, files map[string]string) {
	t.Helper()
	caps := ""
	if capabilities != "" {
		caps = `,"capabilities":` + capabilities
	}
	all := map[string]string{
		"package.json": `{"name":"` + id + `","version":"0.1.0","main":"main.js","kubedeck":{"apiVersion":1` + caps + `}}`,
		"main.js":      "export default function activate(){}",
	}
	for name, body := range files {
		all[name] = body
	}
	for name, body := range all {
		path := filepath.Join(root, id, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Approve approves plugin id of sess's catalog at its current hash with
// grant, as the user would, and returns its frame token.
func Approve(t testing.TB, sess *session.Session, id string, grant plugins.Capabilities) string {
	t.Helper()
	cmds := commands.For(sess)
	list, err := cmds.Plugins()
	if err != nil {
		t.Fatalf("plugins: %v", err)
	}
	hash := ""
	for _, p := range list {
		if p.ID == id {
			hash = p.Hash
		}
	}
	if hash == "" {
		t.Fatalf("no plugin %q in %+v", id, list)
	}
	if _, err := cmds.ApprovePlugin(id, hash, grant); err != nil {
		t.Fatalf("approve %s: %v", id, err)
	}
	p, err := sess.EnabledPlugin(id)
	if err != nil {
		t.Fatal(err)
	}
	return sess.FrameToken(p)
}
