package logs

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/internal/wait"
)

// Options choose what to stream.
type Options struct {
	Namespace string
	// Pod streams one pod; Selector streams every pod it matches.
	Pod      string
	Selector string
	// Container; empty means every container of the pod (init containers included).
	Container    string
	Previous     bool
	Follow       bool
	TailLines    *int64
	SinceSeconds *int64
}

// Line is one log line.
type Line struct {
	Pod       string `json:"pod"`
	Container string `json:"container"`
	// Time is the line's RFC3339Nano timestamp from the kubelet.
	Time string `json:"time"`
	Text string `json:"text"`
}

// Message is one line of the NDJSON stream.
type Message struct {
	// Type is lines, status, heartbeat or error.
	Type    string `json:"type"`
	Lines   []Line `json:"lines,omitempty"`
	Message string `json:"message,omitempty"`
	Pod     string `json:"pod,omitempty"`
}

// Sink receives messages; an error ends the stream.
type Sink func(Message) error

// Streamer streams logs.
type Streamer struct {
	CS kubernetes.Interface
	// Batch is how long lines are gathered before sending.
	Batch time.Duration
}

// Stream sends logs until they end (without Follow), ctx ends, or the sink fails.
func (s *Streamer) Stream(ctx context.Context, o Options, sink Sink) error {
	if s.Batch == 0 {
		s.Batch = 50 * time.Millisecond
	}
	b := newBatcher(sink)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		if err := b.run(ctx, s.Batch); err != nil {
			cancel()
		}
	}()
	var err error
	if o.Selector != "" {
		err = s.workload(ctx, o, b)
	} else {
		err = s.pod(ctx, o, o.Pod, b)
	}
	if ferr := b.flush(); ferr != nil {
		return ferr
	}
	if err != nil && ctx.Err() == nil {
		_ = sink(Message{Type: "error", Message: err.Error()})
		return err
	}
	return b.sinkErr()
}

// pod streams every chosen container of one pod, concurrently.
func (s *Streamer) pod(ctx context.Context, o Options, pod string, b *batcher) error {
	p, err := s.CS.CoreV1().Pods(o.Namespace).Get(ctx, pod, metav1.GetOptions{})
	if err != nil {
		return fmt.Errorf("pod %s/%s: %w", o.Namespace, pod, err)
	}
	containers := []string{o.Container}
	if o.Container == "" {
		containers = containerNames(p)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(containers))
	for i, c := range containers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.container(ctx, o, pod, c, b)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func containerNames(p *corev1.Pod) []string {
	var out []string
	for _, c := range p.Spec.InitContainers {
		out = append(out, c.Name)
	}
	for _, c := range p.Spec.Containers {
		out = append(out, c.Name)
	}
	// As kubectl logs --all-containers: a debug session's output is the
	// pod's too.
	for _, c := range p.Spec.EphemeralContainers {
		out = append(out, c.Name)
	}
	return out
}

// container streams one container, resuming a followed stream that ends
// early from the last timestamp, skipping lines already sent.
func (s *Streamer) container(ctx context.Context, o Options, pod, container string, b *batcher) error {
	var pos position
	for attempt := 0; ; attempt++ {
		opts := &corev1.PodLogOptions{Container: container, Follow: o.Follow, Previous: o.Previous, Timestamps: true,
			TailLines: o.TailLines, SinceSeconds: o.SinceSeconds}
		var from *resumeFrom
		if !pos.at.IsZero() {
			st := metav1.NewTime(pos.at)
			opts.SinceTime, opts.SinceSeconds, opts.TailLines = &st, nil, nil
			from = &resumeFrom{position: pos, skip: pos.n}
		}
		rc, err := s.CS.CoreV1().Pods(o.Namespace).GetLogs(pod, opts).Stream(ctx)
		if err != nil {
			if from != nil && ctx.Err() == nil && attempt < 30 {
				// The pod may be restarting: wait and resume.
				if !wait.Sleep(ctx, time.Second) {
					return nil
				}
				continue
			}
			return fmt.Errorf("logs of %s/%s: %w", pod, container, err)
		}
		pos, err = read(rc, pod, container, pos, from, b)
		rc.Close()
		if ctx.Err() != nil || !o.Follow {
			return nil
		}
		if err == nil && attempt > 0 && pos.at.IsZero() {
			return nil
		}
		_ = b.status(pod, fmt.Sprintf("log stream of %s/%s ended; resuming", pod, container))
		if !wait.Sleep(ctx, 500*time.Millisecond) {
			return nil
		}
	}
}
