// Package build builds the binaries of the local control plane (etcd,
// kube-apiserver, kube-controller-manager, kube-scheduler, kwok) from the Go
// module proxy, once, into a cache folder keyed by version. Each comes from a
// small generated Go module, so the project's own modules never depend on
// k8s.io/kubernetes.
package build

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
)

// Versions of the components.
const (
	Kubernetes = "v1.37.2"
	Staging    = "v0.37.2"
	Etcd       = "v3.6.16"
	Kwok       = "v0.8.0"
)

// Binaries are the paths of the built programs.
type Binaries struct {
	Etcd, APIServer, ControllerManager, Scheduler, Kwok string
	// KwokModule is kwok's module source folder (its stage files live there).
	KwokModule string
}

// CacheDir is where binaries are kept: $KUBEDECK_CACHE_DIR, else
// <UserCacheDir>/kubedeck/devcluster.
func CacheDir() (string, error) {
	if d := os.Getenv("KUBEDECK_CACHE_DIR"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache folder: %w", err)
	}
	return filepath.Join(d, "kubedeck", "devcluster"), nil
}

// Ensure builds whatever is missing and returns the binaries. Concurrent
// callers wait for each other through a file lock.
func Ensure(ctx context.Context, log *slog.Logger) (Binaries, error) {
	root, err := CacheDir()
	if err != nil {
		return Binaries{}, err
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return Binaries{}, fmt.Errorf("create %s: %w", root, err)
	}
	unlock, err := lock(filepath.Join(root, ".lock"))
	if err != nil {
		return Binaries{}, err
	}
	defer unlock()

	k8s := filepath.Join(root, "k8s-"+Kubernetes)
	b := Binaries{
		APIServer:         filepath.Join(k8s, "kube-apiserver"),
		ControllerManager: filepath.Join(k8s, "kube-controller-manager"),
		Scheduler:         filepath.Join(k8s, "kube-scheduler"),
		Etcd:              filepath.Join(root, "etcd-"+Etcd, "etcd"),
		Kwok:              filepath.Join(root, "kwok-"+Kwok, "kwok"),
	}
	steps := []struct {
		src, out, module, modVersion, pkg string
		replaces                          func(context.Context, string) ([]string, error)
	}{
		{"etcd-" + Etcd, b.Etcd, "go.etcd.io/etcd/server/v3", Etcd, "go.etcd.io/etcd/server/v3", nil},
		{"kwok-" + Kwok, b.Kwok, "sigs.k8s.io/kwok", Kwok, "sigs.k8s.io/kwok/cmd/kwok", nil},
		{"k8s-" + Kubernetes, b.APIServer, "k8s.io/kubernetes", Kubernetes, "k8s.io/kubernetes/cmd/kube-apiserver", stagingReplaces},
		{"k8s-" + Kubernetes, b.ControllerManager, "k8s.io/kubernetes", Kubernetes, "k8s.io/kubernetes/cmd/kube-controller-manager", stagingReplaces},
		{"k8s-" + Kubernetes, b.Scheduler, "k8s.io/kubernetes", Kubernetes, "k8s.io/kubernetes/cmd/kube-scheduler", stagingReplaces},
	}
	for _, s := range steps {
		if _, err := os.Stat(s.out); err == nil {
			continue
		}
		src := filepath.Join(root, "src", s.src)
		if err := prepareModule(ctx, log, src, s.module, s.modVersion, s.replaces); err != nil {
			return b, err
		}
		log.Info("building (once; cached afterwards)", "binary", filepath.Base(s.out), "version", s.modVersion)
		if err := os.MkdirAll(filepath.Dir(s.out), 0o755); err != nil {
			return b, err
		}
		if err := goCmd(ctx, src, "build", "-o", s.out+".tmp", s.pkg); err != nil {
			return b, fmt.Errorf("build %s: %w", s.pkg, err)
		}
		if err := os.Rename(s.out+".tmp", s.out); err != nil {
			return b, err
		}
	}
	mod, err := moduleDir(ctx, filepath.Join(root, "src", "kwok-"+Kwok), "sigs.k8s.io/kwok")
	if err != nil {
		return b, err
	}
	b.KwokModule = mod
	return b, nil
}

