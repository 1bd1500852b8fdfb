package seed

import (
	"context"
	"fmt"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func crdGVR() schema.GroupVersionResource {
	return schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}
}

type demoEvent struct {
	ns, kind, name, apiVersion, typ, reason, msg string
}

func (s *Seeder) demoEvents(ctx context.Context) error {
	events := []demoEvent{
		{"team-a", "Deployment", "web", "apps/v1", corev1.EventTypeNormal, "ScalingReplicaSet", "Scaled up replica set web to 3"},
		{"team-a", "Job", "migrate", "batch/v1", corev1.EventTypeNormal, "Completed", "Job completed"},
		{"team-b", "Deployment", "api", "apps/v1", corev1.EventTypeWarning, "ProgressDeadlineExceeded", "Deployment api has timed out progressing (demo)"},
		{"shop", "StatefulSet", "db", "apps/v1", corev1.EventTypeWarning, "FailedCreate", "create Pod db-2 in StatefulSet db failed: exceeded quota (demo)"},
		{"shop", "Ingress", "shop", "networking.k8s.io/v1", corev1.EventTypeWarning, "Sync", "Error syncing load balancer: no endpoints (demo)"},
		{"monitoring", "DaemonSet", "node-exporter", "apps/v1", corev1.EventTypeNormal, "SuccessfulCreate", "Created pods on every node"},
	}
	for i, e := range events {
		ev := &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("%s.demo%d", e.name, i), Namespace: e.ns},
			InvolvedObject: corev1.ObjectReference{Kind: e.kind, Name: e.name, Namespace: e.ns, APIVersion: e.apiVersion},
			Type:           e.typ, Reason: e.reason, Message: e.msg,
			Source:         corev1.EventSource{Component: "kubedeck-demo"},
			FirstTimestamp: metav1.Now(), LastTimestamp: metav1.Now(), Count: 1,
		}
		if _, err := s.cs.CoreV1().Events(e.ns).Create(ctx, ev, metav1.CreateOptions{}); err != nil {
			return fmt.Errorf("create event: %w", err)
		}
	}
	return nil
}

// Bench creates pods pods spread over namespaces bench-00.. and events
// events, in parallel, then waits for the pods to run.
func (s *Seeder) Bench(ctx context.Context, pods, namespaces, events int, nodes int) error {
	if pods == 0 && events == 0 {
		return nil
	}
	namespaces = max(namespaces, 1)
	for i := range namespaces {
		ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("bench-%02d", i)}}
		if _, err := s.cs.CoreV1().Namespaces().Create(ctx, ns, metav1.CreateOptions{}); err != nil {
			return fmt.Errorf("create namespace: %w", err)
		}
	}
	t0 := time.Now()
	jobs := make(chan int)
	errs := make(chan error, 16)
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := s.benchObject(ctx, i, pods, namespaces, nodes); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for i := range pods + events {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	s.log.Info("bench objects created", "pods", pods, "events", events, "took", time.Since(t0).Round(time.Millisecond))
	return s.WaitPodsRunning(ctx, 10*time.Minute)
}

func (s *Seeder) benchObject(ctx context.Context, i, pods, namespaces, nodes int) error {
	ns := fmt.Sprintf("bench-%02d", i%namespaces)
	if i >= pods {
		j := i - pods
		ev := &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("bench-event-%05d", j), Namespace: ns},
			InvolvedObject: corev1.ObjectReference{Kind: "Pod", Name: fmt.Sprintf("bench-%05d", j%max(pods, 1)), Namespace: ns, APIVersion: "v1"},
			Type:           []string{corev1.EventTypeNormal, corev1.EventTypeWarning}[j%2], Reason: "Bench", Message: "benchmark event",
			FirstTimestamp: metav1.Now(), LastTimestamp: metav1.Now(), Count: 1,
		}
		_, err := s.cs.CoreV1().Events(ns).Create(ctx, ev, metav1.CreateOptions{})
		return err
	}
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("bench-%05d", i), Namespace: ns, Labels: map[string]string{"app": "bench", "shard": fmt.Sprint(i % 10)}},
		Spec: corev1.PodSpec{
			NodeName:   fmt.Sprintf("kwok-node-%d", i%nodes+1),
			Containers: []corev1.Container{{Name: "app", Image: "registry.example/bench:1"}},
		},
	}
	_, err := s.cs.CoreV1().Pods(ns).Create(ctx, p, metav1.CreateOptions{})
	return err
}
