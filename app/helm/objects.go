package helm

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/yaml"
)

// Live states of a release's object.
const (
	StatePresent     = "present"
	StateMissing     = "missing"
	StateForbidden   = "forbidden"
	StateUnknownKind = "unknown-kind"
	StateError       = "error"
)

// ObjectState is a manifest object beside its live form.
type ObjectState struct {
	Object
	// Group, Version and Resource locate it ("" when the cluster does not
	// serve its kind); Namespaced is its scope.
	Group      string `json:"group"`
	Version    string `json:"version"`
	Resource   string `json:"resource"`
	Namespaced bool   `json:"namespaced"`
	State      string `json:"state"`
	// Drifted is true when a field the manifest sets has another value
	// live (or is gone).
	Drifted bool   `json:"drifted"`
	Message string `json:"message"`
	live    map[string]any
}

// Drift is one object's rendered form beside the same fields of its live
// form (and the whole live object, server fields left out), as YAML.
type Drift struct {
	Object   ObjectState `json:"object"`
	Rendered string      `json:"rendered"`
	// LiveFields is the live object cut to the fields the manifest sets:
	// a diff of Rendered and LiveFields is the drift.
	LiveFields string `json:"liveFields"`
	Live       string `json:"live"`
}

// maxParallelGets bounds the GETs one Objects call runs at once.
const maxParallelGets = 8

// Objects reads every object of ref's newest manifest from the cluster.
func (c *Client) Objects(ctx context.Context, ref Ref) ([]ObjectState, error) {
	d, err := c.Details(ref)
	if err != nil {
		return nil, err
	}
	objs, err := parseManifest(d.Manifest, ref.Namespace)
	if err != nil {
		return nil, err
	}
	out := make([]ObjectState, len(objs))
	sem := make(chan struct{}, maxParallelGets)
	var wg sync.WaitGroup
	for i, o := range objs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = c.stateOf(ctx, o)
		}()
	}
	wg.Wait()
	for i := range out {
		out[i].live = nil
	}
	return out, nil
}

// Drift compares object index (in the manifest's order) of ref's newest
// revision with its live form.
func (c *Client) Drift(ctx context.Context, ref Ref, index int) (Drift, error) {
	d, err := c.Details(ref)
	if err != nil {
		return Drift{}, err
	}
	objs, err := parseManifest(d.Manifest, ref.Namespace)
	if err != nil {
		return Drift{}, err
	}
	if index < 0 || index >= len(objs) {
		return Drift{}, fmt.Errorf("release %s has no object %d (it has %d)", ref.Name, index, len(objs))
	}
	st := c.stateOf(ctx, objs[index])
	out := Drift{Object: st}
	if out.Rendered, err = yamlOf(st.rendered); err != nil {
		return Drift{}, err
	}
	if st.live != nil {
		if out.LiveFields, err = yamlOf(project(st.rendered, st.live)); err != nil {
			return Drift{}, err
		}
		if out.Live, err = yamlOf(withoutServerFields(st.live)); err != nil {
			return Drift{}, err
		}
	}
	st.live = nil
	out.Object = st
	return out, nil
}

// stateOf reads one object live and compares it with its rendered form.
func (c *Client) stateOf(ctx context.Context, o Object) ObjectState {
	st := ObjectState{Object: o}
	gv, err := schema.ParseGroupVersion(o.APIVersion)
	if err != nil {
		st.State, st.Message = StateError, err.Error()
		return st
	}
	m, err := c.mapper.RESTMapping(gv.WithKind(o.Kind).GroupKind(), gv.Version)
	if err != nil {
		st.State, st.Message = StateUnknownKind, fmt.Sprintf("the cluster does not serve %s %s", o.APIVersion, o.Kind)
		return st
	}
	st.Group, st.Version, st.Resource = m.Resource.Group, m.Resource.Version, m.Resource.Resource
	st.Namespaced = m.Scope.Name() == meta.RESTScopeNameNamespace
	if !st.Namespaced {
		st.Namespace = ""
	}
	live, err := c.dynamic.Resource(m.Resource).Namespace(st.Namespace).Get(ctx, o.Name, metav1.GetOptions{})
	switch {
	case apierrors.IsNotFound(err):
		st.State, st.Message = StateMissing, "not in the cluster"
		st.Drifted = true
	case apierrors.IsForbidden(err):
		st.State, st.Message = StateForbidden, fmt.Sprintf("needs get %s", m.Resource.GroupResource())
	case err != nil:
		st.State, st.Message = StateError, err.Error()
	default:
		st.State = StatePresent
		st.live = normalize(live.Object).(map[string]any)
		st.Drifted = !reflect.DeepEqual(st.rendered, project(st.rendered, st.live))
	}
	return st
}

// project cuts live to the fields want sets. Lists of another length are
// taken whole: they differ anyway.
func project(want, live any) any {
	switch w := want.(type) {
	case map[string]any:
		l, ok := live.(map[string]any)
		if !ok {
			return live
		}
		out := make(map[string]any, len(w))
		for k, wv := range w {
			if lv, ok := l[k]; ok {
				out[k] = project(wv, lv)
			}
		}
		return out
	case []any:
		l, ok := live.([]any)
		if !ok || len(l) != len(w) {
			return live
		}
		out := make([]any, len(w))
		for i := range w {
			out[i] = project(w[i], l[i])
		}
		return out
	default:
		return live
	}
}

// withoutServerFields is a live object without what the server keeps for
// itself (managedFields, resourceVersion, uid, ...).
func withoutServerFields(live map[string]any) map[string]any {
	out := make(map[string]any, len(live))
	for k, v := range live {
		out[k] = v
	}
	if meta, ok := live["metadata"].(map[string]any); ok {
		m := make(map[string]any, len(meta))
		for k, v := range meta {
			switch k {
			case "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink":
			default:
				m[k] = v
			}
		}
		out["metadata"] = m
	}
	return out
}

func yamlOf(v any) (string, error) {
	b, err := yaml.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("print the object: %w", err)
	}
	return string(b), nil
}
