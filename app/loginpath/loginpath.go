// Package loginpath gives the app the PATH of the user's login shell. Apps
// started from a desktop launcher get a minimal PATH, so kubeconfig exec
// plugins (aws, gcloud, kubelogin, ...) installed in ~/bin, /opt/homebrew or
// similar would not be found; kubectl in a terminal finds them.
package loginpath

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// marker frames the PATH in the shell's output, which rc files may pollute.
const marker = "__KUBEDECK_PATH__"

// Apply merges the login shell's PATH into the process PATH: entries the
// process already has keep their order; missing ones are appended.
func Apply(log *slog.Logger) {
	if runtime.GOOS == "windows" {
		return
	}
	shell := os.Getenv("SHELL")
	if shell == "" {
		shell = "/bin/sh"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	got, err := Read(ctx, shell)
	if err != nil {
		log.Debug("login shell PATH not read", "shell", shell, "err", err)
		return
	}
	merged := Merge(os.Getenv("PATH"), got)
	if merged != os.Getenv("PATH") {
		_ = os.Setenv("PATH", merged)
		log.Debug("PATH extended from the login shell", "shell", filepath.Base(shell))
	}
}

// Read runs shell as a login shell and returns its PATH.
func Read(ctx context.Context, shell string) (string, error) {
	cmd := exec.CommandContext(ctx, shell, "-l", "-c", "printf '"+marker+"%s"+marker+"' \"$PATH\"")
	cmd.Stdin = nil
	out, err := cmd.Output()
	if err != nil {
		return "", err
	}
	_, rest, ok := bytes.Cut(out, []byte(marker))
	if !ok {
		return "", nil
	}
	path, _, _ := bytes.Cut(rest, []byte(marker))
	return string(path), nil
}

// Merge appends to cur the entries of extra it lacks.
func Merge(cur, extra string) string {
	list := filepath.SplitList(cur)
	for _, p := range filepath.SplitList(extra) {
		if p != "" && !slices.Contains(list, p) {
			list = append(list, p)
		}
	}
	return strings.Join(list, string(os.PathListSeparator))
}
