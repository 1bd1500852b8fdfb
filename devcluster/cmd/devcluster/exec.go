package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// execCmd starts a cluster, runs argv against it and returns its exit code.
func execCmd(ctx context.Context, o options, argv []string, log *slog.Logger) (int, error) {
	c, err := start(ctx, o, log)
	if err != nil {
		return 1, err
	}
	defer c.Stop()
	info := filepath.Join(c.Dir, "cluster.json")
	b, err := json.Marshal(ready(c))
	if err != nil {
		return 1, err
	}
	if err := os.WriteFile(info, b, 0o600); err != nil {
		return 1, fmt.Errorf("write %s: %w", info, err)
	}
	for i, a := range argv {
		argv[i] = strings.ReplaceAll(a, "{kubeconfig}", c.Kubeconfig)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = execEnv(os.Environ(), c.Kubeconfig, info, c.Helm)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		return 1, fmt.Errorf("run %s: %w", argv[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-ctx.Done():
		log.Info("stopping the command", "why", context.Cause(ctx))
		_ = cmd.Process.Signal(syscall.SIGTERM)
		err = <-done
	case <-c.Died():
		log.Error("a component exited; stopping the command", "component", c.Exited())
		_ = cmd.Process.Signal(syscall.SIGTERM)
		<-done
		return 1, fmt.Errorf("%s exited", c.Exited())
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), nil
	}
	if err != nil {
		return 1, err
	}
	return 0, nil
}

// execEnv is CMD's environment: env with KUBECONFIG, KUBEDECK_TEST_CLUSTER
// and KUBEDECK_HELM set, and helm's folder first in PATH.
func execEnv(env []string, kubeconfig, info, helm string) []string {
	path := filepath.Dir(helm)
	out := make([]string, 0, len(env)+4)
	for _, kv := range env {
		if p, ok := strings.CutPrefix(kv, "PATH="); ok {
			if p != "" {
				path += string(os.PathListSeparator) + p
			}
			continue
		}
		out = append(out, kv)
	}
	// Later entries win over the inherited ones (os/exec keeps the last).
	return append(out, "PATH="+path, "KUBECONFIG="+kubeconfig, "KUBEDECK_TEST_CLUSTER="+info, "KUBEDECK_HELM="+helm)
}

// shellQuote quotes s for POSIX shells.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
