package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

var podsGVR = schema.GroupVersionResource{Version: "v1", Resource: "pods"}

func adminConfig(t *testing.T) *rest.Config {
	t.Helper()
	c := testcluster.Get(t)
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func clients(t *testing.T, cfg *rest.Config) (kubernetes.Interface, rest.Interface) {
	t.Helper()
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cs, cs.CoreV1().RESTClient()
}

// recorder is a Sink that keeps the rows the UI would show.
type recorder struct {
	mu      sync.Mutex
	msgs    []Message
	rows    map[string]Row
	columns []Column
	synced  int
	dupes   int
}

func (r *recorder) sink(m Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.rows == nil {
		r.rows = map[string]Row{}
	}
	r.msgs = append(r.msgs, m)
	switch m.Type {
	case "columns":
		r.columns = m.Columns
	case "rows":
		for _, row := range m.Rows {
			if _, ok := r.rows[row.Key]; ok {
				r.dupes++
			}
			r.rows[row.Key] = row
		}
	case "synced":
		r.synced++
	case "events":
		for _, row := range m.Upserts {
			r.rows[row.Key] = row
		}
		for _, k := range m.Deletes {
			delete(r.rows, k)
		}
	}
	return nil
}

func (r *recorder) has(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.rows[key]
	return ok
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.rows)
}

func waitFor(t *testing.T, what string, d time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func newNamespace(t *testing.T, cs kubernetes.Interface) string {
	t.Helper()
	name := fmt.Sprintf("t-%s-%d", strings.ToLower(strings.ReplaceAll(t.Name(), "/", "-")), time.Now().UnixNano()%100000)
	if len(name) > 60 {
		name = name[:60]
	}
	_, err := cs.CoreV1().Namespaces().Create(context.Background(), &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cs.CoreV1().Namespaces().Delete(context.Background(), name, metav1.DeleteOptions{}) })
	// Pods are admitted only once the namespace's default service account
	// exists, which the controller-manager creates a moment later (longer
	// right after an API server restart).
	waitFor(t, "the default service account", 30*time.Second, func() bool {
		_, err := cs.CoreV1().ServiceAccounts(name).Get(context.Background(), "default", metav1.GetOptions{})
		return err == nil
	})
	return name
}

func pod(name string) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{"app": "stream-test"}},
		Spec: corev1.PodSpec{
			Containers: []corev1.Container{{Name: "c", Image: "busybox"}},
			// No node: these pods stay Pending, which is all this test needs.
		},
	}
}

func createPods(t *testing.T, cs kubernetes.Interface, ns string, n int) {
	t.Helper()
	for i := range n {
		if _, err := cs.CoreV1().Pods(ns).Create(context.Background(), pod(fmt.Sprintf("p-%03d", i)), metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStreamPagesThenWatches(t *testing.T) {
	cfg := adminConfig(t)
	cs, rc := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 25)

	rec := &recorder{}
	l := &Lister{REST: rc, FirstPage: 10, PageSize: 7, FlushInterval: 50 * time.Millisecond, Log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- l.Stream(ctx, Query{GVR: podsGVR, Namespace: ns}, rec.sink) }()

	waitFor(t, "initial sync", 10*time.Second, func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return rec.synced == 1 })
	rec.mu.Lock()
	if got := rec.msgs[0].Type; got != "columns" {
		t.Errorf("first message %q, want columns", got)
	}
	names := []string{}
	for _, c := range rec.columns {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "Name,Ready,Status,Restarts,Age,IP,Node,Nominated Node,Readiness Gates" {
		t.Errorf("columns = %v, want kubectl's pod columns", names)
	}
	pages := 0
	for _, m := range rec.msgs {
		if m.Type == "rows" {
			pages++
		}
	}
	if pages != 4 || len(rec.rows) != 25 || rec.dupes != 0 {
		t.Errorf("pages=%d rows=%d dupes=%d, want 4 pages (10+7+7+1) of 25 distinct rows", pages, len(rec.rows), rec.dupes)
	}
	first := rec.rows[ns+"/p-000"]
	rec.mu.Unlock()
	if first.Name != "p-000" || first.Namespace != ns || first.UID == "" || first.Created == "" || len(first.Cells) != 9 {
		t.Errorf("row = %+v", first)
	}
	var status string
	_ = json.Unmarshal(first.Cells[2], &status)
	if status != "Pending" && status != "Running" && status != "ContainerCreating" {
		t.Errorf("status cell = %q, want a pod status", status)
	}

	if _, err := cs.CoreV1().Pods(ns).Create(ctx, pod("late"), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "created pod in the stream", 2*time.Second, func() bool { return rec.has(ns + "/late") })
	if err := cs.CoreV1().Pods(ns).Delete(ctx, "p-001", metav1.DeleteOptions{GracePeriodSeconds: new(int64)}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "deleted pod gone from the stream", 2*time.Second, func() bool { return !rec.has(ns + "/p-001") })

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Stream after cancel = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Stream did not end after its context was cancelled")
	}
}

func TestStreamSelectorsAndForbidden(t *testing.T) {
	cfg := adminConfig(t)
	cs, rc := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 3)
	p := pod("other")
	p.Labels = map[string]string{"app": "other"}
	if _, err := cs.CoreV1().Pods(ns).Create(context.Background(), p, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l := &Lister{REST: rc}
	go func() {
		_ = l.Stream(ctx, Query{GVR: podsGVR, Namespace: ns, LabelSelector: "app!=stream-test"}, rec.sink)
	}()
	waitFor(t, "sync", 10*time.Second, func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return rec.synced == 1 })
	if rec.count() != 1 || !rec.has(ns+"/other") {
		t.Errorf("label selector rows = %v", rec.rows)
	}

	// The developer may not list pods outside team-a: a terminal 403.
	c := testcluster.Get(t)
	dcfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Developer)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	_, drc := clients(t, dcfg)
	rec2 := &recorder{}
	err = (&Lister{REST: drc}).Stream(ctx, Query{GVR: podsGVR, Namespace: ns}, rec2.sink)
	if err == nil || len(rec2.msgs) != 1 || rec2.msgs[0].Type != "error" || rec2.msgs[0].Status != 403 || rec2.msgs[0].Retrying {
		t.Fatalf("forbidden stream: err=%v msgs=%+v", err, rec2.msgs)
	}
	if want := `User "developer" cannot list resource "pods"`; !strings.Contains(rec2.msgs[0].Message, want) {
		t.Errorf("403 message %q lacks the server's explanation %q", rec2.msgs[0].Message, want)
	}
}

