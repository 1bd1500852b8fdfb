// This file owns one fake container's main process: an interactive /bin/sh
// in D/exec, in a pty or with pipes, that outlives the attaches to it. Its
// output fans out to every attached client through bounded queues (a client
// that falls behind is dropped, never waited for); stdin from any client
// goes to it; resize events resize its pty.

package cluster

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
)

const (
	// outputQueueLen bounds each client's queue of output chunks (each at
	// most outputChunkSize bytes, a pty's reads are 4 KiB at most); a
	// client that far behind is dropped.
	outputQueueLen  = 1024
	outputChunkSize = 32 << 10
	// outputDrainWait is how long the output of an exited shell may still
	// be read: a background child that keeps the terminal or a pipe open
	// must not keep the attaches open.
	outputDrainWait = 500 * time.Millisecond
)

// outputChunk is one read of the process's output.
type outputChunk struct {
	stderr bool
	data   []byte // shared by all clients: read only
}

// subscriber is one attached client's output queue.
type subscriber struct {
	ch chan outputChunk
	// dropped is set (under mainProcess.mu) before ch is closed when the
	// client fell behind.
	dropped bool
}

// outputStream is one file the process's output is read from.
type outputStream struct {
	f      *os.File
	stderr bool
}

// mainProcess is a running main process of one container.
type mainProcess struct {
	name    string // namespace/pod/container, for logs
	log     *slog.Logger
	cmd     *exec.Cmd
	pty     *os.File // the pty's master, or nil with pipes
	stdin   *os.File // the pty's master, or the write end of the stdin pipe
	outputs []outputStream
	queue   int // each client's queue length

	inMu sync.Mutex // one client's input at a time

	mu     sync.Mutex
	subs   map[*subscriber]struct{}
	exited bool // the shell has exited: no new subscribers
	ended  bool // its output ended: every queue is closed

	done chan struct{} // closed once the shell is reaped and its output ended
}

// startMainProcess starts the shell, in a pty when tty is set, and returns
// it with a first subscriber that sees all its output (the first prompt).
// Each client's output queue holds queue chunks.
func startMainProcess(log *slog.Logger, name, workDir string, tty bool, queue int) (*mainProcess, *subscriber, error) {
	p := &mainProcess{name: name, log: log, queue: queue, subs: map[*subscriber]struct{}{}, done: make(chan struct{})}
	sub := p.subscribe()
	start := p.startPipes
	if tty {
		start = p.startPTY
	}
	if err := start(workDir); err != nil {
		return nil, nil, fmt.Errorf("start the main process of %s: %w", name, err)
	}
	log.Info("main process started", "container", name, "pid", p.Pid(), "tty", tty)
	go p.run()
	return p, sub, nil
}

// shellCommand is the interactive shell; without a terminal it gets no job
// control (which would only print a warning).
func shellCommand(workDir string, tty bool) *exec.Cmd {
	args := []string{"-i"}
	env := os.Environ()
	if tty {
		env = append(env, "TERM=xterm")
	} else {
		args = append(args, "+m")
	}
	cmd := exec.Command("/bin/sh", args...)
	cmd.Dir = workDir
	cmd.Env = env
	return cmd
}

// procAttr puts the shell in its own session (with a pty, its stdin
// becomes its controlling terminal; stop kills the session). The kernel kills it if
// devcluster dies (see startProcess about Pdeathsig).
func procAttr(tty bool) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setsid: true, Setctty: tty, Pdeathsig: syscall.SIGKILL}
}

func (p *mainProcess) startPTY(workDir string) error {
	master, tty, err := openPTY()
	if err != nil {
		return err
	}
	defer tty.Close() // the child's
	p.cmd = shellCommand(workDir, true)
	p.cmd.SysProcAttr = procAttr(true) // Ctty 0: its stdin
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = tty, tty, tty
	if err := p.cmd.Start(); err != nil {
		_ = master.Close()
		return fmt.Errorf("in a pty: %w", err)
	}
	p.pty, p.stdin = master, master
	p.outputs = []outputStream{{f: master}}
	return nil
}

