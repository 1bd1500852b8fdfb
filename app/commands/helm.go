package commands

import (
	"context"
	"errors"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/helm"
)

func helmClient(c *Commands, conn *cluster.Conn) *helm.Client {
	return helm.New(conn.Config, conn.Discovery, conn.Mapper, conn.Dynamic, c.s.Log())
}

// helmRead runs a read of a context's releases.
func helmRead[T any](c *Commands, contextName string, fn func(context.Context, *helm.Client) (T, error)) (T, error) {
	var zero T
	conn, err := c.s.Clusters().Get(contextName)
	if err != nil {
		return zero, err
	}
	ctx, cancel := timeout()
	defer cancel()
	out, err := fn(ctx, helmClient(c, conn))
	if err != nil {
		return zero, describe(conn, err)
	}
	return out, nil
}

// helmChange runs an action on a context's releases; read-only contexts
// refuse it unless it is a dry run.
func helmChange(c *Commands, name, contextName string, dryRun bool, fn func(context.Context, *helm.Client) (helm.Result, error)) (helm.Result, error) {
	conn, err := c.connFor(contextName, dryRun)
	if err != nil {
		return helm.Result{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), helm.ActionTimeout+Timeout)
	defer cancel()
	out, err := fn(ctx, helmClient(c, conn))
	c.logChange(name, contextName, dryRun, err)
	if err != nil {
		return helm.Result{}, describe(conn, err)
	}
	return out, nil
}

// HelmRelease is a release's newest revision: status, notes, values
// (user-supplied and computed), manifest and its objects, and history.
func (c *Commands) HelmRelease(contextName string, ref helm.Ref) (helm.Details, error) {
	return guard(c, "HelmRelease", func() (helm.Details, error) {
		return helmRead(c, contextName, func(_ context.Context, h *helm.Client) (helm.Details, error) {
			return h.Details(ref)
		})
	})
}

// HelmRevision is what one revision of a release applied (to compare two).
func (c *Commands) HelmRevision(contextName string, ref helm.Ref, revision int) (helm.RevisionContent, error) {
	return guard(c, "HelmRevision", func() (helm.RevisionContent, error) {
		return helmRead(c, contextName, func(_ context.Context, h *helm.Client) (helm.RevisionContent, error) {
			return h.Revision(ref, revision)
		})
	})
}

// HelmObjects reads every object of a release's manifest live: present,
// missing, forbidden, and whether it drifted from the manifest.
func (c *Commands) HelmObjects(contextName string, ref helm.Ref) ([]helm.ObjectState, error) {
	return guard(c, "HelmObjects", func() ([]helm.ObjectState, error) {
		return helmRead(c, contextName, func(ctx context.Context, h *helm.Client) ([]helm.ObjectState, error) {
			return h.Objects(ctx, ref)
		})
	})
}

// HelmDrift is one manifest object (by its index) beside its live form.
func (c *Commands) HelmDrift(contextName string, ref helm.Ref, index int) (helm.Drift, error) {
	return guard(c, "HelmDrift", func() (helm.Drift, error) {
		return helmRead(c, contextName, func(ctx context.Context, h *helm.Client) (helm.Drift, error) {
			return h.Drift(ctx, ref, index)
		})
	})
}

// HelmRollbackPreview shows what rolling back to revision would change.
func (c *Commands) HelmRollbackPreview(contextName string, ref helm.Ref, revision int) (helm.RollbackPreview, error) {
	return guard(c, "HelmRollbackPreview", func() (helm.RollbackPreview, error) {
		return helmRead(c, contextName, func(_ context.Context, h *helm.Client) (helm.RollbackPreview, error) {
			return h.PreviewRollback(ref, revision)
		})
	})
}

// HelmRollback rolls a release back to revision (`helm rollback`).
func (c *Commands) HelmRollback(contextName string, ref helm.Ref, revision int) (helm.Result, error) {
	return guard(c, "HelmRollback", func() (helm.Result, error) {
		return helmChange(c, "HelmRollback", contextName, false, func(_ context.Context, h *helm.Client) (helm.Result, error) {
			return h.Rollback(ref, revision)
		})
	})
}

// HelmUninstall uninstalls a release (`helm uninstall [--keep-history]`).
func (c *Commands) HelmUninstall(contextName string, ref helm.Ref, keepHistory bool) (helm.Result, error) {
	return guard(c, "HelmUninstall", func() (helm.Result, error) {
		return helmChange(c, "HelmUninstall", contextName, false, func(_ context.Context, h *helm.Client) (helm.Result, error) {
			return h.Uninstall(ref, keepHistory)
		})
	})
}

// HelmUpgrade upgrades a release with edited values and its stored chart,
// or dry-runs it on the server to preview the new manifest.
func (c *Commands) HelmUpgrade(contextName string, ref helm.Ref, req helm.UpgradeRequest) (helm.Result, error) {
	return guard(c, "HelmUpgrade", func() (helm.Result, error) {
		return helmChange(c, "HelmUpgrade", contextName, req.DryRun, func(ctx context.Context, h *helm.Client) (helm.Result, error) {
			return h.Upgrade(ctx, ref, req)
		})
	})
}

// HelmPickChart asks for a local chart (a folder, or a .tgz) with the
// desktop's file dialog and describes it (Path "" when cancelled). The
// browser uploads an archive instead (HelmReadChart).
func (c *Commands) HelmPickChart(folder bool) (helm.ChartInfo, error) {
	return guard(c, "HelmPickChart", func() (helm.ChartInfo, error) {
		files := c.s.Files()
		if files == nil {
			return helm.ChartInfo{}, errors.New("the browser cannot open local folders: upload a chart archive (.tgz)")
		}
		var path string
		var err error
		if folder {
			path, err = files.OpenFolder("Install a chart from a folder")
		} else {
			path, err = files.OpenFile("Install a chart archive (.tgz)")
		}
		if err != nil || path == "" {
			return helm.ChartInfo{}, err
		}
		return helm.ReadChart(path, nil)
	})
}

// HelmReadChart describes an uploaded chart archive.
func (c *Commands) HelmReadChart(archive []byte) (helm.ChartInfo, error) {
	return guard(c, "HelmReadChart", func() (helm.ChartInfo, error) {
		return helm.ReadChart("", archive)
	})
}

// HelmInstall installs a chart as a new release (or dry-runs it). A local
// path is taken only in the desktop, where the user picked it.
func (c *Commands) HelmInstall(contextName string, req helm.InstallRequest) (helm.Result, error) {
	return guard(c, "HelmInstall", func() (helm.Result, error) {
		return helmChange(c, "HelmInstall", contextName, req.DryRun, func(ctx context.Context, h *helm.Client) (helm.Result, error) {
			if req.ChartPath != "" && c.s.Files() == nil {
				return helm.Result{}, errors.New("the browser installs uploaded chart archives only")
			}
			return h.Install(ctx, req)
		})
	})
}