func TestWatchFromCompactedVersionIsGone(t *testing.T) {
	cfg := adminConfig(t)
	cs, rc := clients(t, cfg)
	ns := newNamespace(t, cs)
	templates := schema.GroupVersionResource{Version: "v1", Resource: "podtemplates"}
	mk := func(name string) {
		t.Helper()
		pt := &corev1.PodTemplate{ObjectMeta: metav1.ObjectMeta{Name: name}, Template: corev1.PodTemplateSpec{Spec: pod(name).Spec}}
		if _, err := cs.CoreV1().PodTemplates(ns).Create(context.Background(), pt, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	mk("early")
	old, err := cs.CoreV1().PodTemplates(ns).List(context.Background(), metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mk("later-1")
	mk("later-2")
	// The cluster serves PodTemplates without the watch cache, so after an
	// etcd compaction a watch from an old version really gets 410 Gone.
	testcluster.Get(t).Compact(t)

	l := &Lister{REST: rc}
	l.defaults()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q := Query{GVR: templates, Namespace: ns}
	_, err = l.watch(ctx, q, old.ResourceVersion, func(Message) error { return nil }, map[string]string{})
	if !isGone(err) {
		t.Fatalf("watch from a compacted resourceVersion = %v, want 410 Gone", err)
	}
	// relistUntilOK brings a stale view up to date: one missing row added,
	// one that no longer exists removed.
	st := &listState{known: map[string]string{ns + "/early": "stale", ns + "/ghost": "1"}, started: true}
	rec := &recorder{rows: map[string]Row{ns + "/early": {}, ns + "/ghost": {}}}
	if _, err := l.listUntilOK(ctx, q, rec.sink, st, NewBackoff(time.Second)); err != nil {
		t.Fatal(err)
	}
	if rec.count() != 3 || rec.has(ns+"/ghost") || !rec.has(ns+"/later-2") {
		t.Errorf("after relist rows = %v", rec.rows)
	}
}

func createPods2(t *testing.T, cs kubernetes.Interface, ns, prefix string, n int) {
	t.Helper()
	for i := range n {
		if _, err := cs.CoreV1().Pods(ns).Create(context.Background(), pod(fmt.Sprintf("%s-%d", prefix, i)), metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// settle waits until every pod of ns runs, so no status update races a test.
func settle(t *testing.T, cs kubernetes.Interface, ns string) {
	t.Helper()
	waitFor(t, "pods running", 30*time.Second, func() bool {
		l, err := cs.CoreV1().Pods(ns).List(context.Background(), metav1.ListOptions{})
		if err != nil {
			return false
		}
		for _, p := range l.Items {
			if p.Status.Phase != "Running" {
				return false
			}
		}
		return true
	})
	time.Sleep(500 * time.Millisecond)
}

func TestRelistSendsOnlyTheDifference(t *testing.T) {
	cfg := adminConfig(t)
	cs, rc := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 3)
	settle(t, cs, ns)
	l := &Lister{REST: rc}
	l.defaults()
	q := Query{GVR: podsGVR, Namespace: ns}
	st := &listState{known: map[string]string{}}
	if _, err := l.list(context.Background(), q, func(Message) error { return nil }, st); err != nil {
		t.Fatal(err)
	}
	// While "disconnected": one pod deleted, one changed, one vanished from
	// our view without an event, one stale key we never should have had.
	_ = cs.CoreV1().Pods(ns).Delete(context.Background(), "p-000", metav1.DeleteOptions{GracePeriodSeconds: new(int64)})
	p, _ := cs.CoreV1().Pods(ns).Get(context.Background(), "p-001", metav1.GetOptions{})
	p.Labels["changed"] = "yes"
	if _, err := cs.CoreV1().Pods(ns).Update(context.Background(), p, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	st.known[ns+"/ghost"] = "1"
	rec := &recorder{}
	if _, err := l.list(context.Background(), q, rec.sink, st); err != nil {
		t.Fatal(err)
	}
	var ups, dels []string
	for _, m := range rec.msgs {
		if m.Type == "rows" || m.Type == "columns" {
			t.Errorf("relist sent %q; it must send only events", m.Type)
		}
		for _, r := range m.Upserts {
			ups = append(ups, r.Name)
		}
		dels = append(dels, m.Deletes...)
	}
	if strings.Join(ups, ",") != "p-001" {
		t.Errorf("upserts = %v, want only the changed pod", ups)
	}
	if len(dels) != 2 {
		t.Errorf("deletes = %v, want the deleted pod and the ghost", dels)
	}
}
