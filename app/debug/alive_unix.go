//go:build unix

package debug

import (
	"errors"
	"syscall"
)

// alive says whether process pid runs (EPERM: it runs as someone else).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
