package settings

import (
	"os"
	"path/filepath"
	"testing"
)

func TestUpdatePersistsAtomically(t *testing.T) {
	p := filepath.Join(t.TempDir(), "kubedeck", "settings.json")
	s := New(p)
	got, err := s.Load()
	if err != nil || got.LastContext != "" {
		t.Fatalf("empty load = %+v %v", got, err)
	}
	name := "arn:aws:eks:eu-west-1:1:cluster/ü prod"
	if _, err := s.Update(func(v *Settings) {
		v.LastContext = name
		c := v.Contexts[name]
		c.Namespace = "team-a"
		c.ExtraNamespaces = AddUnique(AddUnique(c.ExtraNamespaces, "x"), "x")
		v.Contexts[name] = c
	}); err != nil {
		t.Fatal(err)
	}
	again, err := New(p).Load()
	if err != nil {
		t.Fatal(err)
	}
	if again.LastContext != name || again.Contexts[name].Namespace != "team-a" || len(again.Contexts[name].ExtraNamespaces) != 1 {
		t.Errorf("reloaded = %+v", again)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temp files left behind: %v", entries)
	}
}

func TestDamagedFileIsReported(t *testing.T) {
	p := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(p, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(p).Load(); err == nil {
		t.Fatal("a damaged file loaded without error")
	}
}
