package debug

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
)

// Request asks for a debug container in a pod, or a copy of the pod.
type Request struct {
	Namespace string `json:"namespace"`
	Pod       string `json:"pod"`
	// Copy debugs a copy of the pod (kubectl debug --copy-to) instead of
	// adding an ephemeral container to it.
	Copy  bool   `json:"copy,omitempty"`
	Image string `json:"image"`
	// Target: with an ephemeral container, the container whose process
	// namespace it shares ("" for none); with a copy, the container whose
	// image or command the copy changes ("" adds a debug container).
	Target string `json:"target,omitempty"`
	// Command replaces the changed container's command in a copy (empty:
	// a debug container runs the image's own, a changed one keeps its).
	Command []string `json:"command,omitempty"`
	// DeleteCopy deletes the copy when its terminal closes.
	DeleteCopy bool   `json:"deleteCopy,omitempty"`
	Cols       uint16 `json:"cols"`
	Rows       uint16 `json:"rows"`
}

// Created is what a debug request made, for the terminal to attach to.
type Created struct {
	Namespace string `json:"namespace"`
	Pod       string `json:"pod"`
	Container string `json:"container"`
	// Kind is "ephemeral", "copy" or "node-shell".
	Kind string `json:"kind"`
	// UID of a created pod (to delete exactly it).
	UID string `json:"uid,omitempty"`
}

// AddEphemeral adds an ephemeral debug container running image to the pod
// (a strategic merge patch of pods/ephemeralcontainers, as kubectl debug
// does), sharing the process namespace of req.Target when set.
func AddEphemeral(ctx context.Context, cs kubernetes.Interface, req Request) (Created, error) {
	if req.Image == "" {
		return Created{}, errors.New("a debug container needs an image")
	}
	pod, err := cs.CoreV1().Pods(req.Namespace).Get(ctx, req.Pod, metav1.GetOptions{})
	if err != nil {
		return Created{}, fmt.Errorf("read pod %s/%s: %w", req.Namespace, req.Pod, err)
	}
	if req.Target != "" && !slices.ContainsFunc(pod.Spec.Containers, func(c corev1.Container) bool { return c.Name == req.Target }) {
		return Created{}, fmt.Errorf("pod %s has no container %q to target", req.Pod, req.Target)
	}
	ec := corev1.EphemeralContainer{
		EphemeralContainerCommon: corev1.EphemeralContainerCommon{
			Name: freeName(pod, "debugger"), Image: req.Image, Stdin: true, TTY: true,
			TerminationMessagePolicy: corev1.TerminationMessageReadFile,
		},
		TargetContainerName: req.Target,
	}
	patch, err := json.Marshal(map[string]any{"spec": map[string]any{"ephemeralContainers": []corev1.EphemeralContainer{ec}}})
	if err != nil {
		return Created{}, fmt.Errorf("encode the patch: %w", err)
	}
	if _, err := cs.CoreV1().Pods(req.Namespace).Patch(ctx, req.Pod, types.StrategicMergePatchType, patch,
		metav1.PatchOptions{FieldManager: ManagedBy}, "ephemeralcontainers"); err != nil {
		return Created{}, Explain(fmt.Errorf("add a debug container to %s/%s: %w", req.Namespace, req.Pod, err), req.Namespace)
	}
	return Created{Namespace: req.Namespace, Pod: req.Pod, Container: ec.Name, Kind: "ephemeral"}, nil
}

// freeName is base-xxxxx, unused by the pod's containers.
func freeName(pod *corev1.Pod, base string) string {
	used := map[string]bool{}
	for _, c := range pod.Spec.Containers {
		used[c.Name] = true
	}
	for _, c := range pod.Spec.InitContainers {
		used[c.Name] = true
	}
	for _, c := range pod.Spec.EphemeralContainers {
		used[c.Name] = true
	}
	for {
		if n := name(base, "-"); !used[n] {
			return n
		}
	}
}
