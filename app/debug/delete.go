package debug

import (
	"context"
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// DeletePod deletes a debug pod this package created (refusing any other
// pod), at once (grace period 0: a debug shell has nothing to shut down),
// and only the one of uid when given. A pod already gone is not an error.
func DeletePod(ctx context.Context, cs kubernetes.Interface, namespace, name, uid string) error {
	pod, err := cs.CoreV1().Pods(namespace).Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read pod %s/%s: %w", namespace, name, err)
	}
	if !IsDebugPod(pod.Labels) {
		return fmt.Errorf("pod %s/%s is not a Kubedeck debug pod; delete it from its details page", namespace, name)
	}
	if uid != "" && string(pod.UID) != uid {
		return nil // the pod of that name now is another one: ours is gone
	}
	grace := int64(0)
	u := pod.UID
	err = cs.CoreV1().Pods(namespace).Delete(ctx, name, metav1.DeleteOptions{
		GracePeriodSeconds: &grace, Preconditions: &metav1.Preconditions{UID: &u},
	})
	if err != nil && !apierrors.IsNotFound(err) {
		return Explain(fmt.Errorf("delete pod %s/%s: %w", namespace, name, err), namespace)
	}
	return nil
}