// openPTY returns a pty's master, in non-blocking mode (so that closing it
// ends a read: creack/pty leaves it blocking), sized 80x24, and its slave.
func openPTY() (master, tty *os.File, err error) {
	m, tty, err := pty.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("open a pty: %w", err)
	}
	fd, err := syscall.Dup(int(m.Fd()))
	_ = m.Close()
	if err == nil {
		syscall.CloseOnExec(fd)
		err = syscall.SetNonblock(fd, true)
	}
	if err != nil {
		_ = tty.Close()
		return nil, nil, fmt.Errorf("make the pty non-blocking: %w", err)
	}
	master = os.NewFile(uintptr(fd), "/dev/ptmx")
	if err := setWinsize(master, 24, 80); err != nil {
		_ = master.Close()
		_ = tty.Close()
		return nil, nil, err
	}
	return master, tty, nil
}

// setWinsize sets the pty's size (without f.Fd, which would make it blocking).
func setWinsize(f *os.File, rows, cols uint16) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return fmt.Errorf("resize the pty: %w", err)
	}
	var ioctlErr error
	if err := rc.Control(func(fd uintptr) {
		ioctlErr = unix.IoctlSetWinsize(int(fd), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols})
	}); err != nil {
		return fmt.Errorf("resize the pty: %w", err)
	}
	if ioctlErr != nil {
		return fmt.Errorf("resize the pty: %w", ioctlErr)
	}
	return nil
}

func (p *mainProcess) startPipes(workDir string) error {
	var ends [3][2]*os.File // stdin, stdout, stderr: read end, write end
	for i := range ends {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll(ends[:i])
			return fmt.Errorf("pipe: %w", err)
		}
		ends[i] = [2]*os.File{r, w}
	}
	p.cmd = shellCommand(workDir, false)
	p.cmd.SysProcAttr = procAttr(false)
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = ends[0][0], ends[1][1], ends[2][1]
	err := p.cmd.Start()
	for _, f := range []*os.File{ends[0][0], ends[1][1], ends[2][1]} {
		_ = f.Close() // the child's ends
	}
	if err != nil {
		for _, f := range []*os.File{ends[0][1], ends[1][0], ends[2][0]} {
			_ = f.Close()
		}
		return fmt.Errorf("with pipes: %w", err)
	}
	p.stdin = ends[0][1]
	p.outputs = []outputStream{{f: ends[1][0]}, {f: ends[2][0], stderr: true}}
	return nil
}

func closeAll(pairs [][2]*os.File) {
	for _, pair := range pairs {
		_ = pair[0].Close()
		_ = pair[1].Close()
	}
}

// Pid is the shell's process id.
func (p *mainProcess) Pid() int { return p.cmd.Process.Pid }

// run reads the output until the shell exits and its output ends, then
// ends every attach.
func (p *mainProcess) run() {
	readersDone := make(chan struct{})
	var readers sync.WaitGroup
	for _, o := range p.outputs {
		readers.Go(func() { p.pump(o) })
	}
	go func() { readers.Wait(); close(readersDone) }()

	err := p.cmd.Wait()
	p.mu.Lock()
	p.exited = true
	p.mu.Unlock()
	p.log.Info("main process exited", "container", p.name, "pid", p.Pid(), "status", err)
	select {
	case <-readersDone:
	case <-time.After(outputDrainWait):
	}
	p.closeFiles() // ends readers that still wait
	<-readersDone
	p.endOutput()
	close(p.done)
}

func (p *mainProcess) closeFiles() {
	_ = p.stdin.Close()
	for _, o := range p.outputs {
		_ = o.f.Close() // the pty's master a second time: harmless
	}
}

// pump publishes what one output stream reads until it ends (EOF; EIO
// from a pty whose shell is gone; or closed).
func (p *mainProcess) pump(o outputStream) {
	buf := make([]byte, outputChunkSize)
	for {
		n, err := o.f.Read(buf)
		if n > 0 {
			p.publish(outputChunk{stderr: o.stderr, data: bytes.Clone(buf[:n])})
		}
		if err != nil {
			return
		}
	}
}

