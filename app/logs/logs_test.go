package logs

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func admin(t *testing.T) (*testcluster.Cluster, kubernetes.Interface) {
	t.Helper()
	c := testcluster.Get(t)
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	return c, kubernetes.NewForConfigOrDie(cfg)
}

type collector struct {
	mu    sync.Mutex
	lines []Line
	msgs  []Message
}

func (c *collector) sink(m Message) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, m)
	c.lines = append(c.lines, m.Lines...)
	return nil
}

func (c *collector) texts() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, l := range c.lines {
		out = append(out, l.Text)
	}
	return out
}

func webPod(t *testing.T, cs kubernetes.Interface) string {
	t.Helper()
	pods, err := cs.CoreV1().Pods("team-a").List(context.Background(), metav1.ListOptions{LabelSelector: "app=web"})
	if err != nil || len(pods.Items) == 0 {
		t.Fatalf("web pods: %v", err)
	}
	return pods.Items[0].Name
}

func kubectlLogs(t *testing.T, c *testcluster.Cluster, args ...string) []string {
	t.Helper()
	out, err := exec.Command("kubectl", append([]string{"--kubeconfig", c.Kubeconfig, "-n", "team-a", "logs"}, args...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
}

func TestLinesMatchKubectl(t *testing.T) {
	c, cs := admin(t)
	pod := webPod(t, cs)
	col := &collector{}
	tail := int64(7)
	err := (&Streamer{CS: cs}).Stream(context.Background(), Options{Namespace: "team-a", Pod: pod, Container: "nginx", TailLines: &tail}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	want := kubectlLogs(t, c, pod, "-c", "nginx", "--tail=7")
	if got := col.texts(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%q\nkubectl:\n%q", got, want)
	}
	withTS := kubectlLogs(t, c, pod, "-c", "nginx", "--tail=1", "--timestamps")
	if ts, _, _ := strings.Cut(withTS[0], " "); col.lines[len(col.lines)-1].Time != ts {
		t.Errorf("timestamp %q, kubectl says %q", col.lines[len(col.lines)-1].Time, ts)
	}
	for _, l := range col.lines {
		if l.Pod != pod || l.Container != "nginx" {
			t.Fatalf("line not tagged: %+v", l)
		}
	}
}

func TestAllContainersAndWorkloadTagging(t *testing.T) {
	_, cs := admin(t)
	col := &collector{}
	tail := int64(2)
	err := (&Streamer{CS: cs}).Stream(context.Background(), Options{Namespace: "team-a", Selector: "app=web", TailLines: &tail}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	pods, containers := map[string]bool{}, map[string]bool{}
	for _, l := range col.lines {
		pods[l.Pod], containers[l.Container] = true, true
	}
	if len(pods) != 3 || !containers["nginx"] || !containers["log-shipper"] || len(col.lines) != 12 {
		t.Errorf("workload logs: %d lines from pods %v containers %v", len(col.lines), pods, containers)
	}
}

func TestFollowShowsAppendedLines(t *testing.T) {
	c, cs := admin(t)
	pod := webPod(t, cs)
	col := &collector{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tail := int64(1)
	done := make(chan error, 1)
	go func() {
		done <- (&Streamer{CS: cs, Batch: 20 * time.Millisecond}).Stream(ctx, Options{Namespace: "team-a", Pod: pod, Container: "nginx", Follow: true, TailLines: &tail}, col.sink)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for len(col.texts()) < 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	marker := fmt.Sprintf("appended by the follow test %d", time.Now().UnixNano())
	logFile := c.LogFile // what kwok serves as every container's log
	f, err := os.OpenFile(logFile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "%s stdout F %s\n", time.Now().UTC().Format("2006-01-02T15:04:05.000000000Z"), marker)
	f.Close()
	deadline = time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(strings.Join(col.texts(), "\n"), marker) {
			cancel()
			<-done
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("appended line not followed; got %q", col.texts())
}

func TestReadResumesWithoutDuplicates(t *testing.T) {
	b := newBatcher(func(Message) error { return nil })
	first := "2026-01-01T00:00:01Z a\n2026-01-01T00:00:02.1Z b\n2026-01-01T00:00:02.25Z c\n2026-01-01T00:00:02.25Z c2\n"
	pos, err := read(strings.NewReader(first), "p", "c", position{}, nil, b)
	want := position{at: time.Date(2026, 1, 1, 0, 0, 2, 250_000_000, time.UTC), n: 2}
	if err != nil || !pos.at.Equal(want.at) || pos.n != want.n {
		t.Fatalf("read = %v %v, want %v", pos, err, want)
	}
	// The resumed stream starts again at the second of the last timestamp
	// (sinceTime has no fraction): every line of that second comes again.
	again := "2026-01-01T00:00:02.100000000Z b\n2026-01-01T00:00:02.25Z c\n2026-01-01T00:00:02.25Z c2\n" +
		"2026-01-01T00:00:02.25Z c3\n2026-01-01T00:00:02.9Z d\n2026-01-01T00:00:03Z e\n"
	pos, err = read(strings.NewReader(again), "p", "c", pos, &resumeFrom{position: pos, skip: pos.n}, b)
	if err != nil || pos.n != 1 || !pos.at.Equal(time.Date(2026, 1, 1, 0, 0, 3, 0, time.UTC)) {
		t.Fatalf("read again = %v %v", pos, err)
	}
	var got []string
	for _, l := range b.lines {
		got = append(got, l.Text)
	}
	if strings.Join(got, " ") != "a b c c2 c3 d e" {
		t.Errorf("lines after resume = %v, want a b c c2 c3 d e once each", got)
	}
}

func TestReadCutsLongLinesAndGoesOn(t *testing.T) {
	b := newBatcher(func(Message) error { return nil })
	long := "2026-01-01T00:00:01Z " + strings.Repeat("é", maxLine) // 2 bytes each
	in := long + "\n2026-01-01T00:00:02Z next\n2026-01-01T00:00:03Z no newline at the end"
	pos, err := read(strings.NewReader(in), "p", "c", position{}, nil, b)
	if err != nil || pos.n != 1 {
		t.Fatalf("read = %v %v", pos, err)
	}
	if len(b.lines) != 3 {
		t.Fatalf("%d lines, want 3", len(b.lines))
	}
	first := b.lines[0].Text
	kept := maxLine - len("2026-01-01T00:00:01Z ")
	kept -= kept % 2 // no half rune
	wantMarker := fmt.Sprintf(" … [truncated %d bytes]", len(long)-len("2026-01-01T00:00:01Z ")-kept)
	if !strings.HasSuffix(first, wantMarker) || !utf8.ValidString(first) || len(first) != kept+len(wantMarker) {
		t.Errorf("long line: %d bytes ending %q, want %d + %q", len(first), first[len(first)-40:], kept, wantMarker)
	}
	if b.lines[1].Text != "next" || b.lines[2].Text != "no newline at the end" {
		t.Errorf("after the long line: %+v", b.lines[1:])
	}
}

// cutter stands between the client and the API server: it can drop every log
// stream it carries (as a network failure or an API server restart does)
// and counts the log requests.
type cutter struct {
	mu       sync.Mutex
	bodies   []io.Closer
	requests int
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func (c *cutter) wrap(rt http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := rt.RoundTrip(r)
		if err == nil && strings.HasSuffix(r.URL.Path, "/log") {
			c.mu.Lock()
			c.bodies = append(c.bodies, resp.Body)
			c.requests++
			c.mu.Unlock()
		}
		return resp, err
	})
}

func (c *cutter) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, b := range c.bodies {
		_ = b.Close()
	}
	c.bodies = nil
}

func (c *cutter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requests
}

// appendLog writes lines in the CRI format into the file kwok serves as every
// container's log; the file gets its old content back when the test ends.
func appendLog(t *testing.T, c *testcluster.Cluster, stamp func(int) time.Time, texts map[int]string, order ...int) {
	t.Helper()
	f, err := os.OpenFile(c.LogFile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, i := range order {
		if _, err := fmt.Fprintf(f, "%s stdout F %s\n", stamp(i).Format(time.RFC3339Nano), texts[i]); err != nil {
			t.Fatal(err)
		}
	}
}

func restoreLogAfter(t *testing.T, c *testcluster.Cluster) {
	t.Helper()
	st, err := os.Stat(c.LogFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.Truncate(c.LogFile, st.Size()); err != nil {
			t.Error(err)
		}
	})
}

// followed starts a followed stream of the nginx container of a web pod
// through a cutter; stop ends it.
func followed(t *testing.T) (c *testcluster.Cluster, col *collector, cut *cutter, stop func()) {
	t.Helper()
	c = testcluster.Get(t)
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	cut = &cutter{}
	cfg.Wrap(cut.wrap)
	cs := kubernetes.NewForConfigOrDie(cfg)
	pod := webPod(t, cs)
	restoreLogAfter(t, c)
	col = &collector{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	tail := int64(1)
	go func() {
		done <- (&Streamer{CS: cs, Batch: 20 * time.Millisecond}).Stream(ctx, Options{Namespace: "team-a", Pod: pod, Container: "nginx", Follow: true, TailLines: &tail}, col.sink)
	}()
	stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("stream: %v", err)
		}
	}
	t.Cleanup(func() {
		cancel()
	})
	waitUntil(t, "the first line", func() bool { return len(col.texts()) > 0 })
	return c, col, cut, stop
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not arrive", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// marked returns the texts that start with mark, in order.
func marked(col *collector, mark string) []string {
	var out []string
	for _, s := range col.texts() {
		if strings.HasPrefix(s, mark) {
			out = append(out, s)
		}
	}
	return out
}

// Several lines a second, the stream dropped in the middle of a second: the
// resumed stream (sinceTime has whole seconds) repeats that second's earlier
// lines, and none may arrive twice, nor be lost.
func TestFollowResumesInTheMiddleOfASecond(t *testing.T) {
	c, col, cut, stop := followed(t)
	mark := fmt.Sprintf("resume-test-%d", time.Now().UnixNano())
	// After every line in the file (the next second on), 150 ms apart.
	base := time.Now().UTC().Truncate(time.Second).Add(time.Second)
	stamp := func(i int) time.Time { return base.Add(time.Duration(i) * 150 * time.Millisecond) }
	texts := map[int]string{}
	var want []string
	for i := range 15 {
		texts[i] = fmt.Sprintf("%s line %d", mark, i)
		want = append(want, texts[i])
	}
	appendLog(t, c, stamp, texts, 0, 1, 2, 3, 4)
	waitUntil(t, "lines 0-4", func() bool { return len(marked(col, mark)) >= 5 })
	requests := cut.count()
	cut.cut() // lines 0-4 (0.00-0.60 s) delivered: the stream ends mid-second
	appendLog(t, c, stamp, texts, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)
	waitUntil(t, "line 14 after the reconnection", func() bool {
		got := marked(col, mark)
		return len(got) > 0 && got[len(got)-1] == texts[14]
	})
	// Lines that would come twice come right behind the last one.
	time.Sleep(200 * time.Millisecond)
	stop()
	if cut.count() <= requests {
		t.Fatalf("the stream did not reconnect (%d log requests)", cut.count())
	}
	if got := marked(col, mark); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines across the reconnection:\n%s\nwant each once, in order:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A line longer than maxLine arrives cut, with a marker, and the stream goes
// on with the next line (it used to end the read and reconnect into the same
// line forever).
func TestFollowCutsALongLineAndGoesOn(t *testing.T) {
	c, col, _, stop := followed(t)
	mark := fmt.Sprintf("long-line-test-%d", time.Now().UnixNano())
	base := time.Now().UTC().Truncate(time.Second).Add(time.Second)
	stamp := func(i int) time.Time { return base.Add(time.Duration(i) * time.Millisecond) }
	long := mark + " long " + strings.Repeat("x", 1<<20)
	appendLog(t, c, stamp, map[int]string{0: long, 1: mark + " next"}, 0, 1)
	waitUntil(t, "the line after the long one", func() bool {
		got := marked(col, mark)
		return len(got) > 0 && got[len(got)-1] == mark+" next"
	})
	time.Sleep(200 * time.Millisecond)
	stop()
	got := marked(col, mark)
	if len(got) != 2 {
		t.Fatalf("%d marked lines, want the long one and the next", len(got))
	}
	col.mu.Lock()
	var stampLen int
	for _, l := range col.lines {
		if strings.HasPrefix(l.Text, mark+" long") {
			stampLen = len(l.Time) // as the kubelet writes it
		}
	}
	col.mu.Unlock()
	kept := maxLine - stampLen - len(" ")
	marker := fmt.Sprintf(" … [truncated %d bytes]", len(long)-kept)
	if got[0] != long[:kept]+marker {
		t.Errorf("the long line arrived as %d bytes ending %q, want %d bytes and %q", len(got[0]), got[0][max(0, len(got[0])-60):], kept, marker)
	}
}

func TestAllContainersAreKubectls(t *testing.T) {
	// kubectl logs --all-containers: init containers, containers, then
	// ephemeral (debug) containers.
	p := &corev1.Pod{Spec: corev1.PodSpec{
		InitContainers:      []corev1.Container{{Name: "migrate"}},
		Containers:          []corev1.Container{{Name: "nginx"}, {Name: "log-shipper"}},
		EphemeralContainers: []corev1.EphemeralContainer{{EphemeralContainerCommon: corev1.EphemeralContainerCommon{Name: "debugger-x1"}}},
	}}
	if got := strings.Join(containerNames(p), ","); got != "migrate,nginx,log-shipper,debugger-x1" {
		t.Errorf("containers = %s", got)
	}
}
