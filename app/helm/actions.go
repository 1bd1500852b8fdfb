package helm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/chart/loader"
	"helm.sh/helm/v4/pkg/kube"
	"sigs.k8s.io/yaml"
)

// ActionTimeout bounds what Helm waits for in one action. Like the helm
// CLI without --wait, actions wait for hooks only (kube.HookOnlyStrategy).
const ActionTimeout = 2 * time.Minute

// MaxChartArchive bounds an uploaded chart archive: it travels base64 in
// a command call, whose body the browser shell caps at 8 MiB.
const MaxChartArchive = 4 << 20

// Result is what an action did, or would do (DryRun).
type Result struct {
	Release  Release `json:"release"`
	DryRun   bool    `json:"dryRun"`
	Manifest string  `json:"manifest"`
	Notes    string  `json:"notes"`
	// Message is Helm's word on it ("release "shop" uninstalled").
	Message string `json:"message"`
}

// RollbackPreview is what a rollback would change: the newest revision's
// values and manifest, and the target's (which a rollback applies again).
type RollbackPreview struct {
	Current RevisionContent `json:"current"`
	Target  RevisionContent `json:"target"`
}

// PreviewRollback shows what rolling ref back to rev would change.
func (c *Client) PreviewRollback(ref Ref, rev int) (RollbackPreview, error) {
	ac, err := c.action(ref)
	if err != nil {
		return RollbackPreview{}, err
	}
	cur, err := get(ac, ref.Name, 0)
	if err != nil {
		return RollbackPreview{}, err
	}
	if rev < 1 || rev == cur.Version {
		return RollbackPreview{}, fmt.Errorf("pick a revision of %s other than the current one (%d)", ref.Name, cur.Version)
	}
	target, err := get(ac, ref.Name, rev)
	if err != nil {
		return RollbackPreview{}, err
	}
	var out RollbackPreview
	if out.Current, err = contentOf(cur); err != nil {
		return RollbackPreview{}, err
	}
	if out.Target, err = contentOf(target); err != nil {
		return RollbackPreview{}, err
	}
	return out, nil
}

// Rollback rolls ref back to revision rev, as `helm rollback NAME REV`:
// the target's manifest and values become a new revision.
func (c *Client) Rollback(ref Ref, rev int) (Result, error) {
	if rev < 1 {
		return Result{}, errors.New("pick the revision to roll back to")
	}
	ac, err := c.action(ref)
	if err != nil {
		return Result{}, err
	}
	rb := action.NewRollback(ac)
	rb.Version, rb.Timeout, rb.WaitStrategy = rev, ActionTimeout, kube.HookOnlyStrategy
	if err := rb.Run(ref.Name); err != nil {
		return Result{}, fmt.Errorf("roll back %s to revision %d: %w", ref.Name, rev, err)
	}
	return c.resultOf(ac, ref, false, fmt.Sprintf("Rolled back %s to revision %d.", ref.Name, rev))
}

// Uninstall removes ref's objects and, unless keepHistory, its records,
// as `helm uninstall [--keep-history]`.
func (c *Client) Uninstall(ref Ref, keepHistory bool) (Result, error) {
	ac, err := c.action(ref)
	if err != nil {
		return Result{}, err
	}
	u := action.NewUninstall(ac)
	u.KeepHistory, u.Timeout, u.WaitStrategy = keepHistory, ActionTimeout, kube.HookOnlyStrategy
	res, err := u.Run(ref.Name)
	if err != nil {
		return Result{}, fmt.Errorf("uninstall %s: %w", ref.Name, err)
	}
	out := Result{Release: Release{Name: ref.Name, Namespace: ref.Namespace, Status: "uninstalled", Driver: ref.Driver},
		Message: fmt.Sprintf("Uninstalled %s.", ref.Name)}
	if res != nil && res.Info != "" {
		out.Message += " " + res.Info
	}
	return out, nil
}

// UpgradeRequest upgrades a release with the chart it was installed from.
type UpgradeRequest struct {
	// Values are the user-supplied values (YAML), all of them: what is
	// not here takes the chart's default.
	Values string `json:"values"`
	DryRun bool   `json:"dryRun"`
}

