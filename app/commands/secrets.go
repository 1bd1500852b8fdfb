package commands

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/resources"
)

// RevealSecret returns one decoded value of a Secret, fetched only now: list
// and details views never carry secret values.
func (c *Commands) RevealSecret(contextName, namespace, name, key string) (string, error) {
	return guard(c, "RevealSecret", func() (string, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return "", err
		}
		ctx, cancel := timeout()
		defer cancel()
		v, err := resourcesReveal(ctx, conn, namespace, name, key)
		if err != nil {
			return "", describe(conn, err)
		}
		c.s.Log().Info("secret value revealed", "context", contextName, "namespace", namespace, "secret", name, "key", key)
		return v, nil
	})
}

func resourcesReveal(ctx context.Context, conn *cluster.Conn, namespace, name, key string) (string, error) {
	return resources.RevealSecretValue(ctx, conn.Dynamic, namespace, name, key)
}

// ManagedFields returns an object's metadata.managedFields as YAML, fetched
// only now: every view leaves them out.
func (c *Commands) ManagedFields(contextName string, ref actions.Ref) (string, error) {
	return guard(c, "ManagedFields", func() (string, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return "", err
		}
		ctx, cancel := timeout()
		defer cancel()
		gvr := schema.GroupVersionResource{Group: ref.Group, Version: ref.Version, Resource: ref.Resource}
		y, err := resources.ManagedFieldsYAML(ctx, conn.Dynamic, gvr, ref.Namespace, ref.Name)
		if err != nil {
			return "", describe(conn, err)
		}
		return y, nil
	})
}
