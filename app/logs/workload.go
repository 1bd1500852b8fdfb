package logs

import (
	"context"
	"fmt"
	"sync"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
)

// maxPods bounds how many pods one workload stream follows.
const maxPods = 50

// workload streams every pod matching the selector, and (when following)
// pods that appear later, each line tagged with its pod.
func (s *Streamer) workload(ctx context.Context, o Options, b *batcher) error {
	pods := s.CS.CoreV1().Pods(o.Namespace)
	list, err := pods.List(ctx, metav1.ListOptions{LabelSelector: o.Selector})
	if err != nil {
		return fmt.Errorf("pods matching %q: %w", o.Selector, err)
	}
	var wg sync.WaitGroup
	started := map[string]bool{}
	start := func(name string) {
		if started[name] {
			return
		}
		if len(started) >= maxPods {
			_ = b.status(name, fmt.Sprintf("following the first %d pods only", maxPods))
			return
		}
		started[name] = true
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.pod(ctx, o, name, b); err != nil && ctx.Err() == nil {
				_ = b.status(name, err.Error())
			}
		}()
	}
	for _, p := range list.Items {
		if p.Status.Phase != corev1.PodPending {
			start(p.Name)
		}
	}
	if o.Follow {
		w, err := pods.Watch(ctx, metav1.ListOptions{LabelSelector: o.Selector, ResourceVersion: list.ResourceVersion})
		if err != nil {
			return fmt.Errorf("watch pods matching %q: %w", o.Selector, err)
		}
		defer w.Stop()
		for ev := range w.ResultChan() {
			p, ok := ev.Object.(*corev1.Pod)
			if !ok || ev.Type == watch.Deleted || p.Status.Phase == corev1.PodPending {
				continue
			}
			if !started[p.Name] {
				_ = b.status(p.Name, "new pod "+p.Name)
				start(p.Name)
			}
		}
	}
	wg.Wait()
	return nil
}
