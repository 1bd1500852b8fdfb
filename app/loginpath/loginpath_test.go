package loginpath

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestMerge(t *testing.T) {
	if got := Merge("/usr/bin:/bin", "/home/u/bin:/usr/bin:/opt/x"); got != "/usr/bin:/bin:/home/u/bin:/opt/x" {
		t.Errorf("Merge = %q", got)
	}
}

func TestReadUsesTheLoginProfile(t *testing.T) {
	home := t.TempDir()
	// sh -l reads ~/.profile: a PATH set there must come back.
	if err := os.WriteFile(filepath.Join(home, ".profile"), []byte("echo noise\nPATH=\"$PATH:/opt/kubedeck-test/bin\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	got, err := Read(context.Background(), "/bin/sh")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(got) != "bin" || !contains(filepath.SplitList(got), "/opt/kubedeck-test/bin") {
		t.Errorf("login PATH = %q", got)
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
