package cluster_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/client-go/tools/remotecommand"
	utilexec "k8s.io/utils/exec"

	"github.com/kubedeck/kubedeck/devcluster/cluster"
)

// These tests attach through the real API server
// (/api/v1/namespaces/NS/pods/POD/attach) to the kubelet front's shells.

// testKubectlAttach attaches twice with `kubectl attach -i` (no tty) and
// returns the shell's pid, the same both times.
func testKubectlAttach(t *testing.T, kubeconfig, ns, pod, container string) int {
	first := startKubectlAttach(t, kubeconfig, ns, pod, container)
	marker := fmt.Sprintf("attach-%d-ok", rand.IntN(1_000_000))
	first.send(t, "echo "+marker+"\n")
	first.waitLine(t, regexp.MustCompile(`^`+marker+`$`))
	pid := first.pid(t)
	first.detach(t)
	if !cluster.Alive(pid) {
		t.Fatalf("the shell %d ended when kubectl detached", pid)
	}
	second := startKubectlAttach(t, kubeconfig, ns, pod, container)
	if again := second.pid(t); again != pid {
		t.Errorf("the second attach reached pid %d, the first %d: want one main process", again, pid)
	}
	second.detach(t)
	return pid
}

// testKubectlDebug adds an ephemeral container with `kubectl debug -i`,
// which waits until it runs and attaches to it, and returns its shell's pid.
func testKubectlDebug(t *testing.T, kubeconfig, ns, pod, container string) int {
	a := startKubectlStdin(t, kubeconfig, "debug", "-i", "-n", ns, pod, "--image=busybox", "-c", container, "--profile=general")
	marker := fmt.Sprintf("debug-%d-ok", rand.IntN(1_000_000))
	a.send(t, "echo "+marker+"\n")
	a.waitLine(t, regexp.MustCompile(`^`+marker+`$`))
	pid := a.pid(t)
	a.detach(t)
	return pid
}

type kubectlAttach struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *lockedBuffer
	lines  chan string
	cancel context.CancelFunc
}

func startKubectlAttach(t *testing.T, kubeconfig, ns, pod, container string) *kubectlAttach {
	t.Helper()
	return startKubectlStdin(t, kubeconfig, "attach", "-i", "-n", ns, pod, "-c", container)
}

// startKubectlStdin runs kubectl with a pipe to its stdin and its stdout
// read line by line.
func startKubectlStdin(t *testing.T, kubeconfig string, args ...string) *kubectlAttach {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	cmd := exec.CommandContext(ctx, "kubectl", append([]string{"--kubeconfig", kubeconfig}, args...)...)
	stderr := &lockedBuffer{} // prompts and kubectl's notes
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	a := &kubectlAttach{cmd: cmd, stdin: stdin, stderr: stderr, lines: make(chan string, 100), cancel: cancel}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	go func() {
		defer close(a.lines)
		s := bufio.NewScanner(stdout)
		for s.Scan() {
			a.lines <- s.Text()
		}
	}()
	return a
}

func (a *kubectlAttach) send(t *testing.T, s string) {
	t.Helper()
	if _, err := io.WriteString(a.stdin, s); err != nil {
		t.Fatalf("write to kubectl attach: %v", err)
	}
}

// waitLine returns the submatches of the first line matching re.
func (a *kubectlAttach) waitLine(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	var seen []string
	for {
		select {
		case line, ok := <-a.lines:
			if !ok {
				_ = a.cmd.Wait() // for all of its stderr
				t.Fatalf("kubectl attach ended before a line matched %v; it printed %q and on stderr:\n%s", re, seen, a.stderr)
			}
			if m := re.FindStringSubmatch(line); m != nil {
				return m
			}
			seen = append(seen, line)
		case <-timeout:
			t.Fatalf("no line matched %v in 30 s; kubectl printed %q", re, seen)
		}
	}
}

