package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// goVersion is the go directive of the generated modules.
const goVersion = "1.26.0"

// prepareModule writes src/<m.dir>/{go.mod,tools.go} (a module requiring
// m.requires@m.version, with k8s.io/kubernetes' staging replaces if asked)
// and runs `go mod tidy`, unless a previous run got that far (go.sum exists).
func prepareModule(ctx context.Context, log *slog.Logger, dir string, m module) error {
	if exists(filepath.Join(dir, "go.sum")) {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	gomod := fmt.Sprintf("module %s\n\ngo %s\n\nrequire %s %s\n", m.name, goVersion, m.requires, m.version)
	if m.staging {
		repl, err := stagingReplaces(ctx, dir, m.requires+"@"+m.version)
		if err != nil {
			return err
		}
		gomod += "\nreplace (\n" + strings.Join(repl, "\n") + "\n)\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return fmt.Errorf("write go.mod: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tools.go"), []byte(toolsFile(m.pkgs)), 0o644); err != nil {
		return fmt.Errorf("write tools.go: %w", err)
	}
	log.Info("resolving modules (go mod tidy)", "module", m.requires, "version", m.version)
	t0 := time.Now()
	if err := goCmd(ctx, dir, "mod", "tidy"); err != nil {
		_ = os.Remove(filepath.Join(dir, "go.sum"))
		return fmt.Errorf("go mod tidy for %s@%s: %w", m.requires, m.version, err)
	}
	log.Info("resolved", "module", m.requires, "took", time.Since(t0).Round(time.Second))
	return nil
}

// toolsFile imports the packages to build, so `go mod tidy` keeps their
// dependencies.
func toolsFile(pkgs []string) string {
	s := "//go:build tools\n\npackage tools\n\n"
	if len(pkgs) == 1 {
		return s + "import _ \"" + pkgs[0] + "\"\n"
	}
	s += "import (\n"
	for _, p := range pkgs {
		s += "\t_ \"" + p + "\"\n"
	}
	return s + ")\n"
}

var stagingRe = regexp.MustCompile(`(?m)^\s*(k8s\.io/[\w.-]+)\s+=>\s+\./staging/`)

// stagingReplaces reads k8s.io/kubernetes' go.mod and maps each of its
// ./staging replaces to the published module at the Staging version:
// `go install k8s.io/kubernetes/...` is refused because of those replaces.
func stagingReplaces(ctx context.Context, dir, modVersion string) ([]string, error) {
	info, err := download(ctx, dir, modVersion)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(info.GoMod)
	if err != nil {
		return nil, fmt.Errorf("read %s's go.mod: %w", modVersion, err)
	}
	var repl []string
	for _, m := range stagingRe.FindAllStringSubmatch(string(b), -1) {
		repl = append(repl, fmt.Sprintf("\t%s => %s %s", m[1], m[1], Staging))
	}
	if len(repl) == 0 {
		return nil, fmt.Errorf("no ./staging replaces found in %s", info.GoMod)
	}
	return repl, nil
}

type downloaded struct {
	Dir, GoMod, Error string
}

// download fetches module@version into GOMODCACHE (if needed) and says
// where it is. dir must not be inside another module.
func download(ctx context.Context, dir, modVersion string) (downloaded, error) {
	var d downloaded
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", modVersion)
	cmd.Dir = dir
	cmd.Env = goEnv()
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if jerr := json.Unmarshal(out, &d); jerr != nil && err == nil {
		err = jerr
	}
	if d.Error != "" {
		err = errors.New(d.Error)
	}
	if err != nil {
		return d, fmt.Errorf("go mod download %s: %w", modVersion, err)
	}
	return d, nil
}

// moduleDir returns the source folder of module@version in GOMODCACHE,
// downloading it if the module cache was cleaned.
func moduleDir(ctx context.Context, dir, modVersion string) (string, error) {
	if !exists(dir) {
		dir = os.TempDir()
	}
	d, err := download(ctx, dir, modVersion)
	if err != nil {
		return "", err
	}
	return d.Dir, nil
}

func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
}

// goCmd runs the go command in dir, its output on stderr (progress), in its
// own process group so that cancelling ends the compilers it started too.
func goCmd(ctx context.Context, dir string, args ...string) error {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	return cmd.Run()
}
