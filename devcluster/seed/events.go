package seed

import (
	"context"
	"fmt"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// waitWorkloads waits until every Deployment, StatefulSet and DaemonSet
// has all its replicas ready and every Job has finished, so that no pod
// is still to be created when WaitPodsRunning looks.
func (s *Seeder) waitWorkloads(ctx context.Context, limit time.Duration) error {
	return poll(ctx, "workloads ready", limit, 250*time.Millisecond, func() (bool, string) {
		apps := s.cs.AppsV1()
		deps, err := apps.Deployments("").List(ctx, metav1.ListOptions{})
		if err != nil {
			return false, err.Error()
		}
		for _, d := range deps.Items {
			if d.Spec.Replicas != nil && d.Status.ReadyReplicas < *d.Spec.Replicas {
				return false, "deployment " + d.Namespace + "/" + d.Name
			}
		}
		sets, err := apps.StatefulSets("").List(ctx, metav1.ListOptions{})
		if err != nil {
			return false, err.Error()
		}
		for _, st := range sets.Items {
			if st.Spec.Replicas != nil && st.Status.ReadyReplicas < *st.Spec.Replicas {
				return false, "statefulset " + st.Namespace + "/" + st.Name
			}
		}
		dss, err := apps.DaemonSets("").List(ctx, metav1.ListOptions{})
		if err != nil {
			return false, err.Error()
		}
		for _, ds := range dss.Items {
			if !daemonSetReady(ds) {
				return false, "daemonset " + ds.Namespace + "/" + ds.Name
			}
		}
		jobs, err := s.cs.BatchV1().Jobs("").List(ctx, metav1.ListOptions{})
		if err != nil {
			return false, err.Error()
		}
		for _, j := range jobs.Items {
			if j.Status.CompletionTime == nil && j.Status.Failed == 0 {
				return false, "job " + j.Namespace + "/" + j.Name
			}
		}
		return true, ""
	})
}

func daemonSetReady(ds appsv1.DaemonSet) bool {
	return ds.Status.DesiredNumberScheduled > 0 && ds.Status.NumberReady == ds.Status.DesiredNumberScheduled
}

type demoEvent struct {
	ns, kind, name, apiVersion, typ, reason, msg string
	count                                        int32
}

// demoEvents adds Normal and Warning events about real demo objects,
// among them pods (whose names are only known now).
func (s *Seeder) demoEvents(ctx context.Context) error {
	web, err := s.firstPod(ctx, "team-a", "app=web")
	if err != nil {
		return err
	}
	api, err := s.firstPod(ctx, "team-b", "app=api")
	if err != nil {
		return err
	}
	events := []demoEvent{
		{"team-a", "Deployment", "web", "apps/v1", corev1.EventTypeNormal, "ScalingReplicaSet", "Scaled up replica set web to 3", 1},
		{"team-a", "Pod", web, "v1", corev1.EventTypeNormal, "Pulled", "Container image \"nginx:1.27\" already present on machine", 1},
		{"team-a", "Pod", web, "v1", corev1.EventTypeWarning, "BackOff", "Back-off restarting failed container log-shipper in pod " + web + "_team-a (demo)", 7},
		{"team-a", "Job", "migrate", "batch/v1", corev1.EventTypeNormal, "Completed", "Job completed", 1},
		{"team-b", "Pod", api, "v1", corev1.EventTypeWarning, "FailedScheduling", "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod. (demo)", 3},
		{"team-b", "Deployment", "api", "apps/v1", corev1.EventTypeWarning, "ProgressDeadlineExceeded", "Deployment api has timed out progressing (demo)", 1},
		{"shop", "Pod", "db-0", "v1", corev1.EventTypeWarning, "Unhealthy", "Readiness probe failed: connection refused (demo)", 4},
		{"shop", "StatefulSet", "db", "apps/v1", corev1.EventTypeNormal, "SuccessfulCreate", "create Pod db-1 in StatefulSet db successful", 1},
		{"shop", "Ingress", "shop", "networking.k8s.io/v1", corev1.EventTypeWarning, "Sync", "Error syncing load balancer: no endpoints (demo)", 2},
		{"monitoring", "DaemonSet", "node-exporter", "apps/v1", corev1.EventTypeNormal, "SuccessfulCreate", "Created pods on every node", 1},
	}
	now := time.Now()
	for i, e := range events {
		ev := &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("%s.demo%d", e.name, i), Namespace: e.ns},
			InvolvedObject: corev1.ObjectReference{Kind: e.kind, Name: e.name, Namespace: e.ns, APIVersion: e.apiVersion},
			Type:           e.typ, Reason: e.reason, Message: e.msg, Count: e.count,
			Source:         corev1.EventSource{Component: "kubedeck-demo"},
			FirstTimestamp: metav1.NewTime(now.Add(-time.Duration(e.count) * time.Minute)),
			LastTimestamp:  metav1.NewTime(now),
		}
		_, err := s.cs.CoreV1().Events(e.ns).Create(ctx, ev, metav1.CreateOptions{})
		if err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create event %s/%s: %w", e.ns, ev.Name, err)
		}
	}
	return nil
}

func (s *Seeder) firstPod(ctx context.Context, ns, selector string) (string, error) {
	pods, err := s.cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: selector})
	if err != nil {
		return "", fmt.Errorf("list pods %s in %s: %w", selector, ns, err)
	}
	if len(pods.Items) == 0 {
		return "", fmt.Errorf("no pod %s in %s", selector, ns)
	}
	return pods.Items[0].Name, nil
}
