//go:build unix

package execplugin

import (
	"os/exec"
	"syscall"
)

// stopTree makes a timeout stop the plugin and everything it started: the
// plugin leads its own process group, which is killed as a whole.
func stopTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
