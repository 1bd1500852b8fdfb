package terminal

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/httpstream"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/remotecommand"
	utilexec "k8s.io/client-go/util/exec"
)

// maxSessions bounds the sessions one Manager keeps.
const maxSessions = 32

// endedKeep is how long a session whose command ended waits for a reader to
// collect its last output and exit status (a command may end before the UI's
// output stream connects) before it is dropped.
const endedKeep = 2 * time.Minute

// Request says what to run where.
type Request struct {
	Namespace string `json:"namespace"`
	Pod       string `json:"pod"`
	Container string `json:"container"`
	// Command runs with exec; unused with Attach.
	Command []string `json:"command"`
	// Attach connects to the container's main process (kubectl attach)
	// instead of running Command.
	Attach bool   `json:"attach,omitempty"`
	Cols   uint16 `json:"cols"`
	Rows   uint16 `json:"rows"`
	// Context is the kubeconfig context the session runs in (set by the
	// caller, never by the UI), so its sessions can be closed together.
	Context string `json:"-"`
	// NoStdin and NoTTY follow the container's spec for an attach (set by
	// the caller): without stdin typing reaches nothing, without a TTY the
	// process's stderr is a separate stream.
	NoStdin bool `json:"-"`
	NoTTY   bool `json:"-"`
}

// Hooks run around a session's connection, in its goroutine.
type Hooks struct {
	// Prepare runs before connecting (waiting for a debug container to
	// start, say); what it writes shows in the terminal; an error ends the
	// session with that message.
	Prepare func(ctx context.Context, w io.Writer) error
	// Cleanup runs once after the session ended, however it ended (the
	// command exited, it was closed, the app quits), before Done is closed:
	// Close waits for it.
	Cleanup func()
}

// Manager owns the sessions of one user scope.
type Manager struct {
	mu       sync.Mutex
	sessions map[string]*Session
}

// NewManager returns an empty manager.
func NewManager() *Manager { return &Manager{sessions: map[string]*Session{}} }

// Start begins a session on the cluster of cfg.
func (m *Manager) Start(cfg *rest.Config, cs kubernetes.Interface, r Request) (*Session, error) {
	return m.StartWith(cfg, cs, r, Hooks{})
}

// StartWith begins a session with hooks around its connection.
func (m *Manager) StartWith(cfg *rest.Config, cs kubernetes.Interface, r Request, h Hooks) (*Session, error) {
	if r.Pod == "" || r.Namespace == "" || (!r.Attach && len(r.Command) == 0) {
		return nil, errors.New("namespace, pod and command are required")
	}
	if r.Attach && r.Container == "" {
		return nil, errors.New("attach needs the container")
	}
	exec, err := executor(cfg, streamURL(cs, r))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	stdinR, stdinW := io.Pipe()
	s := &Session{
		ID: randomID(), req: r, cancel: cancel, stdin: stdinW,
		sizes: make(chan remotecommand.TerminalSize, 4), out: newOutput(), done: make(chan struct{}),
	}
	s.Resize(r.Cols, r.Rows)
	s.release = func() { m.forget(s.ID) }
	if err := m.add(s); err != nil {
		cancel()
		_ = stdinW.Close()
		return nil, err
	}
	go func() {
		defer close(s.done)
		defer time.AfterFunc(endedKeep, s.release)
		if h.Cleanup != nil {
			defer h.Cleanup()
		}
		if h.Prepare != nil {
			if err := h.Prepare(ctx, s.out); err != nil {
				s.finish(err)
				return
			}
		}
		opts := remotecommand.StreamOptions{Stdout: s.out, Tty: !r.NoTTY}
		if !r.NoStdin {
			opts.Stdin = stdinR
		}
		if r.NoTTY {
			opts.Stderr = s.out
		} else {
			opts.TerminalSizeQueue = sizeQueue(s.sizes, ctx)
		}
		s.finish(exec.StreamWithContext(ctx, opts))
	}()
	return s, nil
}

// streamURL is the exec or attach URL of r.
func streamURL(cs kubernetes.Interface, r Request) string {
	req := cs.CoreV1().RESTClient().Post().Resource("pods").Namespace(r.Namespace).Name(r.Pod)
	if r.Attach {
		req = req.SubResource("attach").VersionedParams(&corev1.PodAttachOptions{
			Container: r.Container, Stdin: !r.NoStdin, Stdout: true, Stderr: r.NoTTY, TTY: !r.NoTTY,
		}, scheme.ParameterCodec)
	} else {
		req = req.SubResource("exec").VersionedParams(&corev1.PodExecOptions{
			Container: r.Container, Command: r.Command, Stdin: true, Stdout: true, TTY: true,
		}, scheme.ParameterCodec)
	}
	return req.URL().String()
}

