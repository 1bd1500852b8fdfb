// Package seed fills a fresh cluster: kwok nodes and the RBAC of the viewer
// and developer (Base), the demo workloads, objects and events (Demo), the
// demo's Helm releases written with the Helm SDK (Helm), and many pods,
// events and Helm releases for benchmarks (Bench). Each waits until its pods
// run. Everything is applied server-side and Helm releases that exist are
// kept, so seeding a reused data folder again is harmless.
package seed

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	authorizationv1 "k8s.io/api/authorization/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
)

var (
	//go:embed base.yaml
	baseYAML []byte
	//go:embed demo.yaml
	demoYAML []byte
	//go:embed widgets.yaml
	widgetsYAML []byte
)

// Seeder applies content with admin rights.
type Seeder struct {
	cs     kubernetes.Interface
	dyn    dynamic.Interface
	mapper meta.ResettableRESTMapper
	helm   *helmClients // the Helm SDK's clients
	log    *slog.Logger
}

// New returns a seeder for the cluster of cfg (an admin's config).
func New(cfg *rest.Config, log *slog.Logger) (*Seeder, error) {
	cfg = rest.CopyConfig(cfg)
	cfg.QPS, cfg.Burst = 500, 1000
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("dynamic client: %w", err)
	}
	mapper := restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(cs.Discovery()))
	return &Seeder{cs: cs, dyn: dyn, mapper: mapper, helm: newHelmClients(cfg), log: log}, nil
}

// NodeOptions shape the kwok nodes.
type NodeOptions struct {
	Count int // nodes kwok-node-1..Count
	Pods  int // pod capacity of each
}

// Base creates the kwok nodes, waits until kwok reports them Ready, and
// applies base.yaml (namespace team-a and the RBAC bindings).
func (s *Seeder) Base(ctx context.Context, o NodeOptions) error {
	for i := 1; i <= o.Count; i++ {
		name := fmt.Sprintf("kwok-node-%d", i)
		node := &corev1.Node{
			ObjectMeta: metav1.ObjectMeta{
				Name: name,
				// kwok manages the nodes with this annotation (--manage-nodes-with-annotation-selector).
				Annotations: map[string]string{"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"},
				Labels: map[string]string{
					"type": "kwok", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
					"topology.kubernetes.io/zone": fmt.Sprintf("zone-%c", 'a'+(i-1)%26),
					"node.kubedeck.io/pool":       []string{"general", "general", "highmem"}[(i-1)%3],
				},
			},
			Status: corev1.NodeStatus{
				Capacity:    resources("32", "256Gi", o.Pods),
				Allocatable: resources("32", "256Gi", o.Pods),
			},
		}
		if _, err := s.cs.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create node %s: %w", name, err)
		}
	}
	if err := s.Apply(ctx, baseYAML); err != nil {
		return err
	}
	if err := s.waitRBAC(ctx); err != nil {
		return err
	}
	return s.waitNodesReady(ctx, o.Count, time.Minute)
}

// waitRBAC waits until the viewer and developer bindings take effect: the
// ClusterRoles view and edit are aggregated (view also from base.yaml's
// kubedeck:widgets-view), and controller-manager fills their rules only a
// moment after it starts.
func (s *Seeder) waitRBAC(ctx context.Context) error {
	checks := []authorizationv1.SubjectAccessReviewSpec{
		{User: "viewer", Groups: []string{"kubedeck:viewers"},
			ResourceAttributes: &authorizationv1.ResourceAttributes{Verb: "list", Resource: "pods"}},
		{User: "developer", Groups: []string{"kubedeck:developers"},
			ResourceAttributes: &authorizationv1.ResourceAttributes{Verb: "create", Group: "apps", Resource: "deployments", Namespace: "team-a"}},
		// kubedeck:widgets-view aggregated into view.
		{User: "viewer", Groups: []string{"kubedeck:viewers"},
			ResourceAttributes: &authorizationv1.ResourceAttributes{Verb: "list", Group: "demo.kubedeck.io", Resource: "widgets"}},
	}
	return poll(ctx, "viewer and developer RBAC in effect", 30*time.Second, 100*time.Millisecond, func() (bool, string) {
		for _, spec := range checks {
			r, err := s.cs.AuthorizationV1().SubjectAccessReviews().Create(ctx,
				&authorizationv1.SubjectAccessReview{Spec: spec}, metav1.CreateOptions{})
			if err != nil {
				return false, err.Error()
			}
			if !r.Status.Allowed {
				return false, fmt.Sprintf("%s cannot %s %s yet", spec.User, spec.ResourceAttributes.Verb, spec.ResourceAttributes.Resource)
			}
		}
		return true, ""
	})
}

func resources(cpu, mem string, pods int) corev1.ResourceList {
	return corev1.ResourceList{
		corev1.ResourceCPU:    resource.MustParse(cpu),
		corev1.ResourceMemory: resource.MustParse(mem),
		corev1.ResourcePods:   *resource.NewQuantity(int64(pods), resource.DecimalSI),
	}
}

