package loginpath

import (
	"bufio"
	"bytes"
	"context"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// marker and endMarker frame the environment in the shell's output, which
// rc files may pollute. The shell prints them from a format string, so
// neither is ever a value in the environment (sh puts the previous
// command's last argument in $_).
const (
	marker    = "__KUBEDECK_ENV__"
	endMarker = "__KUBEDECK_END__"
	script    = "printf '__KUBEDECK_%s__' ENV; env; printf '__KUBEDECK_%s__' END"
)

// timeout bounds the login shell (rc files can be slow).
const timeout = 5 * time.Second

// Imported tells whether a variable is taken from the login shell.
func Imported(name string) bool {
	switch name {
	case "PATH", "KUBECONFIG",
		"HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
		"http_proxy", "https_proxy", "no_proxy", "all_proxy":
		return true
	}
	return strings.HasPrefix(name, "AWS_") && len(name) > len("AWS_")
}

// Apply imports the login shell's environment into the process (see Plan).
func Apply(log *slog.Logger) {
	if runtime.GOOS == "windows" {
		return
	}
	shell := os.Getenv("SHELL")
	if shell == "" {
		shell = "/bin/sh"
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	env, err := Read(ctx, shell)
	if err != nil {
		log.Debug("login shell environment not read", "shell", shell, "err", err)
		return
	}
	set := Plan(os.LookupEnv, env)
	for _, k := range slices.Sorted(maps.Keys(set)) {
		_ = os.Setenv(k, set[k])
	}
	if len(set) > 0 {
		// Names only: values may be credentials (AWS_SECRET_ACCESS_KEY).
		log.Debug("environment taken from the login shell", "shell", filepath.Base(shell), "vars", slices.Sorted(maps.Keys(set)))
	}
}

// Plan says which variables to set from the login shell's env: PATH gains
// the entries it lacks; every other imported variable is taken only when
// the process does not have it at all (set by a terminal, it wins).
func Plan(lookup func(string) (string, bool), env map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range env {
		if !Imported(k) {
			continue
		}
		cur, ok := lookup(k)
		switch {
		case k == "PATH":
			if merged := Merge(cur, v); merged != cur {
				out[k] = merged
			}
		case !ok:
			out[k] = v
		}
	}
	return out
}

// Read runs shell as an interactive login shell (`-i -l`, so both the
// profile and the rc files run, as in a terminal) and returns the imported
// variables of its environment.
func Read(ctx context.Context, shell string) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, shell, "-i", "-l", "-c", script)
	cmd.Stdin = nil
	// Something started by an rc file may keep the output open.
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	return Parse(out), nil
}

// Parse reads the imported variables from `env` output framed by markers.
// A line without "=" continues the previous value (a value with newlines).
func Parse(out []byte) map[string]string {
	_, rest, ok := bytes.Cut(out, []byte(marker))
	if !ok {
		return map[string]string{}
	}
	body, _, _ := bytes.Cut(rest, []byte(endMarker))
	all := map[string]string{}
	last := ""
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		k, v, ok := strings.Cut(line, "=")
		if ok && validName(k) {
			all[k], last = v, k
			continue
		}
		if last != "" {
			all[last] += "\n" + line
		}
	}
	out2 := map[string]string{}
	for k, v := range all {
		if Imported(k) {
			out2[k] = v
		}
	}
	return out2
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r != '_' && (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
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
