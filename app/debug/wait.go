package debug

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/client-go/kubernetes"
)

// startLimit bounds the wait for a container to start (image pulls).
const startLimit = 3 * time.Minute

// noStatusGrace is how long a running pod may report no state at all for
// the container before the terminal connects anyway: kubelets report an
// ephemeral container within a second; simulated nodes (kwok) never do.
const noStatusGrace = 3 * time.Second

// failing are the waiting reasons that will not resolve by waiting.
var failing = map[string]bool{
	"ErrImagePull": true, "ImagePullBackOff": true, "InvalidImageName": true, "ErrImageNeverPull": true,
	"CreateContainerConfigError": true, "CreateContainerError": true, "RunContainerError": true, "CrashLoopBackOff": true,
}

// WaitRunning follows pod until container runs, writing each state it
// passes (scheduling, image pull) to w as terminal lines. It fails when
// the container cannot start, the pod ended or went away, or after
// startLimit.
func WaitRunning(ctx context.Context, cs kubernetes.Interface, namespace, pod, container string, w io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, startLimit)
	defer cancel()
	fmt.Fprintf(w, "Waiting for container %s in pod %s to start…\r\n", container, pod)
	var noStatusSince time.Time
	last := ""
	for {
		p, err := cs.CoreV1().Pods(namespace).Get(ctx, pod, metav1.GetOptions{})
		if err != nil {
			return fmt.Errorf("read pod %s: %w", pod, err)
		}
		state, done, err := containerState(p, container)
		if err != nil || done {
			return err
		}
		if state == "" && p.Status.Phase == corev1.PodRunning {
			if noStatusSince.IsZero() {
				noStatusSince = time.Now()
			} else if time.Since(noStatusSince) > noStatusGrace {
				fmt.Fprintf(w, "The cluster reports no state for %s; connecting.\r\n", container)
				return nil
			}
		}
		if state != "" && state != last {
			fmt.Fprintf(w, "%s\r\n", state)
			last = state
		}
		if err := waitChange(ctx, cs, p); err != nil {
			return err
		}
	}
}

// containerState describes where container is; done when it runs.
func containerState(p *corev1.Pod, container string) (string, bool, error) {
	if p.DeletionTimestamp != nil {
		return "", false, fmt.Errorf("pod %s is being deleted", p.Name)
	}
	if p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed {
		return "", false, fmt.Errorf("pod %s has ended (%s): %s", p.Name, p.Status.Phase, p.Status.Message)
	}
	all := append(append([]corev1.ContainerStatus{}, p.Status.ContainerStatuses...), p.Status.EphemeralContainerStatuses...)
	for _, s := range all {
		if s.Name != container {
			continue
		}
		switch {
		case s.State.Running != nil:
			return "", true, nil
		case s.State.Terminated != nil:
			t := s.State.Terminated
			return "", false, fmt.Errorf("container %s exited (%s, code %d) %s", container, t.Reason, t.ExitCode, t.Message)
		case s.State.Waiting != nil && failing[s.State.Waiting.Reason]:
			return "", false, fmt.Errorf("container %s cannot start: %s: %s", container, s.State.Waiting.Reason, s.State.Waiting.Message)
		case s.State.Waiting != nil:
			return "Container " + container + ": " + s.State.Waiting.Reason + "…", false, nil
		}
	}
	if p.Spec.NodeName == "" {
		return "Waiting for the pod to be scheduled…", false, nil
	}
	return "", false, nil
}

// waitChange waits for pod p to change (a watch from its resourceVersion),
// at most a second, so a state that never changes is still looked at again.
func waitChange(ctx context.Context, cs kubernetes.Interface, p *corev1.Pod) error {
	wctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	wi, err := cs.CoreV1().Pods(p.Namespace).Watch(wctx, metav1.ListOptions{
		FieldSelector: fields.OneTermEqualSelector("metadata.name", p.Name).String(), ResourceVersion: p.ResourceVersion,
	})
	if err != nil {
		if ctx.Err() != nil {
			return waitErr(ctx)
		}
		return nil // looked at again by Get
	}
	defer wi.Stop()
	select {
	case <-wi.ResultChan():
	case <-wctx.Done():
	}
	if ctx.Err() != nil {
		return waitErr(ctx)
	}
	return nil
}

func waitErr(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("the container did not start within %s", startLimit)
	}
	return ctx.Err()
}
