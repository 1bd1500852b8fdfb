package resources

import (
	"context"
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"sigs.k8s.io/yaml"
)

// ManagedFieldsYAML fetches one object and returns its metadata.managedFields
// as YAML (who set which field, and how). The object streams leave them out:
// they are large and rarely read, so the UI asks for them on demand. "" when
// the object has none.
func ManagedFieldsYAML(ctx context.Context, dyn dynamic.Interface, gvr schema.GroupVersionResource, namespace, name string) (string, error) {
	ref := ObjectRef{GVR: gvr, Namespace: namespace, Name: name}
	if err := ref.Validate(); err != nil {
		return "", err
	}
	u, err := dyn.Resource(gvr).Namespace(namespace).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return "", fmt.Errorf("get %s %s: %w", gvr.Resource, name, err)
	}
	if err := ref.checkOne(u); err != nil {
		return "", err
	}
	mf := u.GetManagedFields()
	if len(mf) == 0 {
		return "", nil
	}
	b, err := yaml.Marshal(map[string]any{"managedFields": mf})
	if err != nil {
		return "", fmt.Errorf("managedFields of %s %s as YAML: %w", gvr.Resource, name, err)
	}
	return string(b), nil
}
