package rbaclive

import (
	"context"
	"fmt"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// Settle is how long changes are gathered before the matrix is rebuilt:
// applying a role and its binding rebuilds once.
const Settle = 150 * time.Millisecond

// Watch sends the matrix of namespace ("" for cluster-wide grants) to
// send once the RBAC objects are listed and again after each change
// (changes within Settle coalesced), until ctx ends (nil) or send fails
// (its error). Collections the user may not list are left out and named
// in the matrix's Missing; errors client-go recovers from by itself (a
// dropped watch, relisted) go to problem.
func (c *Client) Watch(ctx context.Context, namespace string, send func(rbac.Matrix) error, problem func(error)) error {
	allowed, missing, err := c.probe(ctx, namespace)
	if err != nil {
		return err
	}
	cluster := informers.NewSharedInformerFactory(c.cs, 0)
	local := informers.NewSharedInformerFactoryWithOptions(c.cs, 0, informers.WithNamespace(namespace))
	defer cluster.Shutdown()
	defer local.Shutdown()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // before Shutdown, which waits for the informers

	changed := make(chan struct{}, 1)
	notify := func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	handler := cache.ResourceEventHandlerFuncs{
		AddFunc:    func(any) { notify() },
		UpdateFunc: func(any, any) { notify() },
		DeleteFunc: func(any) { notify() },
	}
	r, l := cluster.Rbac().V1(), local.Rbac().V1()
	var synced []cache.InformerSynced
	var fills []func(*rbac.Snapshot)
	for _, k := range allowed {
		var inf cache.SharedIndexInformer
		switch k {
		case "clusterroles":
			inf = r.ClusterRoles().Informer()
			lister := r.ClusterRoles().Lister()
			fills = append(fills, func(s *rbac.Snapshot) { s.ClusterRoles = items(lister.List) })
		case "clusterrolebindings":
			inf = r.ClusterRoleBindings().Informer()
			lister := r.ClusterRoleBindings().Lister()
			fills = append(fills, func(s *rbac.Snapshot) { s.ClusterRoleBindings = items(lister.List) })
		case "roles":
			inf = l.Roles().Informer()
			lister := l.Roles().Lister()
			fills = append(fills, func(s *rbac.Snapshot) { s.Roles = items(lister.List) })
		case "rolebindings":
			inf = l.RoleBindings().Informer()
			lister := l.RoleBindings().Lister()
			fills = append(fills, func(s *rbac.Snapshot) { s.RoleBindings = items(lister.List) })
		}
		if err := inf.SetWatchErrorHandlerWithContext(func(_ context.Context, _ *cache.Reflector, err error) { problem(err) }); err != nil {
			return fmt.Errorf("watch %s: %w", k, err)
		}
		if _, err := inf.AddEventHandler(handler); err != nil {
			return fmt.Errorf("watch %s: %w", k, err)
		}
		synced = append(synced, inf.HasSynced)
	}
	snapshot := func() rbac.Snapshot {
		s := rbac.Snapshot{Missing: missing}
		for _, fill := range fills {
			fill(&s)
		}
		return s
	}
	cluster.Start(ctx.Done())
	local.Start(ctx.Done())
	if !cache.WaitForCacheSync(ctx.Done(), synced...) {
		return nil // ctx ended first
	}
	return c.follow(ctx, namespace, snapshot, changed, send)
}

// follow sends a matrix now and after each settled change.
func (c *Client) follow(ctx context.Context, namespace string, snapshot func() rbac.Snapshot, changed <-chan struct{}, send func(rbac.Matrix) error) error {
	for {
		cols, err := c.Columns(namespace != "")
		if err != nil {
			return err
		}
		if err := send(rbac.Build(snapshot(), namespace, cols)); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-changed:
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(Settle):
		}
	}
}

// probe sorts the collections of namespace into those the user may list
// and the sentences for those it may not.
func (c *Client) probe(ctx context.Context, namespace string) (allowed, missing []string, err error) {
	r := c.cs.RbacV1()
	one := metav1.ListOptions{Limit: 1}
	for _, k := range kinds(namespace) {
		var e error
		switch k {
		case "clusterroles":
			_, e = r.ClusterRoles().List(ctx, one)
		case "clusterrolebindings":
			_, e = r.ClusterRoleBindings().List(ctx, one)
		case "roles":
			_, e = r.Roles(namespace).List(ctx, one)
		case "rolebindings":
			_, e = r.RoleBindings(namespace).List(ctx, one)
		}
		switch {
		case e == nil:
			allowed = append(allowed, k)
		case apierrors.IsForbidden(e):
			missing = append(missing, needs(k, namespace))
		default:
			return nil, nil, fmt.Errorf("list %s: %w", k, e)
		}
	}
	return allowed, missing, nil
}

// items copies what an informer's lister holds.
func items[T any](list func(labels.Selector) ([]*T, error)) []T {
	got, _ := list(labels.Everything()) // a cache lister never fails
	out := make([]T, len(got))
	for i, x := range got {
		out[i] = *x
	}
	return out
}
