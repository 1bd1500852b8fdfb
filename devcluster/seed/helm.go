package seed

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/kube"
	rcommon "helm.sh/helm/v4/pkg/release/common"
	release "helm.sh/helm/v4/pkg/release/v1"
	"helm.sh/helm/v4/pkg/storage/driver"
)

// The Helm SDK names the field manager of what it applies after the
// program (os.Args[0]: devcluster, cluster.test) unless this package
// variable is set. "helm", as the CLI's: a later `helm upgrade` or rollback
// from the CLI then owns the same fields instead of conflicting.
func init() { kube.ManagedFieldsManager = "helm" }

// Helm storage drivers (HELM_DRIVER): Helm 3 and 4 keep release records in
// Secrets by default; ConfigMaps are the older driver.
const (
	driverSecret    = "secret"
	driverConfigMap = "configmap"
)

// helmRelease is a release the demo seed writes, one revision per step.
type helmRelease struct {
	name, namespace, chart, driver string
	steps                          []helmStep
}

// helmStep is one revision: an install (the first) or an upgrade with
// these values. fail marks a revision the API server rejects, so that Helm
// records it as failed.
type helmStep struct {
	values map[string]any
	fail   bool
}

// demoReleases are the demo's Helm releases (tests depend on the names).
// Values are made afresh on each call: Helm may change the maps it gets.
func demoReleases() []helmRelease {
	shop := func(tag string, replicas int, color string) map[string]any {
		return map[string]any{"image": map[string]any{"tag": tag}, "replicaCount": replicas, "config": map[string]any{"color": color}}
	}
	broken := shop("1.27", 2, "green")
	// Out of the valid port range: rejected by the API server when Helm
	// applies the Service (no client-side check catches it).
	broken["service"] = map[string]any{"nodePort": 99999}
	return []helmRelease{
		{name: "shop", namespace: "team-a", chart: "shop", driver: driverSecret, steps: []helmStep{
			{values: shop("1.25", 1, "blue")},
			{values: shop("1.27", 2, "green")},
			{values: broken, fail: true},
		}},
		{name: "metrics-agent", namespace: "platform", chart: "agent", driver: driverSecret, steps: []helmStep{
			{values: map[string]any{"interval": "30s"}},
			{values: map[string]any{"interval": "15s"}},
		}},
		{name: "legacy-cron", namespace: "team-a", chart: "agent", driver: driverConfigMap, steps: []helmStep{
			{values: map[string]any{"interval": "1h", "logLevel": "warn"}},
		}},
	}
}

// Helm writes the demo's Helm releases with the Helm SDK (install, then
// upgrades; no waiting; the releases in parallel), then waits for their pods. A release that already
// has all its revisions (a reused data folder) is left alone; one that has
// some gets the rest.
func (s *Seeder) Helm(ctx context.Context) error {
	t0 := time.Now()
	releases := demoReleases()
	errs := make([]error, len(releases))
	var wg sync.WaitGroup
	for i, r := range releases {
		wg.Go(func() {
			if err := s.writeRelease(ctx, r); err != nil {
				errs[i] = fmt.Errorf("helm release %s/%s: %w", r.namespace, r.name, err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	s.log.Info("helm releases written", "took", time.Since(t0).Round(time.Millisecond))
	return s.WaitPodsRunning(ctx, time.Minute)
}

// helmConfig is an action.Configuration for namespace and storage driver,
// over the seeder's clients and logging to its log.
func (s *Seeder) helmConfig(namespace, storageDriver string) (*action.Configuration, error) {
	cfg := action.NewConfiguration(action.ConfigurationSetLogger(helmLogHandler{s.log.With("component", "helm").Handler()}))
	if err := cfg.Init(s.helm.getter(namespace), namespace, storageDriver); err != nil {
		return nil, fmt.Errorf("helm configuration for %s (%s driver): %w", namespace, storageDriver, err)
	}
	caps, err := s.helm.capabilities()
	if err != nil {
		return nil, fmt.Errorf("helm capabilities: %w", err)
	}
	cfg.Capabilities = caps
	return cfg, nil
}

func (s *Seeder) writeRelease(ctx context.Context, r helmRelease) error {
	cfg, err := s.helmConfig(r.namespace, r.driver)
	if err != nil {
		return err
	}
	done, err := revisions(cfg, r.name)
	if err != nil {
		return err
	}
	if done >= len(r.steps) {
		s.log.Debug("helm release already written", "release", r.name, "namespace", r.namespace, "revisions", done)
		return nil
	}
	for rev := done + 1; rev <= len(r.steps); rev++ {
		step := r.steps[rev-1]
		ch, err := loadChart(r.chart)
		if err != nil {
			return err
		}
		if rev == 1 {
			in := action.NewInstall(cfg)
			in.ReleaseName, in.Namespace = r.name, r.namespace
			in.WaitStrategy = kube.HookOnlyStrategy // no --wait; the zero value is refused
			in.Timeout = time.Minute
			in.DisableOpenAPIValidation = true // see below
			_, err = in.RunWithContext(ctx, ch, step.values)
		} else {
			up := action.NewUpgrade(cfg)
			up.Namespace = r.namespace
			up.WaitStrategy = kube.HookOnlyStrategy
			up.Timeout = time.Minute
			// Skips kubectl's check (parsing the OpenAPI documents, ~0.3 s
			// per revision) that the server validates fields itself; it
			// still does (Helm applies with fieldValidation=Strict).
			up.DisableOpenAPIValidation = true
			_, err = up.RunWithContext(ctx, r.name, ch, step.values)
		}
		switch {
		case step.fail && err == nil:
			return fmt.Errorf("revision %d was meant to fail but succeeded", rev)
		case step.fail:
			if err := lastFailed(cfg, r.name, rev); err != nil {
				return err
			}
			s.log.Info("helm revision failed on purpose", "release", r.name, "namespace", r.namespace, "revision", rev, "err", err)
		case err != nil:
			return fmt.Errorf("revision %d: %w", rev, err)
		}
	}
	return nil
}

// revisions counts the stored revisions of release name.
func revisions(cfg *action.Configuration, name string) (int, error) {
	h, err := cfg.Releases.History(name)
	if errors.Is(err, driver.ErrReleaseNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("history of %s: %w", name, err)
	}
	return len(h), nil
}

// lastFailed checks that Helm recorded revision rev of name as failed.
func lastFailed(cfg *action.Configuration, name string, rev int) error {
	last, err := cfg.Releases.Last(name)
	if err != nil {
		return fmt.Errorf("last revision of %s: %w", name, err)
	}
	rel, ok := last.(*release.Release)
	if !ok {
		return fmt.Errorf("last revision of %s is a %T", name, last)
	}
	if rel.Version != rev || rel.Info.Status != rcommon.StatusFailed {
		return fmt.Errorf("helm recorded revision %d (%s), want revision %d failed", rel.Version, rel.Info.Status, rev)
	}
	return nil
}
