package kubeconfig

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestManagedAddAndRemove(t *testing.T) {
	dir := t.TempDir()
	m := NewManaged(filepath.Join(dir, "kubedeck", "kubeconfig"))
	none := func(string) bool { return false }

	added, err := m.AddKubeconfig([]byte(fileB), none)
	if err != nil || len(added) != 2 {
		t.Fatalf("AddKubeconfig = %v, %v", added, err)
	}
	if _, err := m.AddKubeconfig([]byte(fileB), func(n string) bool { return n == "dup" }); err == nil || !strings.Contains(err.Error(), `"dup" exists`) {
		t.Errorf("conflicting name: %v", err)
	}
	if _, err := m.AddKubeconfig([]byte("not: [a kubeconfig"), none); err == nil {
		t.Error("garbage accepted")
	}
	if err := m.AddServer("by url", "https://10.1.2.3:6443", "", false); err != nil {
		t.Fatal(err)
	}
	if err := m.AddServer("bad", "http://plain", "", false); err == nil {
		t.Error("non-https server accepted")
	}

	snap := Load([]string{m.Path()})
	if len(snap.Contexts) != 3 {
		t.Fatalf("contexts = %+v", snap.Contexts)
	}
	byURL, _ := snap.Context("by url")
	if byURL.Server != "https://10.1.2.3:6443" || byURL.Source != m.Path() {
		t.Errorf("by url = %+v", byURL)
	}
	if err := m.Remove("dup"); err != nil {
		t.Fatal(err)
	}
	if err := m.Remove("never-added"); err == nil {
		t.Error("removing an unknown context succeeded")
	}
	if snap := Load([]string{m.Path()}); len(snap.Contexts) != 2 {
		t.Errorf("after remove: %+v", snap.Contexts)
	}
}
