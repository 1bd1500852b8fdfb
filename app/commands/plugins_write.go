package commands

import (
	"context"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/cluster"
)

// The writes of the plugin API, made for a plugin: Apply and Delete with
// the request's context, which names the plugin (cluster.
// WithAttributedPlugin) so every Kubernetes request carries it in its
// User-Agent. They are functions, not methods: every method of Commands is
// bound to the frontend. The caller has checked the grant (app/api).

// PluginApply is Apply made for the plugin ctx names.
func PluginApply(ctx context.Context, c *Commands, contextName, yaml, defaultNamespace string, dryRun bool) ([]actions.Result, error) {
	return guard(c, "Apply", func() ([]actions.Result, error) {
		conn, err := c.connFor(contextName, dryRun)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(ctx, Timeout)
		defer cancel()
		res, err := client(conn).Apply(ctx, yaml, defaultNamespace, dryRun)
		c.s.Log().Info("apply", "context", contextName, "dryRun", dryRun, "ok", err == nil, "plugin", cluster.AttributedPlugin(ctx))
		return res, err
	})
}

// PluginDelete is Delete made for the plugin ctx names.
func PluginDelete(ctx context.Context, c *Commands, contextName string, refs []actions.Ref, propagation string) ([]actions.Result, error) {
	return guard(c, "Delete", func() ([]actions.Result, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(ctx, Timeout)
		defer cancel()
		res := client(conn).Delete(ctx, refs, propagation)
		c.s.Log().Info("delete", "context", contextName, "objects", len(refs), "propagation", propagation, "plugin", cluster.AttributedPlugin(ctx))
		return res, nil
	})
}