// Exec runs cmd in a container once, without a TTY, streaming stdin (nil:
// none), stdout and stderr: what file copies run (tar).
func Exec(ctx context.Context, cfg *rest.Config, cs kubernetes.Interface, namespace, pod, container string, cmd []string, stdin io.Reader, stdout, stderr io.Writer) error {
	req := cs.CoreV1().RESTClient().Post().Resource("pods").Namespace(namespace).Name(pod).SubResource("exec").
		VersionedParams(&corev1.PodExecOptions{
			Container: container, Command: cmd, Stdin: stdin != nil, Stdout: stdout != nil, Stderr: stderr != nil,
		}, scheme.ParameterCodec)
	exec, err := executor(cfg, req.URL().String())
	if err != nil {
		return err
	}
	return exec.StreamWithContext(ctx, remotecommand.StreamOptions{Stdin: stdin, Stdout: stdout, Stderr: stderr})
}

func executor(cfg *rest.Config, url string) (remotecommand.Executor, error) {
	ws, err := remotecommand.NewWebSocketExecutor(cfg, "GET", url)
	if err != nil {
		return nil, fmt.Errorf("exec: %w", err)
	}
	u, err := parseURL(url)
	if err != nil {
		return nil, err
	}
	spdy, err := remotecommand.NewSPDYExecutor(cfg, "POST", u)
	if err != nil {
		return nil, fmt.Errorf("exec: %w", err)
	}
	return remotecommand.NewFallbackExecutor(ws, spdy, func(err error) bool {
		return httpstream.IsUpgradeFailure(err) || httpstream.IsHTTPSProxyError(err)
	})
}

// Get returns a session: running, or ended with output or an exit status not
// yet collected.
func (m *Manager) Get(id string) (*Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	if !ok {
		return nil, fmt.Errorf("no terminal session %q (it may have ended)", id)
	}
	return s, nil
}

// add lists a session unless the manager is full: the check and the
// insertion are one step, so concurrent starts cannot pass it together.
func (m *Manager) add(s *Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.sessions) >= maxSessions {
		return fmt.Errorf("too many open terminals (%d): close one first", maxSessions)
	}
	m.sessions[s.ID] = s
	return nil
}

func (m *Manager) forget(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.sessions, id)
}

// Close ends every session.
func (m *Manager) Close() {
	m.CloseContext("")
}

// CloseContext ends the sessions of one context ("" ends every session) and
// says how many it ended.
func (m *Manager) CloseContext(contextName string) int {
	m.mu.Lock()
	list := make([]*Session, 0, len(m.sessions))
	for _, s := range m.sessions {
		if contextName == "" || s.req.Context == contextName {
			list = append(list, s)
		}
	}
	m.mu.Unlock()
	for _, s := range list {
		s.Close()
	}
	return len(list)
}

// Session is one running command.
type Session struct {
	ID      string
	req     Request
	cancel  context.CancelFunc
	stdin   *io.PipeWriter
	sizes   chan remotecommand.TerminalSize
	out     *output
	done    chan struct{}
	release func() // drops the session from its manager

	mu       sync.Mutex
	exitCode int
	exitMsg  string
}

// Input sends keystrokes to the command.
func (s *Session) Input(data []byte) error {
	select {
	case <-s.done:
		return errors.New("the terminal session has ended")
	default:
	}
	if s.req.NoStdin {
		return errors.New("this container does not read input (its spec has no stdin): the terminal only shows its output")
	}
	_, err := s.stdin.Write(data)
	return err
}

// Resize changes the terminal size.
func (s *Session) Resize(cols, rows uint16) {
	if cols == 0 || rows == 0 {
		return
	}
	select {
	case s.sizes <- remotecommand.TerminalSize{Width: cols, Height: rows}:
	default: // a burst of resizes: the latest that fits wins
	}
}

// Close ends the session and drops it.
func (s *Session) Close() {
	_ = s.stdin.Close()
	s.cancel()
	<-s.done
	s.release()
}

// Release drops an ended session once its exit status was delivered.
func (s *Session) Release() { s.release() }

// Done is closed when the command has ended.
func (s *Session) Done() <-chan struct{} { return s.done }

// Exit returns the exit code and message once Done is closed.
func (s *Session) Exit() (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode, s.exitMsg
}

// Unread is how many bytes of output wait for a reader (the stream connects
// after the start; until then output collects here).
func (s *Session) Unread() int { return s.out.unread() }

// Read waits for output and returns what arrived, or io.EOF after the end.
func (s *Session) Read(ctx context.Context) ([]byte, bool, error) { return s.out.read(ctx) }

func (s *Session) finish(err error) {
	s.mu.Lock()
	var ce utilexec.CodeExitError
	switch {
	case err == nil:
	case errors.As(err, &ce):
		s.exitCode = ce.ExitStatus()
	case errors.Is(err, context.Canceled):
		s.exitMsg = "closed"
	default:
		s.exitCode, s.exitMsg = -1, err.Error()
	}
	s.mu.Unlock()
	s.out.close()
}

func randomID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

type sizes struct {
	ch  chan remotecommand.TerminalSize
	ctx context.Context
}

func sizeQueue(ch chan remotecommand.TerminalSize, ctx context.Context) remotecommand.TerminalSizeQueue {
	return &sizes{ch: ch, ctx: ctx}
}

func (q *sizes) Next() *remotecommand.TerminalSize {
	select {
	case s := <-q.ch:
		return &s
	case <-q.ctx.Done():
		return nil
	}
}