// prepareModule writes a module requiring module@version (with replaces) and
// tidies it, unless that was done before.
func prepareModule(ctx context.Context, log *slog.Logger, dir, module, version string, replaces func(context.Context, string) ([]string, error)) error {
	if _, err := os.Stat(filepath.Join(dir, "go.sum")); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var repl []string
	if replaces != nil {
		var err error
		if repl, err = replaces(ctx, dir); err != nil {
			return err
		}
	}
	gomod := fmt.Sprintf("module kubedeck.local/build\n\ngo 1.26.0\n\nrequire %s %s\n", module, version)
	if len(repl) > 0 {
		gomod += "\nreplace (\n" + strings.Join(repl, "\n") + "\n)\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	pkgs := map[string][]string{
		"k8s.io/kubernetes":         {"k8s.io/kubernetes/cmd/kube-apiserver", "k8s.io/kubernetes/cmd/kube-controller-manager", "k8s.io/kubernetes/cmd/kube-scheduler"},
		"go.etcd.io/etcd/server/v3": {"go.etcd.io/etcd/server/v3"},
		"sigs.k8s.io/kwok":          {"sigs.k8s.io/kwok/cmd/kwok"},
	}[module]
	tools := "//go:build tools\n\npackage tools\n\nimport (\n"
	for _, p := range pkgs {
		tools += "\t_ \"" + p + "\"\n"
	}
	tools += ")\n"
	if err := os.WriteFile(filepath.Join(dir, "tools.go"), []byte(tools), 0o644); err != nil {
		return err
	}
	log.Info("resolving modules", "module", module, "version", version)
	if err := goCmd(ctx, dir, "mod", "tidy"); err != nil {
		_ = os.Remove(filepath.Join(dir, "go.sum"))
		return fmt.Errorf("go mod tidy for %s: %w", module, err)
	}
	return nil
}

var stagingRe = regexp.MustCompile(`(?m)^\s*(k8s\.io/[\w.-]+)\s+=>\s+\./staging/`)

// stagingReplaces reads k8s.io/kubernetes' go.mod and maps each of its
// ./staging replaces to the published module at the matching version.
func stagingReplaces(ctx context.Context, dir string) ([]string, error) {
	if err := goCmd(ctx, dir, "mod", "download", "k8s.io/kubernetes@"+Kubernetes); err != nil {
		// A module without go.mod yet: download from a neutral folder.
		tmp, terr := os.MkdirTemp("", "kubedeck-mod")
		if terr != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		if err := goCmd(ctx, tmp, "mod", "download", "k8s.io/kubernetes@"+Kubernetes); err != nil {
			return nil, fmt.Errorf("download k8s.io/kubernetes: %w", err)
		}
	}
	out, err := exec.CommandContext(ctx, "go", "env", "GOMODCACHE").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOMODCACHE: %w", err)
	}
	modFile := filepath.Join(strings.TrimSpace(string(out)), "cache", "download", "k8s.io", "kubernetes", "@v", Kubernetes+".mod")
	b, err := os.ReadFile(modFile)
	if err != nil {
		return nil, fmt.Errorf("read kubernetes go.mod: %w", err)
	}
	var repl []string
	for _, m := range stagingRe.FindAllStringSubmatch(string(b), -1) {
		repl = append(repl, fmt.Sprintf("\t%s => %s %s", m[1], m[1], Staging))
	}
	if len(repl) == 0 {
		return nil, fmt.Errorf("no staging modules found in %s", modFile)
	}
	return repl, nil
}

func moduleDir(ctx context.Context, dir, module string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("locate %s source: %w", module, err)
	}
	return strings.TrimSpace(string(out)), nil
}

func goCmd(ctx context.Context, dir string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func lock(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open build lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("take build lock: %w", err)
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}
