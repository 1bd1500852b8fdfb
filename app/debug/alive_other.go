//go:build !unix

package debug

import "os"

// alive says whether process pid runs (on Windows FindProcess opens it).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
