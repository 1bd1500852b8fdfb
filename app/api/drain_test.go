package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/session"
)

// pipeWriter is a response writer like the desktop's AssetServer one: no
// Flush, and a request context nobody cancels. fail makes every write fail.
type pipeWriter struct {
	mu     sync.Mutex
	header http.Header
	body   bytes.Buffer
	fail   bool
}

func (p *pipeWriter) Header() http.Header { return p.header }
func (p *pipeWriter) WriteHeader(int)     {}
func (p *pipeWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail {
		return 0, errors.New("the webview went away")
	}
	return p.body.Write(b)
}
func (p *pipeWriter) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.body.String()
}

// A drain blocked by a PDB, in the desktop's conditions (the request's
// context is never cancelled): POST /api/stream/cancel stops it, and after
// the PDB is deleted the pod is still there, not evicted later. A drain whose
// first write fails (the reader is gone) stops as well.
func TestDrainStopsOnCancelAndOnAFailedWrite(t *testing.T) {
	c := testcluster.Get(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{Clusters: cluster.NewManager(kubeconfig.NewStore([]string{c.Kubeconfig}), credentials.NewMemory(), "t", log), Log: log})
	h := New(func(*http.Request) (*session.Session, error) { return sess, nil }, log)
	admin := c.Context(testcluster.Admin)
	conn, err := sess.Conn(admin)
	if err != nil {
		t.Fatal(err)
	}
	cs := conn.Clientset
	node, pod, ns := guardedNode(t, cs)
	drainURL := "/api/stream/drain?context=" + url.QueryEscape(admin) + "&node=" + node
	drain := func(w http.ResponseWriter, id string) chan struct{} {
		req := httptest.NewRequestWithContext(context.Background(), "POST", drainURL, strings.NewReader(`{"force":true,"gracePeriodSeconds":0}`))
		if id != "" {
			req.Header.Set(StreamHeader, id)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			h.ServeHTTP(w, req)
		}()
		return done
	}

	w := &pipeWriter{header: http.Header{}}
	done := drain(w, "drain-1")
	waitUntil(t, "the eviction blocked by the PDB", func() bool { return strings.Contains(w.String(), "disruption budget") })
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/api/stream/cancel?id=drain-1", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"cancelled":true`) {
		t.Fatalf("cancel = %d %s", rec.Code, rec.Body.String())
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the drain went on after its stream was cancelled")
	}
	if !strings.Contains(w.String(), "cancelled") {
		t.Errorf("the stream did not say the drain was cancelled:\n%s", w.String())
	}

	failing := &pipeWriter{header: http.Header{}, fail: true}
	select {
	case <-drain(failing, ""):
	case <-time.After(10 * time.Second):
		t.Fatal("the drain went on after its first write failed")
	}

	// With the budget gone, nothing may evict the pod now.
	if err := cs.PolicyV1().PodDisruptionBudgets(ns).Delete(context.Background(), node, metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Second)
	p, err := cs.CoreV1().Pods(ns).Get(context.Background(), pod, metav1.GetOptions{})
	if err != nil || p.DeletionTimestamp != nil {
		t.Errorf("the pod was evicted after the drain was cancelled: %v", err)
	}
	n, _ := cs.CoreV1().Nodes().Get(context.Background(), node, metav1.GetOptions{})
	if !n.Spec.Unschedulable {
		t.Error("the node should stay cordoned")
	}
}

// guardedNode makes a kwok node with one pod that a PDB protects.
func guardedNode(t *testing.T, cs kubernetes.Interface) (node, pod, ns string) {
	t.Helper()
	ctx := context.Background()
	node = fmt.Sprintf("api-drain-%d", time.Now().UnixNano()%100000)
	res := corev1.ResourceList{corev1.ResourcePods: resource.MustParse("10"), corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("8Gi")}
	if _, err := cs.CoreV1().Nodes().Create(ctx, &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: node, Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"}, Labels: map[string]string{"type": "kwok"}},
		Status:     corev1.NodeStatus{Allocatable: res, Capacity: res},
	}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	ns, pod = "team-b", node+"-guarded"
	t.Cleanup(func() {
		_ = cs.CoreV1().Pods(ns).Delete(ctx, pod, metav1.DeleteOptions{GracePeriodSeconds: new(int64)})
		_ = cs.PolicyV1().PodDisruptionBudgets(ns).Delete(ctx, node, metav1.DeleteOptions{})
		_ = cs.CoreV1().Nodes().Delete(ctx, node, metav1.DeleteOptions{})
	})
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: pod, Labels: map[string]string{"guard": node}},
		Spec: corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "c", Image: "x"}}}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	one := intstr.FromInt32(1)
	if _, err := cs.PolicyV1().PodDisruptionBudgets(ns).Create(ctx, &policyv1.PodDisruptionBudget{ObjectMeta: metav1.ObjectMeta{Name: node},
		Spec: policyv1.PodDisruptionBudgetSpec{MinAvailable: &one, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"guard": node}}}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the pod running and the PDB counting it", func() bool {
		p, err := cs.PolicyV1().PodDisruptionBudgets(ns).Get(ctx, node, metav1.GetOptions{})
		return err == nil && p.Status.CurrentHealthy == 1 && p.Status.ObservedGeneration == p.Generation
	})
	return node, pod, ns
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
