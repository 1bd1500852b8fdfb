package actions

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes"
	"k8s.io/kubectl/pkg/cmd/util"
	"k8s.io/kubectl/pkg/polymorphichelpers"
)

// Revision is one entry of a Deployment's rollout history.
type Revision struct {
	Revision    int64    `json:"revision"`
	ReplicaSet  string   `json:"replicaSet"`
	ChangeCause string   `json:"changeCause,omitempty"`
	Images      []string `json:"images"`
	Created     string   `json:"created"`
	Current     bool     `json:"current"`
}

const revisionAnnotation = "deployment.kubernetes.io/revision"

// History lists a Deployment's revisions, newest first (its ReplicaSets).
func History(ctx context.Context, cs kubernetes.Interface, ns, name string) ([]Revision, error) {
	d, err := cs.AppsV1().Deployments(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return nil, fmt.Errorf("deployment %s: %w", name, err)
	}
	sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
	if err != nil {
		return nil, err
	}
	rss, err := cs.AppsV1().ReplicaSets(ns).List(ctx, metav1.ListOptions{LabelSelector: sel.String()})
	if err != nil {
		return nil, fmt.Errorf("replicasets of %s: %w", name, err)
	}
	current := d.Annotations[revisionAnnotation]
	var out []Revision
	for _, rs := range rss.Items {
		if !metav1.IsControlledBy(&rs, d) {
			continue
		}
		n, err := strconv.ParseInt(rs.Annotations[revisionAnnotation], 10, 64)
		if err != nil {
			continue
		}
		out = append(out, revisionOf(&rs, n, current))
	}
	slices.SortFunc(out, func(a, b Revision) int { return int(b.Revision - a.Revision) })
	return out, nil
}

func revisionOf(rs *appsv1.ReplicaSet, n int64, current string) Revision {
	r := Revision{Revision: n, ReplicaSet: rs.Name, ChangeCause: rs.Annotations["kubernetes.io/change-cause"],
		Created: rs.CreationTimestamp.UTC().Format("2006-01-02T15:04:05Z"), Current: strconv.FormatInt(n, 10) == current, Images: []string{}}
	for _, c := range rs.Spec.Template.Spec.Containers {
		r.Images = append(r.Images, c.Image)
	}
	return r
}

// Undo rolls a Deployment back to a revision (0: the previous one), with
// kubectl's own rollback code.
func Undo(ctx context.Context, cs kubernetes.Interface, ns, name string, revision int64) (string, error) {
	d, err := cs.AppsV1().Deployments(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return "", fmt.Errorf("deployment %s: %w", name, err)
	}
	rb, err := polymorphichelpers.RollbackerFor(schema.GroupKind{Group: "apps", Kind: "Deployment"}, cs)
	if err != nil {
		return "", err
	}
	msg, err := rb.Rollback(d, nil, revision, util.DryRunNone)
	if err != nil {
		return "", fmt.Errorf("undo %s: %w", name, err)
	}
	return msg, nil
}
