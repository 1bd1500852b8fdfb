package actions

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/types"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/dynamic"

	"github.com/kubedeck/kubedeck/app/resources"
)

// FieldManager is the name Kubedeck's changes carry in managedFields.
const FieldManager = "kubedeck"

// Client is what the actions need of a cluster connection.
type Client struct {
	Dynamic dynamic.Interface
	Mapper  meta.RESTMapper
}

// Result is the outcome for one object.
type Result struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	// Action is what was done; empty when it failed.
	Action Action `json:"action,omitempty"`
	Error  string `json:"error,omitempty"`
	// Status is the HTTP status of a failure (403, 409, 422...).
	Status int `json:"status,omitempty"`
	// YAML is the object as the server returned it (a dry run's result when
	// dry). Secret values are hidden.
	YAML string `json:"yaml,omitempty"`
	// Live is the object as it is on the server now, for a diff or, after a
	// conflict, to show beside the user's edit.
	Live string `json:"live,omitempty"`
}

// Action is what a write did to an object.
type Action string

// Actions.
const (
	ActionCreated    Action = "created"
	ActionConfigured Action = "configured"
	ActionUnchanged  Action = "unchanged"
	ActionUpdated    Action = "updated"
	ActionDeleted    Action = "deleted"
)

// Decode splits multi-document YAML (or JSON) into objects.
func Decode(text string) ([]*unstructured.Unstructured, error) {
	dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader([]byte(text)), 4096)
	var out []*unstructured.Unstructured
	for i := 1; ; i++ {
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("document %d: %w", i, err)
		}
		if len(obj) == 0 {
			continue
		}
		u := &unstructured.Unstructured{Object: obj}
		if u.GetAPIVersion() == "" || u.GetKind() == "" {
			return nil, fmt.Errorf("document %d: apiVersion and kind are required", i)
		}
		if u.GetName() == "" && u.GetGenerateName() == "" {
			return nil, fmt.Errorf("document %d (%s): metadata.name is required", i, u.GetKind())
		}
		out = append(out, u)
	}
	if len(out) == 0 {
		return nil, errors.New("no objects in the YAML")
	}
	return out, nil
}

// resourceFor maps an object to its REST resource, with the namespace
// defaulted for namespaced kinds.
func (c Client) resourceFor(u *unstructured.Unstructured, defaultNS string) (dynamic.ResourceInterface, error) {
	gvk := u.GroupVersionKind()
	m, err := c.Mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if err != nil {
		return nil, fmt.Errorf("the cluster does not serve %s: %w", gvk, err)
	}
	if m.Scope.Name() != meta.RESTScopeNameNamespace {
		u.SetNamespace("")
	} else if u.GetNamespace() == "" {
		u.SetNamespace(defaultNS)
	}
	// The dynamic client joins these with path.Join: a name such as ".."
	// would reach another endpoint.
	if u.GetName() == "" {
		return nil, fmt.Errorf("%s: %w: metadata.name is required", gvk.Kind, resources.ErrInvalidPath)
	}
	if err := resources.CheckSegments(m.Resource, u.GetNamespace(), u.GetName()); err != nil {
		return nil, fmt.Errorf("%s %q: %w", gvk.Kind, u.GetName(), err)
	}
	if u.GetNamespace() == "" {
		return c.Dynamic.Resource(m.Resource), nil
	}
	return c.Dynamic.Resource(m.Resource).Namespace(u.GetNamespace()), nil
}

// Apply server-side-applies every object of text (as field manager
// kubedeck), or only dry-runs it. Each object gets its own result.
func (c Client) Apply(ctx context.Context, text, defaultNS string, dryRun bool) ([]Result, error) {
	objs, err := Decode(text)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(objs))
	for _, u := range objs {
		out = append(out, c.applyOne(ctx, u, defaultNS, dryRun))
	}
	return out, nil
}

