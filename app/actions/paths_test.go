package actions

import (
	"context"
	"errors"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	dynamicfake "k8s.io/client-go/dynamic/fake"

	"github.com/kubedeck/kubedeck/app/resources"
)

// A Ref whose parts are not single path segments never reaches the API:
// resource "." and name "secrets" would be DELETE /api/v1/secrets, every
// Secret of the cluster.
func TestRefsThatAreNotOneObjectAreRefusedBeforeAnyRequest(t *testing.T) {
	dyn := dynamicfake.NewSimpleDynamicClient(runtime.NewScheme())
	c := Client{Dynamic: dyn}
	bad := []Ref{
		{Version: "v1", Resource: ".", Name: "secrets"},
		{Version: "v1", Resource: "..", Namespace: "default", Name: "x"},
		{Version: "v1", Resource: "secrets", Namespace: "..", Name: "x"},
		{Version: "v1", Resource: "secrets", Namespace: "default", Name: ".."},
		{Version: "v1", Resource: "secrets", Namespace: "default", Name: "a/b"},
		{Version: "v1", Resource: "secrets", Namespace: "default", Name: ""},
		{Group: "../..", Version: "v1", Resource: "secrets", Name: "x"},
	}
	ctx := context.Background()
	for _, r := range bad {
		res := c.Delete(ctx, []Ref{r}, "background")
		if len(res) != 1 || res[0].Error == "" {
			t.Errorf("Delete %+v: %+v, want a refusal", r, res)
		}
		if err := c.Scale(ctx, r, 1); !errors.Is(err, resources.ErrInvalidPath) {
			t.Errorf("Scale %+v: %v, want ErrInvalidPath", r, err)
		}
		if err := c.Restart(ctx, r, time.Now()); !errors.Is(err, resources.ErrInvalidPath) {
			t.Errorf("Restart %+v: %v, want ErrInvalidPath", r, err)
		}
	}
	if n := len(dyn.Actions()); n != 0 {
		t.Errorf("%d requests reached the client: %v", n, dyn.Actions())
	}
}

// Names and namespaces in applied YAML are path segments too.
func TestApplyRefusesNamesThatAreNotOneSegment(t *testing.T) {
	dyn := dynamicfake.NewSimpleDynamicClient(runtime.NewScheme())
	mapper := meta.NewDefaultRESTMapper(nil)
	mapper.Add(schema.GroupVersionKind{Version: "v1", Kind: "ConfigMap"}, meta.RESTScopeNamespace)
	c := Client{Dynamic: dyn, Mapper: mapper}
	for _, doc := range []string{
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: '..'}\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: '..'}\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 'a/../../secrets'}\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n",
	} {
		res, err := c.Apply(context.Background(), doc, "default", true)
		if err != nil {
			t.Fatalf("Apply: %v", err)
		}
		if len(res) != 1 || res[0].Error == "" {
			t.Errorf("Apply %q: %+v, want a refusal", doc, res)
		}
	}
	if n := len(dyn.Actions()); n != 0 {
		t.Errorf("%d requests reached the client", n)
	}
}
