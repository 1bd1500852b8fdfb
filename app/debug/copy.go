package debug

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// CopyPod returns the copy kubectl debug --copy-to would make of pod: a new
// name, no labels, annotations or owners (so no Service, ReplicaSet or
// PodDisruptionBudget counts it), not pinned to the original's node, probes
// removed (a debugged process must not be restarted under the user),
// process namespace shared, and either req.Target changed (image, command)
// or a debug container added. It returns the copy and the container to
// attach to.
func CopyPod(pod *corev1.Pod, req Request) (*corev1.Pod, string, error) {
	c := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Name: name(pod.Name, "-debug-"), Namespace: pod.Namespace, Labels: labels(KindCopy),
			Annotations: map[string]string{AnnotationSource: pod.Name},
		},
		Spec: *pod.Spec.DeepCopy(),
	}
	c.Spec.NodeName = ""
	c.Spec.EphemeralContainers = nil
	share := true
	c.Spec.ShareProcessNamespace = &share
	for i := range c.Spec.Containers {
		c.Spec.Containers[i].LivenessProbe, c.Spec.Containers[i].ReadinessProbe, c.Spec.Containers[i].StartupProbe = nil, nil, nil
	}
	if req.Target == "" {
		if req.Image == "" {
			return nil, "", fmt.Errorf("a debug container needs an image")
		}
		dc := corev1.Container{
			Name: freeName(pod, "debugger"), Image: req.Image, Command: req.Command, Stdin: true, TTY: true,
			TerminationMessagePolicy: corev1.TerminationMessageReadFile,
		}
		c.Spec.Containers = append(c.Spec.Containers, dc)
		return c, dc.Name, nil
	}
	for i := range c.Spec.Containers {
		t := &c.Spec.Containers[i]
		if t.Name != req.Target {
			continue
		}
		if req.Image != "" {
			t.Image = req.Image
		}
		if len(req.Command) > 0 {
			t.Command, t.Args = req.Command, nil
		}
		t.Stdin, t.TTY = true, true
		return c, t.Name, nil
	}
	return nil, "", fmt.Errorf("pod %s has no container %q to change", pod.Name, req.Target)
}

// CreateCopy creates the copy of req.Pod (see CopyPod), recorded in l
// for deletion when req.DeleteCopy.
func CreateCopy(ctx context.Context, cs kubernetes.Interface, l *Ledger, contextName string, req Request) (Created, error) {
	pod, err := cs.CoreV1().Pods(req.Namespace).Get(ctx, req.Pod, metav1.GetOptions{})
	if err != nil {
		return Created{}, fmt.Errorf("read pod %s/%s: %w", req.Namespace, req.Pod, err)
	}
	cp, container, err := CopyPod(pod, req)
	if err != nil {
		return Created{}, err
	}
	if !req.DeleteCopy {
		l = nil
	}
	return create(ctx, cs, l, contextName, cp, container)
}