func (c Client) applyOne(ctx context.Context, u *unstructured.Unstructured, defaultNS string, dryRun bool) Result {
	r := Result{Kind: u.GetKind(), Name: u.GetName()}
	ri, err := c.resourceFor(u, defaultNS)
	r.Namespace = u.GetNamespace()
	if err != nil {
		return fail(r, err)
	}
	unstructured.RemoveNestedField(u.Object, "metadata", "managedFields")
	unstructured.RemoveNestedField(u.Object, "metadata", "resourceVersion")
	unstructured.RemoveNestedField(u.Object, "status")
	live, err := ri.Get(ctx, u.GetName(), metav1.GetOptions{})
	exists := err == nil
	if err != nil && !apierrors.IsNotFound(err) {
		return fail(r, err)
	}
	data, err := u.MarshalJSON()
	if err != nil {
		return fail(r, err)
	}
	force := true
	opts := metav1.PatchOptions{FieldManager: FieldManager, Force: &force}
	if dryRun {
		opts.DryRun = []string{metav1.DryRunAll}
	}
	res, err := ri.Patch(ctx, u.GetName(), types.ApplyPatchType, data, opts)
	if err != nil {
		return fail(r, err)
	}
	switch {
	case !exists:
		r.Action = ActionCreated
	case live.GetResourceVersion() == res.GetResourceVersion() && !dryRun:
		r.Action = ActionUnchanged
	default:
		r.Action = ActionConfigured
	}
	if exists {
		r.Live = yamlOf(live)
	}
	r.YAML = yamlOf(res)
	return r
}

// Update replaces one object with the user's edit, which must carry the
// resourceVersion it was made from. A conflict (the object changed
// meanwhile) returns status 409 with the live object, the edit untouched.
func (c Client) Update(ctx context.Context, text string, dryRun bool) (Result, error) {
	objs, err := Decode(text)
	if err != nil {
		return Result{}, err
	}
	if len(objs) != 1 {
		return Result{}, errors.New("an edit holds exactly one object")
	}
	u := objs[0]
	r := Result{Kind: u.GetKind(), Name: u.GetName(), Namespace: u.GetNamespace()}
	if hasHiddenSecretValues(u) {
		return fail(r, errors.New("this Secret still holds hidden values: reveal them (or replace them) before saving")), nil
	}
	ri, err := c.resourceFor(u, u.GetNamespace())
	if err != nil {
		return fail(r, err), nil
	}
	if u.GetResourceVersion() == "" {
		return fail(r, errors.New("metadata.resourceVersion is missing: edits are saved against the version they were made from")), nil
	}
	opts := metav1.UpdateOptions{FieldManager: FieldManager}
	if dryRun {
		opts.DryRun = []string{metav1.DryRunAll}
	}
	res, err := ri.Update(ctx, u, opts)
	if err != nil {
		r = fail(r, err)
		if live, gerr := ri.Get(ctx, u.GetName(), metav1.GetOptions{}); gerr == nil {
			r.Live = yamlOf(live)
		}
		return r, nil
	}
	r.Action, r.YAML = ActionUpdated, yamlOf(res)
	return r, nil
}

func hasHiddenSecretValues(u *unstructured.Unstructured) bool {
	if u.GetKind() != "Secret" {
		return false
	}
	data, _, _ := unstructured.NestedMap(u.Object, "data")
	for _, v := range data {
		if s, ok := v.(string); ok && strings.HasPrefix(s, "<hidden:") {
			return true
		}
	}
	return false
}

func yamlOf(u *unstructured.Unstructured) string {
	u = u.DeepCopy()
	resources.Redact(u)
	return resources.ToYAML(u)
}

func fail(r Result, err error) Result {
	r.Error = err.Error()
	var st apierrors.APIStatus
	if errors.As(err, &st) {
		r.Status = int(st.Status().Code)
		if m := st.Status().Message; m != "" {
			r.Error = m
		}
	}
	return r
}
