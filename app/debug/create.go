package debug

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// create makes pod, recording it in l first (nil l: not recorded), so an
// app that dies right after still finds it at its next start; a failed
// creation drops the record.
func create(ctx context.Context, cs kubernetes.Interface, l *Ledger, contextName string, pod *corev1.Pod, container string) (Created, error) {
	kind := pod.Labels[LabelDebug]
	if l != nil {
		if err := l.Add(Entry{Context: contextName, Namespace: pod.Namespace, Name: pod.Name, Kind: kind, Source: pod.Annotations[AnnotationSource]}); err != nil {
			return Created{}, err
		}
	}
	made, err := cs.CoreV1().Pods(pod.Namespace).Create(ctx, pod, metav1.CreateOptions{FieldManager: ManagedBy})
	if err != nil {
		if l != nil {
			_ = l.Remove(contextName, pod.Namespace, pod.Name)
		}
		what := "a copy of " + pod.Annotations[AnnotationSource]
		if kind == KindNodeShell {
			what = "a node shell pod for " + pod.Annotations[AnnotationSource]
		}
		return Created{}, Explain(fmt.Errorf("create %s in %s: %w", what, pod.Namespace, err), pod.Namespace)
	}
	return Created{Namespace: made.Namespace, Pod: made.Name, Container: container, Kind: kind, UID: string(made.UID)}, nil
}
