package actions

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/kubectl/pkg/drain"
)

// Cordon marks a node unschedulable (or schedulable again).
func Cordon(ctx context.Context, cs kubernetes.Interface, node string, unschedulable bool) error {
	n, err := cs.CoreV1().Nodes().Get(ctx, node, metav1.GetOptions{})
	if err != nil {
		return fmt.Errorf("node %s: %w", node, err)
	}
	h := &drain.Helper{Ctx: ctx, Client: cs, Out: io.Discard, ErrOut: io.Discard}
	if err := drain.RunCordonOrUncordon(h, n, unschedulable); err != nil {
		return fmt.Errorf("cordon %s: %w", node, err)
	}
	return nil
}

// DrainOptions are kubectl drain's choices.
type DrainOptions struct {
	// Force also deletes pods no controller manages (they are lost).
	Force bool `json:"force"`
	// DeleteEmptyDirData allows evicting pods with emptyDir volumes.
	DeleteEmptyDirData bool `json:"deleteEmptyDirData"`
	// GracePeriodSeconds; -1 uses each pod's own.
	GracePeriodSeconds int `json:"gracePeriodSeconds"`
	// TimeoutSeconds bounds the whole drain; 0 means DefaultDrainTimeout.
	TimeoutSeconds int `json:"timeoutSeconds"`
}

// DefaultDrainTimeout bounds a drain whose options name no timeout, so a
// drain blocked by a PodDisruptionBudget cannot go on evicting for ever.
const DefaultDrainTimeout = 5 * time.Minute

// Timeout is how long the drain may take.
func (o DrainOptions) Timeout() time.Duration {
	if o.TimeoutSeconds <= 0 {
		return DefaultDrainTimeout
	}
	return time.Duration(o.TimeoutSeconds) * time.Second
}

// Progress is one step of a drain.
type Progress struct {
	// Type is cordoned, pods, evicting, evicted, waiting, done or error.
	Type      string   `json:"type"`
	Pod       string   `json:"pod,omitempty"`
	Namespace string   `json:"namespace,omitempty"`
	Pods      []string `json:"pods,omitempty"`
	Message   string   `json:"message,omitempty"`
}

// Drain cordons the node and evicts its pods through the Eviction API, so
// PodDisruptionBudgets are respected (a blocked eviction is retried and
// reported), DaemonSet pods are skipped, as `kubectl drain
// --ignore-daemonsets` does. It stops cleanly when ctx is cancelled or
// o.Timeout() has passed (the node stays cordoned).
func Drain(ctx context.Context, cs kubernetes.Interface, node string, o DrainOptions, progress func(Progress)) error {
	limit := o.Timeout()
	ctx, cancel := context.WithTimeoutCause(ctx, limit, errDrainTimeout)
	defer cancel()
	err := drainNode(ctx, cs, node, o, progress)
	if err != nil && ctx.Err() != nil {
		if errors.Is(context.Cause(ctx), errDrainTimeout) {
			return fmt.Errorf("drain of %s timed out after %v; the node stays cordoned", node, limit)
		}
		return fmt.Errorf("drain of %s cancelled; the node stays cordoned", node)
	}
	return err
}

var errDrainTimeout = errors.New("drain timed out")

func drainNode(ctx context.Context, cs kubernetes.Interface, node string, o DrainOptions, progress func(Progress)) error {
	errw := &progressWriter{progress: progress}
	h := &drain.Helper{
		Ctx: ctx, Client: cs, Force: o.Force, GracePeriodSeconds: o.GracePeriodSeconds,
		IgnoreAllDaemonSets: true, DeleteEmptyDirData: o.DeleteEmptyDirData, EvictErrorRetryDelay: 2 * time.Second,
		Out: io.Discard, ErrOut: errw,
		OnPodDeletionOrEvictionStarted: func(p *corev1.Pod, _ bool) {
			progress(Progress{Type: "evicting", Pod: p.Name, Namespace: p.Namespace})
		},
		OnPodDeletionOrEvictionFinished: func(p *corev1.Pod, _ bool, err error) {
			if err != nil {
				progress(Progress{Type: "error", Pod: p.Name, Namespace: p.Namespace, Message: err.Error()})
				return
			}
			progress(Progress{Type: "evicted", Pod: p.Name, Namespace: p.Namespace})
		},
	}
	if err := Cordon(ctx, cs, node, true); err != nil {
		return err
	}
	progress(Progress{Type: "cordoned", Message: node + " no longer takes new pods"})
	list, errs := h.GetPodsForDeletion(node)
	if len(errs) > 0 {
		return fmt.Errorf("cannot drain %s: %w", node, errors.Join(errs...))
	}
	names := []string{}
	for _, p := range list.Pods() {
		names = append(names, p.Namespace+"/"+p.Name)
	}
	progress(Progress{Type: "pods", Pods: names, Message: list.Warnings()})
	if err := h.DeleteOrEvictPods(list.Pods()); err != nil {
		return fmt.Errorf("drain %s: %w", node, err)
	}
	progress(Progress{Type: "done", Message: node + " is drained"})
	return nil
}

// progressWriter turns drain's retry messages ("Cannot evict pod as it
// would violate the pod's disruption budget") into waiting steps.
type progressWriter struct{ progress func(Progress) }

func (w *progressWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		if line != "" {
			w.progress(Progress{Type: "waiting", Message: line})
		}
	}
	return len(p), nil
}