// Demo applies the demo content, waits for its pods to run, then adds
// events about them.
func (s *Seeder) Demo(ctx context.Context) error {
	if err := s.Apply(ctx, demoYAML); err != nil {
		return err
	}
	if err := s.waitCRD(ctx, "widgets.demo.kubedeck.io"); err != nil {
		return err
	}
	if err := s.waitServed(ctx, schema.GroupVersionKind{Group: "demo.kubedeck.io", Version: "v1", Kind: "Widget"}); err != nil {
		return err
	}
	if err := s.Apply(ctx, widgetsYAML); err != nil {
		return err
	}
	if err := s.waitWorkloads(ctx, 3*time.Minute); err != nil {
		return err
	}
	if err := s.WaitPodsRunning(ctx, time.Minute); err != nil {
		return err
	}
	return s.demoEvents(ctx)
}

// Apply server-side-applies every document of a multi-document YAML.
func (s *Seeder) Apply(ctx context.Context, manifest []byte) error {
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(manifest), 4096)
	for {
		var u unstructured.Unstructured
		if err := dec.Decode(&u.Object); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("decode manifest: %w", err)
		}
		if len(u.Object) == 0 {
			continue
		}
		gvk := u.GroupVersionKind()
		m, err := s.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
		if err != nil {
			return fmt.Errorf("map %s: %w", gvk, err)
		}
		var ri dynamic.ResourceInterface = s.dyn.Resource(m.Resource)
		if m.Scope.Name() == meta.RESTScopeNameNamespace {
			ri = s.dyn.Resource(m.Resource).Namespace(u.GetNamespace())
		}
		data, err := u.MarshalJSON()
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", gvk.Kind, u.GetName(), err)
		}
		force := true
		if _, err := ri.Patch(ctx, u.GetName(), types.ApplyPatchType, data, metav1.PatchOptions{FieldManager: "devcluster", Force: &force}); err != nil {
			return fmt.Errorf("apply %s %s/%s: %w", gvk.Kind, u.GetNamespace(), u.GetName(), err)
		}
	}
}

// poll calls done every interval until it says true, ctx ends or limit
// passes; then the error names what was awaited and its last state.
func poll(ctx context.Context, what string, limit, interval time.Duration, done func() (bool, string)) error {
	deadline := time.Now().Add(limit)
	last := ""
	for {
		ok, state := done()
		if ok {
			return nil
		}
		if state != "" {
			last = state
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: not done after %v (%s)", what, limit, last)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", what, ctx.Err())
		case <-time.After(interval):
		}
	}
}

// waitServed waits until discovery serves gvk. A CRD is Established before
// the API server's discovery lists its group (that is updated on its own
// shortly after), so the mapper is reset and asked again until it knows it.
func (s *Seeder) waitServed(ctx context.Context, gvk schema.GroupVersionKind) error {
	return poll(ctx, gvk.String()+" in discovery", 30*time.Second, 50*time.Millisecond, func() (bool, string) {
		s.mapper.Reset()
		if _, err := s.mapper.RESTMapping(gvk.GroupKind(), gvk.Version); err != nil {
			return false, err.Error()
		}
		return true, ""
	})
}

func (s *Seeder) waitCRD(ctx context.Context, name string) error {
	gvr := schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}
	return poll(ctx, "CRD "+name+" established", 30*time.Second, 100*time.Millisecond, func() (bool, string) {
		u, err := s.dyn.Resource(gvr).Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return false, err.Error()
		}
		conds, _, _ := unstructured.NestedSlice(u.Object, "status", "conditions")
		for _, c := range conds {
			if m, _ := c.(map[string]any); m["type"] == "Established" && m["status"] == "True" {
				return true, ""
			}
		}
		return false, "not established"
	})
}

func (s *Seeder) waitNodesReady(ctx context.Context, n int, limit time.Duration) error {
	return poll(ctx, fmt.Sprintf("%d nodes Ready", n), limit, 200*time.Millisecond, func() (bool, string) {
		nodes, err := s.cs.CoreV1().Nodes().List(ctx, metav1.ListOptions{LabelSelector: "type=kwok"})
		if err != nil {
			return false, err.Error()
		}
		ready := 0
		for _, node := range nodes.Items {
			for _, c := range node.Status.Conditions {
				if c.Type == corev1.NodeReady && c.Status == corev1.ConditionTrue {
					ready++
				}
			}
		}
		return ready >= n, fmt.Sprintf("%d of %d Ready", ready, n)
	})
}

// WaitPodsRunning waits until every pod is Running or Succeeded.
func (s *Seeder) WaitPodsRunning(ctx context.Context, limit time.Duration) error {
	return poll(ctx, "pods Running", limit, 250*time.Millisecond, func() (bool, string) {
		pods, err := s.cs.CoreV1().Pods("").List(ctx, metav1.ListOptions{ResourceVersion: "0"})
		if err != nil {
			return false, err.Error()
		}
		waiting, last := 0, ""
		for _, p := range pods.Items {
			if p.Status.Phase != corev1.PodRunning && p.Status.Phase != corev1.PodSucceeded {
				waiting++
				last = fmt.Sprintf("%s/%s is %s", p.Namespace, p.Name, p.Status.Phase)
			}
		}
		return waiting == 0 && len(pods.Items) > 0, fmt.Sprintf("%d waiting, e.g. %s", waiting, last)
	})
}
