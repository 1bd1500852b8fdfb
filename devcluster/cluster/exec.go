// This file owns exec on the fake nodes. kwok v0.8.0 runs the command
// locally but never closes its stdin when the client's stdin ends
// (pkg/utils/exec copies into StdinPipe and does not close it), so a
// command that reads to EOF (cat, `tar x` of kubectl cp) never ends; and
// its TTY is no controlling terminal (an interactive shell has no job
// control, and input may stall). The front runs exec itself, the same way
// (locally, in D/exec): without a TTY with stdin closed at its end, with
// one in a pty of its own session, as a kubelet's runtime does.

package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"time"

	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
	utilexec "k8s.io/utils/exec"
)

// localExec runs exec requests on this machine in dir.
type localExec struct{ dir string }

// ExecInContainer implements remotecommand.Executor.
func (e localExec) ExecInContainer(ctx context.Context, _, _, _ string, cmd []string, in io.Reader, out, errOut io.WriteCloser, tty bool, sizes <-chan remotecommand.TerminalSize, _ time.Duration) error {
	if len(cmd) == 0 {
		return errors.New("no command")
	}
	c := exec.CommandContext(ctx, cmd[0], cmd[1:]...)
	c.Dir = e.dir
	if tty {
		return exitCode(runInPTY(c, in, out, sizes))
	}
	if in != nil {
		c.Stdin = in // exec closes the command's stdin at in's EOF
	}
	if out != nil {
		c.Stdout = out
	}
	if errOut != nil {
		c.Stderr = errOut
	}
	return exitCode(c.Run())
}

// runInPTY runs c in a new session whose controlling terminal is a pty:
// in goes to the pty, the pty's output (stdout and stderr, as with a TTY)
// to out, sizes resize it.
func runInPTY(c *exec.Cmd, in io.Reader, out io.Writer, sizes <-chan remotecommand.TerminalSize) error {
	master, tty, err := openPTY()
	if err != nil {
		return err
	}
	defer master.Close()
	c.Env = append(os.Environ(), "TERM=xterm")
	c.SysProcAttr = procAttr(true)
	c.Stdin, c.Stdout, c.Stderr = tty, tty, tty
	err = c.Start()
	_ = tty.Close() // the child's
	if err != nil {
		return fmt.Errorf("start in a pty: %w", err)
	}
	stop := make(chan struct{})
	defer close(stop)
	go followSizes(master, sizes, stop, func(error) {})
	if in != nil {
		go func() {
			_, _ = io.Copy(master, in)
			// The client's terminal went away: hang up, as a closed
			// terminal does.
			_ = syscall.Kill(-c.Process.Pid, syscall.SIGHUP)
		}()
	}
	if out != nil {
		_, _ = io.Copy(out, master) // ends (EIO) once the session's last process closes the pty
	}
	return c.Wait()
}

// exitCode turns a command's exit status into the error remotecommand
// reports as the exit code.
func exitCode(err error) error {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) && exitErr.Exited() {
		return utilexec.CodeExitError{Err: err, Code: exitErr.ExitCode()}
	}
	return err
}

// serveExec serves exec (see the file comment).
func (f *kubeletFront) serveExec() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		opts, err := remotecommand.NewOptions(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		remotecommand.ServeExec(w, r, localExec{dir: f.workDir},
			r.PathValue("namespace")+"/"+r.PathValue("pod"), r.PathValue("uid"), r.PathValue("container"),
			r.URL.Query()["command"], opts, streamIdleTimeout, remotecommand.DefaultStreamCreationTimeout, remotecommand.SupportedStreamingProtocols)
	}
}
