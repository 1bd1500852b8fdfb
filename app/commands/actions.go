package commands

import (
	"context"
	"time"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/session"
)

// ErrReadOnly is returned by every write command on a read-only context.
var ErrReadOnly = session.ErrReadOnly

// writable returns the connection of a context that may be changed
// (Session.Writable).
func (c *Commands) writable(contextName string) (*cluster.Conn, error) {
	return c.s.Writable(contextName)
}

func client(conn *cluster.Conn) actions.Client {
	return actions.Client{Dynamic: conn.Dynamic, Mapper: conn.Mapper}
}

// Apply server-side-applies (field manager kubedeck) every object of a
// YAML text, or dry-runs it (dryRun) to preview each result.
func (c *Commands) Apply(contextName, yaml, defaultNamespace string, dryRun bool) ([]actions.Result, error) {
	return guard(c, "Apply", func() ([]actions.Result, error) {
		conn, err := c.connFor(contextName, dryRun)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		res, err := client(conn).Apply(ctx, yaml, defaultNamespace, dryRun)
		c.logChange("apply", contextName, dryRun, err)
		return res, err
	})
}

// Update saves an edited object against the resourceVersion it was made
// from; a conflict comes back with status 409 and the live object.
func (c *Commands) Update(contextName, yaml string, dryRun bool) (actions.Result, error) {
	return guard(c, "Update", func() (actions.Result, error) {
		conn, err := c.connFor(contextName, dryRun)
		if err != nil {
			return actions.Result{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		res, err := client(conn).Update(ctx, yaml, dryRun)
		c.logChange("update", contextName, dryRun, err)
		return res, err
	})
}

// connFor allows dry runs on read-only contexts: they change nothing.
func (c *Commands) connFor(contextName string, dryRun bool) (*cluster.Conn, error) {
	if dryRun {
		return c.s.Clusters().Get(contextName)
	}
	return c.writable(contextName)
}

// Delete deletes objects with a propagation policy (background,
// foreground, orphan).
func (c *Commands) Delete(contextName string, refs []actions.Ref, propagation string) ([]actions.Result, error) {
	return guard(c, "Delete", func() ([]actions.Result, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		res := client(conn).Delete(ctx, refs, propagation)
		c.s.Log().Info("delete", "context", contextName, "objects", len(refs), "propagation", propagation)
		return res, nil
	})
}

// Scale sets the replicas of a Deployment, StatefulSet or ReplicaSet.
func (c *Commands) Scale(contextName string, ref actions.Ref, replicas int32) (bool, error) {
	return c.do("Scale", contextName, func(ctx context.Context, conn *cluster.Conn) error {
		return client(conn).Scale(ctx, ref, replicas)
	})
}

// Restart rolls a Deployment, StatefulSet or DaemonSet out again.
func (c *Commands) Restart(contextName string, ref actions.Ref) (bool, error) {
	return c.do("Restart", contextName, func(ctx context.Context, conn *cluster.Conn) error {
		return client(conn).Restart(ctx, ref, time.Now())
	})
}

// RolloutHistory lists a Deployment's revisions.
func (c *Commands) RolloutHistory(contextName, namespace, name string) ([]actions.Revision, error) {
	return guard(c, "RolloutHistory", func() ([]actions.Revision, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		return actions.History(ctx, conn.Clientset, namespace, name)
	})
}

// RolloutUndo rolls a Deployment back to a revision (0: the previous).
func (c *Commands) RolloutUndo(contextName, namespace, name string, revision int64) (string, error) {
	return guard(c, "RolloutUndo", func() (string, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return "", err
		}
		ctx, cancel := timeout()
		defer cancel()
		return actions.Undo(ctx, conn.Clientset, namespace, name, revision)
	})
}

// SuspendCronJob suspends or resumes a CronJob.
func (c *Commands) SuspendCronJob(contextName, namespace, name string, suspend bool) (bool, error) {
	return c.do("SuspendCronJob", contextName, func(ctx context.Context, conn *cluster.Conn) error {
		return actions.SuspendCronJob(ctx, conn.Clientset, namespace, name, suspend)
	})
}

// RunCronJob starts a Job from a CronJob now and returns its name.
func (c *Commands) RunCronJob(contextName, namespace, name string) (string, error) {
	return guard(c, "RunCronJob", func() (string, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return "", err
		}
		ctx, cancel := timeout()
		defer cancel()
		return actions.RunCronJob(ctx, conn.Clientset, namespace, name, time.Now())
	})
}

// Cordon marks a node unschedulable, or schedulable again.
func (c *Commands) Cordon(contextName, node string, unschedulable bool) (bool, error) {
	return c.do("Cordon", contextName, func(ctx context.Context, conn *cluster.Conn) error {
		return actions.Cordon(ctx, conn.Clientset, node, unschedulable)
	})
}

// do runs a write action that returns nothing but success.
func (c *Commands) do(name, contextName string, fn func(context.Context, *cluster.Conn) error) (bool, error) {
	return guard(c, name, func() (bool, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return false, err
		}
		ctx, cancel := timeout()
		defer cancel()
		if err := fn(ctx, conn); err != nil {
			return false, err
		}
		c.s.Log().Info("action", "action", name, "context", contextName)
		return true, nil
	})
}

func (c *Commands) logChange(what, contextName string, dryRun bool, err error) {
	c.s.Log().Info(what, "context", contextName, "dryRun", dryRun, "ok", err == nil)
}