func (a *kubectlAttach) pid(t *testing.T) int {
	t.Helper()
	a.send(t, "echo pid-$$-pid\n")
	pid, err := strconv.Atoi(a.waitLine(t, regexp.MustCompile(`^pid-(\d+)-pid$`))[1])
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// detach closes kubectl's stdin: the attach ends, kubectl exits 0.
func (a *kubectlAttach) detach(t *testing.T) {
	t.Helper()
	a.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- a.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("kubectl attach after stdin closed: %v; its stderr:\n%s", err, a.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Error("kubectl attach did not end 30 s after its stdin closed")
		a.cancel()
		<-done
	}
}

// clientFor is the kubeconfig's client and its config.
func clientFor(t *testing.T, kubeconfig string) (*rest.Config, kubernetes.Interface) {
	t.Helper()
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, cs
}

// testTTYAttach attaches with client-go, Tty true, by SPDY (POST) and by
// websocket (GET), and returns the shell's pid.
func testTTYAttach(t *testing.T, kubeconfig, ns, pod, container string) int {
	cfg, cs := clientFor(t, kubeconfig)
	url := cs.CoreV1().RESTClient().Post().Namespace(ns).Resource("pods").Name(pod).SubResource("attach").
		VersionedParams(&corev1.PodAttachOptions{Container: container, Stdin: true, Stdout: true, TTY: true}, scheme.ParameterCodec).URL()
	spdy, err := remotecommand.NewSPDYExecutor(cfg, "POST", url)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := remotecommand.NewWebSocketExecutor(cfg, "GET", url.String())
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for i, e := range []struct {
		name string
		exec remotecommand.Executor
	}{{"spdy", spdy}, {"websocket", ws}} {
		t.Run(e.name, func(t *testing.T) {
			pids = append(pids, ttySession(t, e.exec, 30+i, 100+i))
		})
	}
	if len(pids) != 2 || pids[0] != pids[1] {
		t.Errorf("tty attaches reached pids %v: want one main process", pids)
	}
	if len(pids) == 0 {
		return 0
	}
	return pids[0]
}

// ttySession types into a tty attach: the terminal echoes, the command's
// output and the size the client sent come back. It returns the shell's pid.
func ttySession(t *testing.T, e remotecommand.Executor, rows, cols int) int {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	inR, inW := io.Pipe()
	out := &lockedBuffer{}
	sizes := make(sizeQueue, 1)
	sizes <- remotecommand.TerminalSize{Width: uint16(cols), Height: uint16(rows)}
	defer close(sizes)
	done := make(chan error, 1)
	go func() {
		done <- e.StreamWithContext(ctx, remotecommand.StreamOptions{Stdin: inR, Stdout: out, Tty: true, TerminalSizeQueue: sizes})
	}()
	n := 6 + rand.IntN(1000)
	typeLine := func(s string) {
		t.Helper()
		if _, err := io.WriteString(inW, s+"\r"); err != nil {
			t.Fatalf("type %q: %v", s, err)
		}
	}
	typeLine(fmt.Sprintf("echo tty-$((%d*7))-ok", n))
	// The terminal echoes the line, the shell answers (its first prompt
	// may come after the echo).
	out.wait(t, done, regexp.QuoteMeta(fmt.Sprintf("echo tty-$((%d*7))-ok", n)))
	out.wait(t, done, fmt.Sprintf(`tty-%d-ok\r\n`, n*7))
	typeLine("stty size")
	out.wait(t, done, fmt.Sprintf(`\b%d %d\r\n`, rows, cols))
	typeLine("echo pid-$$-pid")
	pid, _ := strconv.Atoi(out.wait(t, done, `pid-(\d+)-pid\r\n`))
	inW.Close() // detach
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("tty attach after stdin closed: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("tty attach did not end 30 s after its stdin closed")
	}
	return pid
}

type sizeQueue chan remotecommand.TerminalSize

func (q sizeQueue) Next() *remotecommand.TerminalSize {
	s, ok := <-q
	if !ok {
		return nil
	}
	return &s
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// wait returns the last submatch of re once the output has it.
func (b *lockedBuffer) wait(t *testing.T, done <-chan error, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := rx.FindStringSubmatch(b.String()); m != nil {
			return m[len(m)-1]
		}
		select {
		case err := <-done:
			t.Fatalf("attach ended (%v) before %q; output:\n%q", err, re, b.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("output never matched %q:\n%q", re, b.String())
	return ""
}

// testTTYExec runs an interactive shell by exec with a TTY (what a
// terminal and a node shell do): it gets a controlling terminal (job
// control, no "can't access tty"), the terminal echoes, the size the
// client sent holds, and its exit code comes back.
func testTTYExec(t *testing.T, kubeconfig, ns, pod, container string) {
	cfg, cs := clientFor(t, kubeconfig)
	url := cs.CoreV1().RESTClient().Post().Namespace(ns).Resource("pods").Name(pod).SubResource("exec").
		VersionedParams(&corev1.PodExecOptions{Container: container, Command: []string{"sh", "-i"}, Stdin: true, Stdout: true, TTY: true}, scheme.ParameterCodec).URL()
	e, err := remotecommand.NewWebSocketExecutor(cfg, "GET", url.String())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	inR, inW := io.Pipe()
	defer inW.Close()
	out := &lockedBuffer{}
	sizes := make(sizeQueue, 1)
	sizes <- remotecommand.TerminalSize{Width: 91, Height: 33}
	defer close(sizes)
	done := make(chan error, 1)
	go func() {
		done <- e.StreamWithContext(ctx, remotecommand.StreamOptions{Stdin: inR, Stdout: out, Tty: true, TerminalSizeQueue: sizes})
	}()
	typeLine := func(s string) {
		t.Helper()
		if _, err := io.WriteString(inW, s+"\r"); err != nil {
			t.Fatalf("type %q: %v", s, err)
		}
	}
	n := 6 + rand.IntN(1000)
	typeLine(fmt.Sprintf("echo exec-$((%d*7))-ok", n))
	out.wait(t, done, regexp.QuoteMeta(fmt.Sprintf("echo exec-$((%d*7))-ok", n)))
	out.wait(t, done, fmt.Sprintf(`exec-%d-ok\r\n`, n*7))
	typeLine("stty size")
	out.wait(t, done, `\b33 91\r\n`)
	if strings.Contains(out.String(), "can't access tty") {
		t.Errorf("the shell has no controlling terminal: %q", out.String())
	}
	typeLine("exit 5")
	select {
	case err := <-done:
		var exit utilexec.ExitError
		if err == nil || !errors.As(err, &exit) || exit.ExitStatus() != 5 {
			t.Errorf("exec ended with %v, want exit code 5", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("exec did not end 30 s after exit")
	}
}
