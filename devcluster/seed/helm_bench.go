package seed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/kube"
	rcommon "helm.sh/helm/v4/pkg/release/common"
	release "helm.sh/helm/v4/pkg/release/v1"
	"helm.sh/helm/v4/pkg/storage"
	"helm.sh/helm/v4/pkg/storage/driver"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/yaml"
)

// helmBenchWorkers write the benchmark releases in parallel.
const helmBenchWorkers = 16

// benchReleaseName is benchmark release i's name; it lives in namespace
// benchNamespace(i % Namespaces).
func benchReleaseName(i int) string { return fmt.Sprintf("bench-release-%05d", i) }

// benchHelm writes b.HelmReleases releases of chart bench (one ConfigMap),
// helmBenchWorkers at a time, keeping those that exist.
func (s *Seeder) benchHelm(ctx context.Context, b Bench) error {
	if b.HelmReleases <= 0 {
		return nil
	}
	t0 := time.Now()
	var next, existed atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range helmBenchWorkers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= b.HelmReleases || ctx.Err() != nil {
					return
				}
				had, err := s.benchRelease(ctx, i, benchNamespace(i%b.Namespaces))
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("bench helm release %d: %w", i, err) })
					next.Store(int64(b.HelmReleases)) // stop the others
					return
				}
				if had {
					existed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("bench helm releases: %w", err)
	}
	s.log.Info("bench helm releases written", "releases", b.HelmReleases, "namespaces", b.Namespaces,
		"existed", existed.Load(), "took", time.Since(t0).Round(time.Millisecond))
	return nil
}

// benchRelease writes release i in namespace ns as `helm install` would,
// in two requests instead of seven: Helm renders it (a client-side dry
// run), the seeder applies its ConfigMap with Helm's ownership metadata,
// then stores the record (deployed, revision 1) with Helm's Secret driver.
// A record that exists is kept (existed).
func (s *Seeder) benchRelease(ctx context.Context, i int, ns string) (existed bool, err error) {
	name := benchReleaseName(i)
	rel, err := s.renderRelease(ctx, "bench", name, ns, map[string]any{"index": i})
	if err != nil {
		return false, err
	}
	var cm corev1.ConfigMap
	if err := yaml.Unmarshal([]byte(rel.Manifest), &cm); err != nil || cm.Kind != "ConfigMap" {
		return false, fmt.Errorf("chart bench should render one ConfigMap (%v):\n%s", err, rel.Manifest)
	}
	cm.Namespace = ns
	if cm.Labels == nil {
		cm.Labels = map[string]string{}
	}
	cm.Labels["app.kubernetes.io/managed-by"] = "Helm"
	cm.Annotations = map[string]string{"meta.helm.sh/release-name": name, "meta.helm.sh/release-namespace": ns}
	data, err := json.Marshal(&cm)
	if err != nil {
		return false, fmt.Errorf("encode configmap %s/%s: %w", ns, cm.Name, err)
	}
	// Server-side apply, as Helm does (field manager "helm", see helm.go).
	if _, err := s.cs.CoreV1().ConfigMaps(ns).Patch(ctx, cm.Name, types.ApplyPatchType, data,
		metav1.PatchOptions{FieldManager: kube.ManagedFieldsManager}); err != nil {
		return false, fmt.Errorf("apply configmap %s/%s: %w", ns, cm.Name, err)
	}

	rel.SetStatus(rcommon.StatusDeployed, "Install complete")
	rel.ApplyMethod = "ssa" // as Install records it
	d := driver.NewSecrets(s.cs.CoreV1().Secrets(ns))
	d.SetLogger(helmLogHandler{s.log.With("component", "helm").Handler()})
	if err := storage.Init(d).Create(rel); err != nil {
		if errors.Is(err, driver.ErrReleaseExists) {
			return true, nil
		}
		return false, fmt.Errorf("store release %s/%s: %w", ns, name, err)
	}
	return false, nil
}

// renderRelease renders revision 1 of release name in ns from an embedded
// chart with Helm's Install action, as a client-side dry run (no requests).
func (s *Seeder) renderRelease(ctx context.Context, chartName, name, ns string, values map[string]any) (*release.Release, error) {
	ch, err := loadChart(chartName)
	if err != nil {
		return nil, err
	}
	in := action.NewInstall(action.NewConfiguration(action.ConfigurationSetLogger(helmLogHandler{s.log.With("component", "helm").Handler()})))
	in.ReleaseName, in.Namespace = name, ns
	in.DryRunStrategy = action.DryRunClient
	r, err := in.RunWithContext(ctx, ch, values)
	if err != nil {
		return nil, fmt.Errorf("render %s/%s: %w", ns, name, err)
	}
	rel, ok := r.(*release.Release)
	if !ok {
		return nil, fmt.Errorf("render %s/%s: got a %T", ns, name, r)
	}
	return rel, nil
}
