// Package build builds the binaries of the local control plane (etcd,
// kube-apiserver, kube-controller-manager, kube-scheduler, kwok) and the helm
// CLI from the Go module proxy, once, into a cache folder keyed by version.
// Each comes from a small generated Go module under <cache>/src, so the
// project's own modules never depend on k8s.io/kubernetes.
//
// Cache layout (root = $KUBEDECK_CACHE_DIR, else <UserCacheDir>/kubedeck/devcluster):
//
//	src/k8s-v1.37.2/{go.mod,go.sum,tools.go}   module kubedeck.local/k8sbuild
//	src/etcd-v3.6.16/...                        module kubedeck.local/etcdbuild
//	src/kwok-v0.8.0/...                         module kubedeck.local/kwokbuild
//	src/helm-v4.3.2/...                         module kubedeck.local/helmbuild (helm.sh/helm/v4/cmd/helm)
//	k8s-v1.37.2/{kube-apiserver,kube-controller-manager,kube-scheduler}
//	etcd-v3.6.16/etcd
//	kwok-v0.8.0/kwok
//	helm-v4.3.2/helm
//	.lock                                       flock held while building
package build

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// Versions of the components.
const (
	Kubernetes = "v1.37.2"
	Staging    = "v0.37.2" // version of k8s.io/api, client-go, ... matching Kubernetes
	Etcd       = "v3.6.16"
	Kwok       = "v0.8.0"
	Helm       = "v4.3.2" // the helm CLI (and the SDK package seed writes releases with)
)

// Binaries are the paths of the built programs.
type Binaries struct {
	Etcd              string `json:"etcd"`
	APIServer         string `json:"kubeAPIServer"`
	ControllerManager string `json:"kubeControllerManager"`
	Scheduler         string `json:"kubeScheduler"`
	Kwok              string `json:"kwok"`
	// Helm is the helm CLI, for tests and users of the seeded releases.
	Helm string `json:"helm"`
	// KwokModule is kwok's module source folder in GOMODCACHE (its stage
	// files live there).
	KwokModule string `json:"kwokModule"`
}

// CacheDir is where binaries are kept: $KUBEDECK_CACHE_DIR, else
// <UserCacheDir>/kubedeck/devcluster.
func CacheDir() (string, error) {
	if d := os.Getenv("KUBEDECK_CACHE_DIR"); d != "" {
		return filepath.Abs(d)
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the user cache folder: %w", err)
	}
	return filepath.Join(d, "kubedeck", "devcluster"), nil
}

// module is one generated build module and the binaries built from it.
type module struct {
	dir      string // folder name under src/ and of the binaries
	name     string // the generated module's path
	requires string // module@version it requires
	version  string
	pkgs     []string // packages built, one binary each (named after the last element)
	staging  bool     // replace k8s.io/kubernetes' ./staging modules
	ldflags  string   // go build -ldflags, if any
}

func modules() []module {
	return []module{
		{dir: "etcd-" + Etcd, name: "kubedeck.local/etcdbuild", requires: "go.etcd.io/etcd/server/v3", version: Etcd,
			pkgs: []string{"go.etcd.io/etcd/server/v3"}},
		{dir: "kwok-" + Kwok, name: "kubedeck.local/kwokbuild", requires: "sigs.k8s.io/kwok", version: Kwok,
			pkgs: []string{"sigs.k8s.io/kwok/cmd/kwok"}},
		{dir: "helm-" + Helm, name: "kubedeck.local/helmbuild", requires: "helm.sh/helm/v4", version: Helm,
			pkgs: []string{"helm.sh/helm/v4/cmd/helm"},
			// As helm's Makefile does: else `helm version` says v4.3.
			ldflags: "-X helm.sh/helm/v4/internal/version.version=" + Helm},
		{dir: "k8s-" + Kubernetes, name: "kubedeck.local/k8sbuild", requires: "k8s.io/kubernetes", version: Kubernetes,
			pkgs: []string{
				"k8s.io/kubernetes/cmd/kube-apiserver",
				"k8s.io/kubernetes/cmd/kube-controller-manager",
				"k8s.io/kubernetes/cmd/kube-scheduler",
			}, staging: true},
	}
}

// binaryName is the file a package builds to. etcd's main package is its
// server module's root.
func binaryName(pkg string) string {
	if pkg == "go.etcd.io/etcd/server/v3" {
		return "etcd"
	}
	return filepath.Base(pkg)
}

// Paths returns where the binaries are (or will be) under root.
func Paths(root string) Binaries {
	k8s := filepath.Join(root, "k8s-"+Kubernetes)
	return Binaries{
		Etcd:              filepath.Join(root, "etcd-"+Etcd, "etcd"),
		APIServer:         filepath.Join(k8s, "kube-apiserver"),
		ControllerManager: filepath.Join(k8s, "kube-controller-manager"),
		Scheduler:         filepath.Join(k8s, "kube-scheduler"),
		Kwok:              filepath.Join(root, "kwok-"+Kwok, "kwok"),
		Helm:              filepath.Join(root, "helm-"+Helm, "helm"),
	}
}

// Ensure builds whatever is missing, one build at a time, and returns the
// binaries. Concurrent callers (other devcluster processes) wait for each
// other through a file lock, so nothing is built twice.
func Ensure(ctx context.Context, log *slog.Logger) (Binaries, error) {
	root, err := CacheDir()
	if err != nil {
		return Binaries{}, err
	}
	b := Paths(root)
	if !allExist(b) {
		if err := buildMissing(ctx, log, root); err != nil {
			return Binaries{}, err
		}
	}
	b.KwokModule, err = moduleDir(ctx, filepath.Join(root, "src", "kwok-"+Kwok), "sigs.k8s.io/kwok@"+Kwok)
	if err != nil {
		return Binaries{}, err
	}
	return b, nil
}

func allExist(b Binaries) bool {
	for _, p := range []string{b.Etcd, b.APIServer, b.ControllerManager, b.Scheduler, b.Kwok, b.Helm} {
		if !exists(p) {
			return false
		}
	}
	return true
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func buildMissing(ctx context.Context, log *slog.Logger, root string) error {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return fmt.Errorf("create the cache folder: %w", err)
	}
	unlock, err := lock(ctx, log, filepath.Join(root, ".lock"))
	if err != nil {
		return err
	}
	defer unlock()

	for _, m := range modules() {
		var missing []string
		for _, pkg := range m.pkgs {
			if !exists(filepath.Join(root, m.dir, binaryName(pkg))) {
				missing = append(missing, pkg)
			}
		}
		if len(missing) == 0 {
			continue
		}
		src := filepath.Join(root, "src", m.dir)
		if err := prepareModule(ctx, log, src, m); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(root, m.dir), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", m.dir, err)
		}
		for _, pkg := range missing {
			out := filepath.Join(root, m.dir, binaryName(pkg))
			log.Info("building (once; cached afterwards; minutes for Kubernetes)", "binary", binaryName(pkg), "version", m.version, "to", out)
			t0 := time.Now()
			args := []string{"build", "-o", out + ".tmp"}
			if m.ldflags != "" {
				args = append(args, "-ldflags", m.ldflags)
			}
			if err := goCmd(ctx, src, append(args, pkg)...); err != nil {
				_ = os.Remove(out + ".tmp")
				return fmt.Errorf("build %s@%s: %w", pkg, m.version, err)
			}
			if err := os.Rename(out+".tmp", out); err != nil {
				return fmt.Errorf("install %s: %w", out, err)
			}
			log.Info("built", "binary", binaryName(pkg), "took", time.Since(t0).Round(time.Second))
		}
	}
	return nil
}
