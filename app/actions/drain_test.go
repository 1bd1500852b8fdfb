package actions

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func TestDrainHasADefaultTimeout(t *testing.T) {
	if got := (DrainOptions{}).Timeout(); got != DefaultDrainTimeout || got > 10*time.Minute {
		t.Errorf("no timeout given: %v, want the default %v", got, DefaultDrainTimeout)
	}
	if got := (DrainOptions{TimeoutSeconds: 42}).Timeout(); got != 42*time.Second {
		t.Errorf("TimeoutSeconds 42: %v", got)
	}
}

// guardedNode makes a kwok node with one pod that a PDB protects; it
// returns the node, the pod and the PDB's namespace.
func guardedNode(t *testing.T, cs kubernetes.Interface, prefix string) (node, pod, ns string) {
	t.Helper()
	ctx := context.Background()
	node = fmt.Sprintf("%s-%d", prefix, time.Now().UnixNano()%100000)
	res := corev1.ResourceList{corev1.ResourcePods: resource.MustParse("10"), corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("8Gi")}
	if _, err := cs.CoreV1().Nodes().Create(ctx, &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: node, Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"}, Labels: map[string]string{"type": "kwok"}},
		Status:     corev1.NodeStatus{Allocatable: res, Capacity: res},
	}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	ns = "team-b"
	pod = node + "-guarded"
	t.Cleanup(func() {
		_ = cs.CoreV1().Pods(ns).Delete(ctx, pod, metav1.DeleteOptions{GracePeriodSeconds: new(int64)})
		_ = cs.PolicyV1().PodDisruptionBudgets(ns).Delete(ctx, node, metav1.DeleteOptions{})
		_ = cs.CoreV1().Nodes().Delete(ctx, node, metav1.DeleteOptions{})
	})
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: pod, Labels: map[string]string{"guard": node}},
		Spec: corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "c", Image: "x"}}}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	one := intstr.FromInt32(1)
	if _, err := cs.PolicyV1().PodDisruptionBudgets(ns).Create(ctx, &policyv1.PodDisruptionBudget{ObjectMeta: metav1.ObjectMeta{Name: node},
		Spec: policyv1.PodDisruptionBudgetSpec{MinAvailable: &one, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"guard": node}}}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the pod running and the PDB counting it", func() bool {
		p, err := cs.PolicyV1().PodDisruptionBudgets(ns).Get(ctx, node, metav1.GetOptions{})
		return err == nil && p.Status.CurrentHealthy == 1 && p.Status.ObservedGeneration == p.Generation
	})
	return node, pod, ns
}

// A drain blocked by a PDB ends at its timeout and says so; the pod stays.
func TestDrainBlockedByPDBTimesOut(t *testing.T) {
	_, cs := as(t, testcluster.Admin)
	node, pod, ns := guardedNode(t, cs, "drain-timeout")
	start := time.Now()
	err := Drain(context.Background(), cs, node, DrainOptions{Force: true, TimeoutSeconds: 3}, func(Progress) {})
	if err == nil || !strings.Contains(err.Error(), "timed out after 3s") || !strings.Contains(err.Error(), "stays cordoned") {
		t.Fatalf("drain = %v, want it timed out after 3s", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the drain took %v to time out after 3 s", d)
	}
	if _, err := cs.CoreV1().Pods(ns).Get(context.Background(), pod, metav1.GetOptions{}); err != nil {
		t.Errorf("the guarded pod went: %v", err)
	}
}
