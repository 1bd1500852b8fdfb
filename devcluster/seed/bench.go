package seed

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Bench sizes the benchmark content: Pods pods spread over Namespaces
// namespaces bench-00, bench-01, ... and Events events about them, and
// HelmReleases Helm releases (of a one-ConfigMap chart) spread the same way.
type Bench struct {
	Pods, Namespaces, Events, HelmReleases int
}

// benchWorkers create objects in parallel.
const benchWorkers = 8

// Bench creates the benchmark pods (bound to the kwok nodes directly, so
// the scheduler is not the bottleneck), events and Helm releases, then
// waits until the pods run.
func (s *Seeder) Bench(ctx context.Context, b Bench) error {
	if b.Pods <= 0 && b.Events <= 0 && b.HelmReleases <= 0 {
		return nil
	}
	b.Namespaces = max(b.Namespaces, 1)
	nodes, err := s.cs.CoreV1().Nodes().List(ctx, metav1.ListOptions{LabelSelector: "type=kwok"})
	if err != nil || len(nodes.Items) == 0 {
		return fmt.Errorf("bench pods need the kwok nodes: %v", err)
	}
	for i := range b.Namespaces {
		ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: benchNamespace(i), Labels: map[string]string{"kubedeck.io/bench": "true"}}}
		if _, err := s.cs.CoreV1().Namespaces().Create(ctx, ns, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create namespace %s: %w", ns.Name, err)
		}
	}
	// The API server refuses pods until the namespace's default
	// ServiceAccount exists (the controller-manager makes it).
	for i := range b.Namespaces {
		ns := benchNamespace(i)
		if err := poll(ctx, "ServiceAccount "+ns+"/default", time.Minute, 100*time.Millisecond, func() (bool, string) {
			_, err := s.cs.CoreV1().ServiceAccounts(ns).Get(ctx, "default", metav1.GetOptions{})
			return err == nil, fmt.Sprint(err)
		}); err != nil {
			return err
		}
	}

	if err := s.benchHelm(ctx, b); err != nil {
		return err
	}

	t0 := time.Now()
	total := b.Pods + b.Events
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range benchWorkers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= total || ctx.Err() != nil {
					return
				}
				var err error
				if i < b.Pods {
					err = s.benchPod(ctx, i, b, nodes.Items[i%len(nodes.Items)].Name)
				} else {
					err = s.benchEvent(ctx, i-b.Pods, b)
				}
				if err != nil && !apierrors.IsAlreadyExists(err) {
					once.Do(func() { firstErr = err })
					next.Store(int64(total)) // stop the others
					return
				}
				if done := i + 1; done%1000 == 0 {
					s.log.Info("bench objects", "created", done, "of", total)
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if total == 0 {
		return nil
	}
	s.log.Info("bench objects created", "pods", b.Pods, "events", b.Events, "took", time.Since(t0).Round(time.Millisecond))
	if b.Pods == 0 {
		return nil
	}
	return s.WaitPodsRunning(ctx, 10*time.Minute)
}

func benchNamespace(i int) string { return fmt.Sprintf("bench-%02d", i) }

func benchPodName(i int) string { return fmt.Sprintf("bench-%05d", i) }

func (s *Seeder) benchPod(ctx context.Context, i int, b Bench, node string) error {
	ns := benchNamespace(i % b.Namespaces)
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: benchPodName(i), Namespace: ns,
			Labels: map[string]string{"app": "bench", "shard": fmt.Sprint(i % 10)}},
		Spec: corev1.PodSpec{
			NodeName:   node,
			Containers: []corev1.Container{{Name: "app", Image: "registry.example/bench:1"}},
		},
	}
	if _, err := s.cs.CoreV1().Pods(ns).Create(ctx, p, metav1.CreateOptions{}); err != nil {
		return fmt.Errorf("create pod %s/%s: %w", ns, p.Name, err)
	}
	return nil
}

func (s *Seeder) benchEvent(ctx context.Context, j int, b Bench) error {
	// Event j is about pod j (mod the pod count), in that pod's namespace.
	pod := j % max(b.Pods, 1)
	ns := benchNamespace(pod % b.Namespaces)
	now := metav1.Now()
	ev := &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("bench-event-%05d", j), Namespace: ns},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Name: benchPodName(pod), Namespace: ns, APIVersion: "v1"},
		Type:           []string{corev1.EventTypeNormal, corev1.EventTypeWarning}[j%2],
		Reason:         []string{"Started", "BackOff"}[j%2],
		Message:        "benchmark event",
		Source:         corev1.EventSource{Component: "kubedeck-bench"},
		FirstTimestamp: now, LastTimestamp: now, Count: 1,
	}
	if _, err := s.cs.CoreV1().Events(ns).Create(ctx, ev, metav1.CreateOptions{}); err != nil {
		return fmt.Errorf("create event %s/%s: %w", ns, ev.Name, err)
	}
	return nil
}