// Upgrade applies new values to ref with its stored chart, as `helm
// upgrade NAME CHART -f values.yaml`; a dry run renders and checks on the
// server without changing anything. Values are checked against the
// chart's values.schema.json when it has one.
func (c *Client) Upgrade(ctx context.Context, ref Ref, req UpgradeRequest) (Result, error) {
	vals, err := parseValues(req.Values)
	if err != nil {
		return Result{}, err
	}
	ac, err := c.action(ref)
	if err != nil {
		return Result{}, err
	}
	cur, err := get(ac, ref.Name, 0)
	if err != nil {
		return Result{}, err
	}
	if cur.Chart == nil {
		return Result{}, fmt.Errorf("release %s keeps no chart to upgrade with", ref.Name)
	}
	up := action.NewUpgrade(ac)
	up.Namespace, up.Timeout, up.WaitStrategy = ref.Namespace, ActionTimeout, kube.HookOnlyStrategy
	if req.DryRun {
		up.DryRunStrategy = action.DryRunServer
	}
	r, err := up.RunWithContext(ctx, ref.Name, cur.Chart, vals)
	if err != nil {
		return Result{}, fmt.Errorf("upgrade %s: %w", ref.Name, err)
	}
	rel, err := v1(r)
	if err != nil {
		return Result{}, err
	}
	out := Result{Release: rowOf(rel, ref.Driver, 0), DryRun: req.DryRun, Manifest: rel.Manifest}
	if rel.Info != nil {
		out.Notes = rel.Info.Notes
	}
	if req.DryRun {
		out.Message = fmt.Sprintf("Dry run: revision %d of %s would be applied.", rel.Version, ref.Name)
	} else {
		out.Message = fmt.Sprintf("Upgraded %s to revision %d.", ref.Name, rel.Version)
	}
	return out, nil
}

// InstallRequest installs a chart from a local folder or archive.
type InstallRequest struct {
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	// ChartPath is a chart folder or .tgz on this machine (the desktop's
	// file dialog); Archive a .tgz's bytes (the browser's upload).
	ChartPath string `json:"chartPath"`
	Archive   []byte `json:"archive"`
	Values    string `json:"values"`
	DryRun    bool   `json:"dryRun"`
}

// Install installs req's chart as a new release in the secret driver, as
// `helm install NAME CHART -n NS -f values.yaml`.
func (c *Client) Install(ctx context.Context, req InstallRequest) (Result, error) {
	ref := Ref{Namespace: req.Namespace, Name: req.Name}
	vals, err := parseValues(req.Values)
	if err != nil {
		return Result{}, err
	}
	ch, err := loadChart(req)
	if err != nil {
		return Result{}, err
	}
	ac, err := c.action(ref)
	if err != nil {
		return Result{}, err
	}
	in := action.NewInstall(ac)
	in.Namespace, in.ReleaseName, in.Timeout, in.WaitStrategy = req.Namespace, req.Name, ActionTimeout, kube.HookOnlyStrategy
	if req.DryRun {
		in.DryRunStrategy = action.DryRunServer
	}
	r, err := in.RunWithContext(ctx, ch, vals)
	if err != nil {
		return Result{}, fmt.Errorf("install %s: %w", req.Name, err)
	}
	rel, err := v1(r)
	if err != nil {
		return Result{}, err
	}
	out := Result{Release: rowOf(rel, DriverSecret, 1), DryRun: req.DryRun, Manifest: rel.Manifest}
	if rel.Info != nil {
		out.Notes = rel.Info.Notes
	}
	out.Message = fmt.Sprintf("Installed %s (revision %d).", req.Name, rel.Version)
	if req.DryRun {
		out.Message = fmt.Sprintf("Dry run: %s would be installed.", req.Name)
	}
	return out, nil
}

func loadChart(req InstallRequest) (ch any, err error) {
	switch {
	case len(req.Archive) > MaxChartArchive:
		return nil, fmt.Errorf("the chart archive is over %d MiB", MaxChartArchive>>20)
	case len(req.Archive) > 0:
		ch, err = loader.LoadArchive(bytes.NewReader(req.Archive))
	case req.ChartPath != "":
		ch, err = loader.Load(req.ChartPath)
	default:
		return nil, errors.New("pick a chart folder or a .tgz archive")
	}
	if err != nil {
		return nil, fmt.Errorf("read the chart: %w", err)
	}
	return ch, nil
}

// parseValues reads a values YAML text ("" for none).
func parseValues(text string) (map[string]any, error) {
	vals := map[string]any{}
	if err := yaml.Unmarshal([]byte(text), &vals); err != nil {
		return nil, fmt.Errorf("the values are not valid YAML: %w", err)
	}
	if vals == nil {
		vals = map[string]any{}
	}
	return vals, nil
}

// resultOf reads ref's newest revision after an action.
func (c *Client) resultOf(ac *action.Configuration, ref Ref, dryRun bool, message string) (Result, error) {
	rel, err := get(ac, ref.Name, 0)
	if err != nil {
		return Result{}, err
	}
	out := Result{Release: rowOf(rel, ref.Driver, 0), DryRun: dryRun, Manifest: rel.Manifest, Message: message}
	if rel.Info != nil {
		out.Notes = rel.Info.Notes
	}
	return out, nil
}
