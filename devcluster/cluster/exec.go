// This file owns exec without a TTY on the fake nodes. kwok v0.8.0 runs the
// command locally but never closes its stdin when the client's stdin ends
// (pkg/utils/exec copies into StdinPipe and does not close it), so a
// command that reads to EOF (cat, `tar x` of kubectl cp) never ends. The
// front runs those commands itself, the same way (locally, in D/exec),
// with stdin closed at its end; exec with a TTY stays kwok's.

package cluster

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os/exec"
	"time"

	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
	utilexec "k8s.io/utils/exec"
)

// localExec runs exec requests on this machine in dir.
type localExec struct{ dir string }

// ExecInContainer implements remotecommand.Executor.
func (e localExec) ExecInContainer(ctx context.Context, _, _, _ string, cmd []string, in io.Reader, out, errOut io.WriteCloser, _ bool, _ <-chan remotecommand.TerminalSize, _ time.Duration) error {
	if len(cmd) == 0 {
		return errors.New("no command")
	}
	c := exec.CommandContext(ctx, cmd[0], cmd[1:]...)
	c.Dir = e.dir
	if in != nil {
		c.Stdin = in // exec closes the command's stdin at in's EOF
	}
	if out != nil {
		c.Stdout = out
	}
	if errOut != nil {
		c.Stderr = errOut
	}
	err := c.Run()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) && exitErr.Exited() {
		return utilexec.CodeExitError{Err: err, Code: exitErr.ExitCode()}
	}
	return err
}

// serveExec serves exec without a TTY itself and passes exec with one to
// kwok (whose pty path works).
func (f *kubeletFront) serveExec(kwok http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		opts, err := remotecommand.NewOptions(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if opts.TTY {
			kwok.ServeHTTP(w, r)
			return
		}
		remotecommand.ServeExec(w, r, localExec{dir: f.workDir},
			r.PathValue("namespace")+"/"+r.PathValue("pod"), r.PathValue("uid"), r.PathValue("container"),
			r.URL.Query()["command"], opts, streamIdleTimeout, remotecommand.DefaultStreamCreationTimeout, remotecommand.SupportedStreamingProtocols)
	}
}
