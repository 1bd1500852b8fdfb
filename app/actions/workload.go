package actions

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/resources"
)

// Ref names one object.
type Ref struct {
	Group     string `json:"group"`
	Version   string `json:"version"`
	Resource  string `json:"resource"`
	Namespace string `json:"namespace,omitempty"`
	Name      string `json:"name"`
}

func (r Ref) gvr() schema.GroupVersionResource {
	return schema.GroupVersionResource{Group: r.Group, Version: r.Version, Resource: r.Resource}
}

// check refuses a Ref that is not one object's path: the dynamic client
// joins its parts with path.Join, so resource "." and name "secrets" would
// be every Secret (and DELETE on it a deletecollection).
func (r Ref) check() error {
	if r.Name == "" {
		return fmt.Errorf("%w: name is required", resources.ErrInvalidPath)
	}
	return resources.CheckSegments(r.gvr(), r.Namespace, r.Name)
}

// Delete deletes each object with the propagation policy (background,
// foreground or orphan). The objects show as terminating until they go.
func (c Client) Delete(ctx context.Context, refs []Ref, propagation string) []Result {
	policy := metav1.DeletePropagationBackground
	switch propagation {
	case "foreground":
		policy = metav1.DeletePropagationForeground
	case "orphan":
		policy = metav1.DeletePropagationOrphan
	}
	out := make([]Result, 0, len(refs))
	for _, r := range refs {
		res := Result{Kind: r.Resource, Name: r.Name, Namespace: r.Namespace}
		if err := r.check(); err != nil {
			out = append(out, fail(res, err))
			continue
		}
		err := c.Dynamic.Resource(r.gvr()).Namespace(r.Namespace).Delete(ctx, r.Name, metav1.DeleteOptions{PropagationPolicy: &policy})
		if err != nil {
			out = append(out, fail(res, err))
			continue
		}
		res.Action = ActionDeleted
		out = append(out, res)
	}
	return out
}

// Scale sets the replicas of a Deployment, StatefulSet or ReplicaSet
// through its scale subresource.
func (c Client) Scale(ctx context.Context, r Ref, replicas int32) error {
	if replicas < 0 {
		return fmt.Errorf("replicas must be 0 or more")
	}
	if err := r.check(); err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	patch := fmt.Sprintf(`{"spec":{"replicas":%d}}`, replicas)
	_, err := c.Dynamic.Resource(r.gvr()).Namespace(r.Namespace).Patch(ctx, r.Name, types.MergePatchType, []byte(patch),
		metav1.PatchOptions{FieldManager: FieldManager}, "scale")
	if err != nil {
		return fmt.Errorf("scale %s %s: %w", r.Resource, r.Name, err)
	}
	return nil
}

// RestartAnnotation is the pod template annotation `kubectl rollout restart` sets.
const RestartAnnotation = "kubectl.kubernetes.io/restartedAt"

// Restart rolls a Deployment, StatefulSet or DaemonSet out again, the way
// kubectl rollout restart does.
func (c Client) Restart(ctx context.Context, r Ref, now time.Time) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("restart: %w", err)
	}
	patch := map[string]any{"spec": map[string]any{"template": map[string]any{"metadata": map[string]any{
		"annotations": map[string]string{RestartAnnotation: now.Format(time.RFC3339)}}}}}
	b, _ := json.Marshal(patch)
	_, err := c.Dynamic.Resource(r.gvr()).Namespace(r.Namespace).Patch(ctx, r.Name, types.StrategicMergePatchType, b,
		metav1.PatchOptions{FieldManager: FieldManager})
	if err != nil {
		return fmt.Errorf("restart %s %s: %w", r.Resource, r.Name, err)
	}
	return nil
}

// SuspendCronJob suspends or resumes a CronJob.
func SuspendCronJob(ctx context.Context, cs kubernetes.Interface, ns, name string, suspend bool) error {
	patch := fmt.Sprintf(`{"spec":{"suspend":%t}}`, suspend)
	_, err := cs.BatchV1().CronJobs(ns).Patch(ctx, name, types.MergePatchType, []byte(patch), metav1.PatchOptions{FieldManager: FieldManager})
	if err != nil {
		return fmt.Errorf("suspend cronjob %s: %w", name, err)
	}
	return nil
}

// RunCronJob creates a Job from a CronJob's template now, as
// `kubectl create job --from=cronjob/NAME` does, and returns its name.
func RunCronJob(ctx context.Context, cs kubernetes.Interface, ns, name string, now time.Time) (string, error) {
	cj, err := cs.BatchV1().CronJobs(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return "", fmt.Errorf("cronjob %s: %w", name, err)
	}
	jobName := fmt.Sprintf("%s-manual-%d", name, now.Unix())
	if len(jobName) > 63 {
		jobName = jobName[:63]
	}
	annotations := map[string]string{"cronjob.kubernetes.io/instantiate": "manual"}
	for k, v := range cj.Spec.JobTemplate.Annotations {
		annotations[k] = v
	}
	job := &batchv1.Job{
		ObjectMeta: metav1.ObjectMeta{
			Name: jobName, Namespace: ns, Labels: cj.Spec.JobTemplate.Labels, Annotations: annotations,
			OwnerReferences: []metav1.OwnerReference{*metav1.NewControllerRef(cj, batchv1.SchemeGroupVersion.WithKind("CronJob"))},
		},
		Spec: cj.Spec.JobTemplate.Spec,
	}
	if _, err := cs.BatchV1().Jobs(ns).Create(ctx, job, metav1.CreateOptions{FieldManager: FieldManager}); err != nil {
		return "", fmt.Errorf("create job from cronjob %s: %w", name, err)
	}
	return jobName, nil
}
