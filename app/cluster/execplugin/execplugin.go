package execplugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Arg is the first argument that makes the binary act as the wrapper.
const Arg = "__kubedeck-credential-plugin"

// StderrLimit bounds the plugin's stderr kept for the user.
const StderrLimit = 4 << 10

// Outcomes of a failed run.
const (
	OutcomeExit     = "exit"      // the plugin exited non-zero
	OutcomeTimeout  = "timeout"   // it was stopped after the timeout
	OutcomeNotFound = "not-found" // the program does not exist
	OutcomeStart    = "start"     // it could not be started for another reason
)

// Report is what the wrapper leaves about a failed run.
type Report struct {
	Outcome  string `json:"outcome"`
	ExitCode int    `json:"exitCode,omitempty"`
	Timeout  string `json:"timeout,omitempty"`
	Error    string `json:"error,omitempty"`
	// Stderr is the end of what the plugin wrote to stderr (at most
	// StderrLimit bytes, valid UTF-8).
	Stderr string `json:"stderr,omitempty"`
}

// self is this binary's path once Serve has run; it is a property of the
// process (the binary handles Arg), hence package state.
var self atomic.Pointer[string]

// Serve makes this binary able to act as the wrapper. When the process was
// started as the wrapper (os.Args[1] == Arg) it runs the plugin and exits
// with its exit code; otherwise it returns at once.
func Serve() {
	if len(os.Args) > 1 && os.Args[1] == Arg {
		os.Exit(Run(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
	}
	if exe, err := os.Executable(); err == nil {
		self.Store(&exe)
	}
}

// Available returns the wrapper's path, if this binary called Serve.
func Available() (string, bool) {
	p := self.Load()
	if p == nil {
		return "", false
	}
	return *p, true
}

// Args are the wrapper's arguments for running command with args, leaving
// a report at reportPath and stopping the plugin after timeout.
func Args(reportPath string, timeout time.Duration, command string, args []string) []string {
	return append([]string{Arg, reportPath, timeout.String(), "--", command}, args...)
}

// Run is the wrapper: args are what Args returned, less Arg. It returns the
// exit code to exit with.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) < 4 || args[2] != "--" {
		fmt.Fprintln(stderr, "kubedeck: usage: "+Arg+" REPORT TIMEOUT -- COMMAND [ARG...]")
		return 2
	}
	reportPath, command, cmdArgs := args[0], args[3], args[4:]
	timeout, err := time.ParseDuration(args[1])
	if err != nil || timeout <= 0 {
		fmt.Fprintln(stderr, "kubedeck: bad credential plugin timeout", args[1])
		return 2
	}
	_ = os.Remove(reportPath)
	rep, code := run(timeout, command, cmdArgs, stdin, stdout, stderr)
	if rep != nil {
		if err := writeReport(reportPath, *rep); err != nil {
			fmt.Fprintln(stderr, "kubedeck:", err)
		}
	}
	return code
}

func run(timeout time.Duration, command string, args []string, stdin io.Reader, stdout, stderr io.Writer) (*Report, int) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	tail := &tailBuffer{limit: StderrLimit}
	cmd := exec.CommandContext(ctx, command, args...)
	// Neither output is handed to the plugin as a file: a child it leaves
	// behind would keep client-go's pipe open and client-go waiting. Copied
	// through pipes, they close when the wrapper exits.
	cmd.Stdin = stdin
	cmd.Stdout = struct{ io.Writer }{stdout}
	cmd.Stderr = io.MultiWriter(stderr, tail)
	cmd.WaitDelay = time.Second
	stopTree(cmd)
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return nil, 0
	case ctx.Err() != nil:
		return &Report{Outcome: OutcomeTimeout, Timeout: timeout.String(), Stderr: tail.String()}, 1
	case errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist):
		return &Report{Outcome: OutcomeNotFound, Error: err.Error()}, 127
	case errors.As(err, &exitErr):
		code := exitErr.ExitCode()
		if code <= 0 {
			code = 1
		}
		return &Report{Outcome: OutcomeExit, ExitCode: code, Stderr: tail.String()}, code
	default:
		return &Report{Outcome: OutcomeStart, Error: err.Error(), Stderr: tail.String()}, 1
	}
}

func writeReport(path string, r Report) error {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode the credential plugin report: %w", err)
	}
	// The report's folder is private to the user (see cluster.Manager).
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("write the credential plugin report: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write the credential plugin report: %w", err)
	}
	return nil
}

// ReadReport reads the report a failed run left at path.
func ReadReport(path string) (Report, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Report{}, false
	}
	var r Report
	if json.Unmarshal(b, &r) != nil {
		return Report{}, false
	}
	return r, true
}

// tailBuffer keeps the last limit bytes written to it.
type tailBuffer struct {
	mu    sync.Mutex
	limit int
	buf   []byte
	cut   bool
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.limit; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
		t.cut = true
	}
	return len(p), nil
}

// String is the kept text, from a line start when the beginning was cut.
func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := string(t.buf)
	if t.cut {
		if i := strings.IndexByte(s, '\n'); i >= 0 && i < len(s)-1 {
			s = s[i+1:]
		}
		s = "…" + s
	}
	return strings.TrimSpace(strings.ToValidUTF8(s, "�"))
}