// publish queues c for every client; a client whose queue is full is
// dropped rather than waited for.
func (p *mainProcess) publish(c outputChunk) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for s := range p.subs {
		select {
		case s.ch <- c:
		default:
			s.dropped = true
			delete(p.subs, s)
			close(s.ch)
			p.log.Warn("attach: a client fell behind the output; detached it", "container", p.name)
		}
	}
}

// subscribe adds a client's output queue; nil once the shell has exited.
func (p *mainProcess) subscribe() *subscriber {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.exited || p.ended {
		return nil
	}
	s := &subscriber{ch: make(chan outputChunk, p.queue)}
	p.subs[s] = struct{}{}
	return s
}

func (p *mainProcess) unsubscribe(s *subscriber) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.subs[s]; ok {
		delete(p.subs, s)
		close(s.ch)
	}
}

func (p *mainProcess) endOutput() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ended = true
	for s := range p.subs {
		delete(p.subs, s)
		close(s.ch)
	}
}

// copyInput writes what in reads to the shell until in ends (nil at EOF).
func (p *mainProcess) copyInput(in io.Reader) error {
	buf := make([]byte, outputChunkSize)
	for {
		n, err := in.Read(buf)
		if n > 0 {
			p.inMu.Lock()
			_, werr := p.stdin.Write(buf[:n])
			p.inMu.Unlock()
			if werr != nil {
				return fmt.Errorf("write to the main process of %s: %w", p.name, werr)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the client's stdin: %w", err)
		}
	}
}

// resize applies a client's terminal sizes to the pty until sizes closes
// or stop is closed. The kernel sends the shell SIGWINCH.
func (p *mainProcess) resize(sizes <-chan remotecommand.TerminalSize, stop <-chan struct{}) {
	followSizes(p.pty, sizes, stop, func(err error) { p.log.Debug("resize the pty", "container", p.name, "err", err) })
}

// followSizes sets pty's size to each of sizes until sizes or stop is
// closed (without a pty it drains them).
func followSizes(pty *os.File, sizes <-chan remotecommand.TerminalSize, stop <-chan struct{}, failed func(error)) {
	for {
		select {
		case s, ok := <-sizes:
			if !ok {
				return
			}
			if pty == nil || s.Width == 0 || s.Height == 0 {
				continue
			}
			if err := setWinsize(pty, s.Height, s.Width); err != nil {
				failed(err)
			}
		case <-stop:
			return
		}
	}
}

// stop kills the shell and everything in its session (background jobs run
// in process groups of their own) and waits until its attaches ended.
func (p *mainProcess) stop() {
	sid := p.Pid()
	_ = syscall.Kill(-sid, syscall.SIGKILL)
	for _, pid := range sessionMembers(sid) {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	deadline := time.After(5 * time.Second)
	select {
	case <-p.done:
	case <-deadline:
		p.log.Warn("main process not gone 5 s after SIGKILL", "container", p.name, "pid", sid)
		return
	}
	// A SIGKILL takes effect when its process next runs: the session's
	// other processes (background jobs, not our children: nothing to wait
	// on) may outlive the kill call for a moment on a busy machine.
	for len(sessionMembers(sid)) > 0 {
		select {
		case <-deadline:
			p.log.Warn("processes of a main process's session not gone 5 s after SIGKILL", "container", p.name, "session", sid)
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// sessionMembers lists the live processes of session sid (from
// /proc/PID/stat: "pid (comm) state ppid pgrp session ...").
func sessionMembers(sid int) []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var out []int
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // gone meanwhile
		}
		s := string(b)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) < 4 || fields[3] != strconv.Itoa(sid) || fields[0] == "Z" { // a zombie is dead already
			continue
		}
		if pid, err := strconv.Atoi(filepath.Base(filepath.Dir(f))); err == nil {
			out = append(out, pid)
		}
	}
	return out
}
