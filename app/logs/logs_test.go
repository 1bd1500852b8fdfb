package logs

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

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
	first := "2026-01-01T00:00:01Z a\n2026-01-01T00:00:02Z b\n2026-01-01T00:00:02Z c\n"
	last, n, err := read(strings.NewReader(first), "p", "c", "", 0, 0, b)
	if err != nil || last != "2026-01-01T00:00:02Z" || n != 2 {
		t.Fatalf("read = %q %d %v", last, n, err)
	}
	// The resumed stream starts again at the last timestamp (sinceTime).
	again := "2026-01-01T00:00:02Z b\n2026-01-01T00:00:02Z c\n2026-01-01T00:00:03Z d\n"
	if _, _, err := read(strings.NewReader(again), "p", "c", last, n, n, b); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range b.lines {
		got = append(got, l.Text)
	}
	if strings.Join(got, "") != "abcd" {
		t.Errorf("lines after resume = %v, want a b c d once each", got)
	}
}
