// Package seed fills a fresh cluster: fake nodes for kwok, RBAC for the
// viewer and developer, the demo workloads and objects, events, and (for
// benchmarks) many pods and events. It waits until the pods run.
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

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
)

//go:embed demo.yaml
var demoYAML []byte

//go:embed widgets.yaml
var widgetsYAML []byte

// Seeder applies content with admin rights.
type Seeder struct {
	cs     kubernetes.Interface
	dyn    dynamic.Interface
	mapper meta.ResettableRESTMapper
	log    *slog.Logger
}

// New returns a seeder for the cluster of cfg.
func New(cfg *rest.Config, log *slog.Logger) (*Seeder, error) {
	cfg = rest.CopyConfig(cfg)
	cfg.QPS, cfg.Burst = 500, 1000
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	mapper := restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(cs.Discovery()))
	return &Seeder{cs: cs, dyn: dyn, mapper: mapper, log: log}, nil
}

// Nodes creates n kwok-managed nodes.
func (s *Seeder) Nodes(ctx context.Context, n int) error {
	for i := 1; i <= n; i++ {
		node := &corev1.Node{
			ObjectMeta: metav1.ObjectMeta{
				Name:        fmt.Sprintf("kwok-node-%d", i),
				Annotations: map[string]string{"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"},
				Labels: map[string]string{"type": "kwok", "kubernetes.io/hostname": fmt.Sprintf("kwok-node-%d", i),
					"kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "topology.kubernetes.io/zone": fmt.Sprintf("zone-%c", 'a'+i-1)},
			},
			Status: corev1.NodeStatus{
				Capacity:    resources("32", "256Gi", "2000"),
				Allocatable: resources("32", "256Gi", "2000"),
			},
		}
		if _, err := s.cs.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("create node %s: %w", node.Name, err)
		}
	}
	return nil
}

func resources(cpu, mem, pods string) corev1.ResourceList {
	return corev1.ResourceList{
		corev1.ResourceCPU:    resource.MustParse(cpu),
		corev1.ResourceMemory: resource.MustParse(mem),
		corev1.ResourcePods:   resource.MustParse(pods),
	}
}

// Demo applies the demo content and waits for its pods to run.
func (s *Seeder) Demo(ctx context.Context) error {
	if err := s.Apply(ctx, demoYAML); err != nil {
		return err
	}
	if err := s.waitCRD(ctx, "widgets.demo.kubedeck.io"); err != nil {
		return err
	}
	s.mapper.Reset()
	if err := s.Apply(ctx, widgetsYAML); err != nil {
		return err
	}
	if err := s.demoEvents(ctx); err != nil {
		return err
	}
	return s.WaitPodsRunning(ctx, 3*time.Minute)
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
		res := s.dyn.Resource(m.Resource)
		var ri dynamic.ResourceInterface = res
		if m.Scope.Name() == meta.RESTScopeNameNamespace {
			ri = res.Namespace(u.GetNamespace())
		}
		data, err := u.MarshalJSON()
		if err != nil {
			return err
		}
		force := true
		if _, err := ri.Patch(ctx, u.GetName(), types.ApplyPatchType, data, metav1.PatchOptions{FieldManager: "devcluster", Force: &force}); err != nil {
			return fmt.Errorf("apply %s %s/%s: %w", gvk.Kind, u.GetNamespace(), u.GetName(), err)
		}
	}
}

func (s *Seeder) waitCRD(ctx context.Context, name string) error {
	gvr := crdGVR()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		u, err := s.dyn.Resource(gvr).Get(ctx, name, metav1.GetOptions{})
		if err == nil {
			conds, _, _ := unstructured.NestedSlice(u.Object, "status", "conditions")
			for _, c := range conds {
				m, _ := c.(map[string]any)
				if m["type"] == "Established" && m["status"] == "True" {
					return nil
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("CRD %s not established after 30s", name)
}

// WaitPodsRunning waits until every pod is Running or Succeeded.
func (s *Seeder) WaitPodsRunning(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	last := ""
	for time.Now().Before(deadline) {
		pods, err := s.cs.CoreV1().Pods("").List(ctx, metav1.ListOptions{ResourceVersion: "0"})
		if err == nil && len(pods.Items) > 0 {
			waiting := 0
			for _, p := range pods.Items {
				if p.Status.Phase != corev1.PodRunning && p.Status.Phase != corev1.PodSucceeded {
					waiting++
					last = fmt.Sprintf("%s/%s is %s", p.Namespace, p.Name, p.Status.Phase)
				}
			}
			if waiting == 0 {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	return fmt.Errorf("pods not running after %v (%s)", limit, last)
}
