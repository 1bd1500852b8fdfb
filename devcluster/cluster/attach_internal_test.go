package cluster

import (
	"context"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
)

// These tests drive the attacher directly (no cluster): the main process,
// its fan-out, input, resize, exit and stop. cluster_test.go attaches
// through the real API server.

func testAttacher(t *testing.T, limit int) *attacher {
	t.Helper()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	a := newAttacher(log, t.TempDir(), limit)
	t.Cleanup(a.stop)
	return a
}

// syncBuffer is a client's output: its last 64 KiB and its length.
type syncBuffer struct {
	mu sync.Mutex
	b  []byte
	n  int
}

const keepOutput = 64 << 10

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n += len(p)
	b.b = append(b.b, p...)
	if len(b.b) > 2*keepOutput {
		b.b = append([]byte(nil), b.b[len(b.b)-keepOutput:]...)
	}
	return len(p), nil
}

func (b *syncBuffer) Close() error { return nil }

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.b)
}

func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.n
}

// wait returns the first submatch of re once the output has it.
func (b *syncBuffer) wait(t *testing.T, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := rx.FindStringSubmatch(b.String()); m != nil {
			return m[len(m)-1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	out := b.String()
	t.Fatalf("output never matched %q; it ends:\n%q", re, out[max(0, len(out)-2000):])
	return ""
}

type testClient struct {
	in   *io.PipeWriter
	out  *syncBuffer
	done chan error
}

func attachTo(a *attacher, container string, tty bool, resize chan remotecommand.TerminalSize) *testClient {
	inR, inW := io.Pipe()
	c := &testClient{in: inW, out: &syncBuffer{}, done: make(chan error, 1)}
	s := attachSession{a, &remotecommand.Options{Stdin: true, Stdout: true, Stderr: !tty, TTY: tty}}
	var sizes <-chan remotecommand.TerminalSize
	if resize != nil {
		sizes = resize
	}
	go func() {
		c.done <- s.AttachContainer(context.Background(), "ns/pod", "", container, inR, c.out, c.out, tty, sizes)
	}()
	return c
}

func (c *testClient) send(t *testing.T, s string) {
	t.Helper()
	if _, err := io.WriteString(c.in, s); err != nil {
		t.Fatalf("write %q: %v", s, err)
	}
}

// end waits until the attach returns.
func (c *testClient) end(t *testing.T) error {
	t.Helper()
	select {
	case err := <-c.done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("attach did not end")
		return nil
	}
}

func (c *testClient) pid(t *testing.T, tag string) int {
	t.Helper()
	c.send(t, "echo "+tag+"-$$-pid\n")
	pid, err := strconv.Atoi(c.out.wait(t, tag+`-(\d+)-pid`))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// alive: pid exists and is not a zombie (an orphan waits for init to reap it).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	return len(f) > 0 && f[0] != "Z"
}

func TestAttachKeepsTheMainProcessAcrossAttaches(t *testing.T) {
	a := testAttacher(t, 4)
	first := attachTo(a, "c", false, nil)
	pid := first.pid(t, "one")
	first.in.Close() // detach
	if err := first.end(t); err != nil {
		t.Fatalf("detach: %v", err)
	}
	if !alive(pid) {
		t.Fatalf("main process %d ended when the client detached", pid)
	}
	second := attachTo(a, "c", false, nil)
	if got := second.pid(t, "two"); got != pid {
		t.Errorf("second attach reached pid %d, want %d (the same process)", got, pid)
	}
	second.send(t, "echo to-stderr >&2\n")
	second.out.wait(t, "to-stderr")
	second.send(t, "exit\n")
	if err := second.end(t); err != nil {
		t.Errorf("attach after exit: %v", err)
	}
	third := attachTo(a, "c", false, nil)
	if got := third.pid(t, "three"); got == pid {
		t.Errorf("after exit the next attach reached the old pid %d", pid)
	}
}

func TestAttachFansOutAndTakesInputFromEveryClient(t *testing.T) {
	a := testAttacher(t, 4)
	one := attachTo(a, "c", false, nil)
	one.pid(t, "ready") // the process runs before the second attaches
	two := attachTo(a, "c", false, nil)
	two.send(t, "echo from-$((20+1))-two\n")
	one.out.wait(t, "from-21-two")
	two.out.wait(t, "from-21-two")
	one.send(t, "echo from-$((30+2))-one\n")
	two.out.wait(t, "from-32-one")
	other := attachTo(a, "other", false, nil)
	if one.pid(t, "p1") == other.pid(t, "p2") {
		t.Error("two containers share a main process")
	}
}

func TestAttachDropsAClientThatFallsBehind(t *testing.T) {
	a := testAttacher(t, 4)
	a.queue = 8
	fast := attachTo(a, "c", false, nil)
	fast.pid(t, "ready")
	release := make(chan struct{})
	slow := &blockedWriter{release: release}
	s := attachSession{a, &remotecommand.Options{Stdout: true}}
	slowDone := make(chan error, 1)
	go func() {
		slowDone <- s.AttachContainer(context.Background(), "ns/pod", "", "c", nil, slow, nil, false, nil)
	}()
	time.Sleep(200 * time.Millisecond) // subscribed
	// 30 writes, paced so the fast client keeps up: more than the slow one's queue.
	fast.send(t, "i=0; while [ $i -lt 30 ]; do echo line-$i; i=$((i+1)); sleep 0.02; done; echo all-$i-done\n")
	fast.out.wait(t, "all-30-done")
	for i := range 30 {
		if !strings.Contains(fast.out.String(), "line-"+strconv.Itoa(i)+"\n") {
			t.Errorf("the fast client missed line-%d", i)
		}
	}
	close(release)
	select {
	case err := <-slowDone:
		if err == nil || !strings.Contains(err.Error(), "fell behind") {
			t.Errorf("slow client's attach ended with %v, want fell behind", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the slow client was not dropped")
	}
	fast.send(t, "echo still-$((1+1))-here\n")
	fast.out.wait(t, "still-2-here")
}

type blockedWriter struct{ release chan struct{} }

func (w *blockedWriter) Write(p []byte) (int, error) { <-w.release; return len(p), nil }
func (w *blockedWriter) Close() error                { return nil }

func TestAttachWithTTYEchoesAndResizes(t *testing.T) {
	a := testAttacher(t, 4)
	resize := make(chan remotecommand.TerminalSize, 1)
	c := attachTo(a, "c", true, resize)
	resize <- remotecommand.TerminalSize{Width: 123, Height: 45}
	c.send(t, "echo tty-$((6*7))-ok\r")
	c.out.wait(t, `echo tty-\$\(\(6\*7\)\)-ok`) // the terminal's echo
	c.out.wait(t, `tty-42-ok\r\n`)
	c.send(t, "stty size\r")
	c.out.wait(t, `45 123`)
	c.send(t, "exit\r")
	if err := c.end(t); err != nil {
		t.Errorf("attach after exit: %v", err)
	}
}

func TestAttachLimitAndStop(t *testing.T) {
	a := testAttacher(t, 2)
	one := attachTo(a, "one", true, nil)
	pid := one.pid(t, "a")
	one.send(t, "sleep 1000 &\r")
	one.send(t, "echo bg-$!-pid\r")
	bg, _ := strconv.Atoi(one.out.wait(t, `bg-(\d+)-pid`))
	two := attachTo(a, "two", false, nil)
	two.pid(t, "b")
	third := attachTo(a, "three", false, nil)
	if err := third.end(t); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("third main process: %v, want the limit's error", err)
	}
	a.stop()
	for _, c := range []*testClient{one, two} {
		if err := c.end(t); err != nil {
			t.Errorf("attach at stop: %v", err)
		}
	}
	if alive(pid) || alive(bg) {
		t.Errorf("after stop: shell %d alive %v, its background job %d alive %v", pid, alive(pid), bg, alive(bg))
	}
	if err := attachTo(a, "one", false, nil).end(t); err == nil {
		t.Error("attach after stop succeeded")
	}
}
