package kubeconfig

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary file content to Load: it must never panic, always
// return a usable snapshot that reports the one file, and every context it
// finds must have a name (the UI keys everything by it).
func FuzzLoad(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("apiVersion: v1\nkind: Config\n"))
	f.Add([]byte(fuzzSeedConfig))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "config")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		snap := Load([]string{path})
		if snap == nil || snap.Config == nil {
			t.Fatal("Load returned no snapshot or no config")
		}
		if len(snap.Files) != 1 || snap.Files[0].Path != path || !snap.Files[0].Exists {
			t.Fatalf("Files = %+v, want the one existing file", snap.Files)
		}
		if snap.Files[0].Error != "" && len(snap.Contexts) > 0 {
			t.Fatalf("a file that failed to load (%s) still gave contexts %+v", snap.Files[0].Error, snap.Contexts)
		}
		for _, c := range snap.Contexts {
			if c.Name == "" {
				t.Fatalf("a context without a name: %+v", c)
			}
			if got, ok := snap.Context(c.Name); !ok || got != c {
				t.Fatalf("Context(%q) = %+v, %v; want %+v", c.Name, got, ok, c)
			}
		}
	})
}

const fuzzSeedConfig = `apiVersion: v1
kind: Config
current-context: a
clusters:
- name: c
  cluster: {server: "https://127.0.0.1:1", certificate-authority: ca.crt}
users:
- name: u
  user:
    token: t
    exec: {apiVersion: client.authentication.k8s.io/v1, command: sleep, args: ["3600"]}
contexts:
- name: a
  context: {cluster: c, user: u, namespace: n}
- name: "ünï/côde:ctx"
  context: {cluster: missing, user: u}
`
