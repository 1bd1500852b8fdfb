package build

import (
	"path/filepath"
	"testing"
)

func TestLayout(t *testing.T) {
	b := Paths("/c")
	for got, want := range map[string]string{
		b.APIServer:         "/c/k8s-v1.37.2/kube-apiserver",
		b.ControllerManager: "/c/k8s-v1.37.2/kube-controller-manager",
		b.Scheduler:         "/c/k8s-v1.37.2/kube-scheduler",
		b.Etcd:              "/c/etcd-v3.6.16/etcd",
		b.Kwok:              "/c/kwok-v0.8.0/kwok",
		b.Helm:              "/c/helm-v4.3.2/helm",
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
	// Every binary Ensure builds is one of Paths'.
	want := map[string]bool{b.APIServer: true, b.ControllerManager: true, b.Scheduler: true, b.Etcd: true, b.Kwok: true, b.Helm: true}
	for _, m := range modules() {
		for _, p := range m.pkgs {
			if path := filepath.Join("/c", m.dir, binaryName(p)); !want[path] {
				t.Errorf("module %s builds %s, not in Paths", m.name, path)
			}
		}
	}
}

func TestToolsFile(t *testing.T) {
	if got, want := toolsFile([]string{"a/b"}), "//go:build tools\n\npackage tools\n\nimport _ \"a/b\"\n"; got != want {
		t.Errorf("one package:\n%s", got)
	}
	if got, want := toolsFile([]string{"a/b", "c/d"}), "//go:build tools\n\npackage tools\n\nimport (\n\t_ \"a/b\"\n\t_ \"c/d\"\n)\n"; got != want {
		t.Errorf("two packages:\n%s", got)
	}
}

func TestStagingRe(t *testing.T) {
	gomod := "replace (\n\tk8s.io/api => ./staging/src/k8s.io/api\n\tk8s.io/client-go => ./staging/src/k8s.io/client-go\n\tgithub.com/x/y => github.com/x/y v1.0.0\n)\n"
	m := stagingRe.FindAllStringSubmatch(gomod, -1)
	if len(m) != 2 || m[0][1] != "k8s.io/api" || m[1][1] != "k8s.io/client-go" {
		t.Errorf("matches: %q", m)
	}
}
