package cluster

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// process is one component of the control plane.
type process struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
	err  error
	// restarting marks an exit that RestartAPIServer asked for (guarded by
	// the cluster's mutex).
	restarting bool
}

// startProcess runs bin with args, its output in logDir/name.log.
//
// The child gets its own process group, so a Ctrl-C in a terminal reaches
// only devcluster, which then stops the children in order; and Pdeathsig, so
// the kernel sends it SIGTERM if devcluster dies without stopping it (even
// by SIGKILL). Pdeathsig fires when the creating OS thread exits; Go only
// ends threads of goroutines that exit while locked to them, which this
// program never does.
func startProcess(log *slog.Logger, logDir, name, bin string, args ...string) (*process, error) {
	// Appended to: a restarted component keeps its earlier log.
	out, err := os.OpenFile(filepath.Join(logDir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("log file for %s: %w", name, err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		out.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		out.Close()
		close(p.done)
	}()
	log.Debug("started", "component", name, "pid", cmd.Process.Pid)
	return p, nil
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop ends the process and its group (kwok's exec shells live there):
// SIGTERM, then SIGKILL after grace. It returns once the process is reaped.
func (p *process) stop(grace time.Duration) error {
	pgid := -p.cmd.Process.Pid
	if !p.exited() {
		_ = syscall.Kill(pgid, syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(grace):
			_ = syscall.Kill(pgid, syscall.SIGKILL)
			<-p.done
		}
	}
	// Whatever the leader left in its group (e.g. a shell of kubectl exec).
	_ = syscall.Kill(pgid, syscall.SIGKILL)
	var ee *exec.ExitError
	if p.err != nil && !errors.As(p.err, &ee) {
		return fmt.Errorf("%s: %w", p.name, p.err)
	}
	return nil
}

// Pid is the process id.
func (p *process) Pid() int { return p.cmd.Process.Pid }
