package helm

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"helm.sh/helm/v4/pkg/release/common"
	"helm.sh/helm/v4/pkg/storage/driver"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/yaml"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// helm list/history -o json rows, as the CLI prints them.
type cliRelease struct {
	Name, Namespace, Status, Chart string
	Revision                       string `json:"revision"`
	AppVersion                     string `json:"app_version"`
}

type cliRevision struct {
	Revision    int    `json:"revision"`
	Status      string `json:"status"`
	Chart       string `json:"chart"`
	AppVersion  string `json:"app_version"`
	Description string `json:"description"`
}

func TestLifecycleIsWhatHelmSees(t *testing.T) {
	e := clientAs(t, testcluster.Admin)
	ns := namespace(t, e.cs)
	w := watchReleases(t, e.cs, ns)
	ref := Ref{Namespace: ns, Name: "probe"}

	install(t, e.c, ns, "probe", "")
	w.until(t, "probe at revision 1", func(m map[string]Release) bool { return m[ref.Namespace+"/probe"].Revision == 1 })
	upgrade(t, e.c, ref, "replicaCount: 2\nconfig: {color: green}\n")
	w.until(t, "probe at revision 2", func(m map[string]Release) bool {
		r := m[ns+"/probe"]
		return r.Revision == 2 && r.Status == "deployed" && r.Revisions == 2
	})

	// The list row is helm list's.
	list := helmJSON[[]cliRelease](t, helmCLI(t, "list", "-n", ns, "-o", "json"))
	if len(list) != 1 {
		t.Fatalf("helm list: %+v", list)
	}
	w.mu.Lock()
	row := w.releases[ns+"/probe"]
	w.mu.Unlock()
	if got := row.Chart + "-" + row.ChartVersion; got != list[0].Chart || row.AppVersion != list[0].AppVersion || row.Status != list[0].Status || list[0].Revision != "2" {
		t.Errorf("row %+v, helm list %+v", row, list[0])
	}

	// Details: values, computed values, manifest and history as helm get/history print them.
	d, err := e.c.Details(ref)
	if err != nil {
		t.Fatal(err)
	}
	sameYAML(t, "values", d.Values, helmCLI(t, "get", "values", "probe", "-n", ns, "-o", "yaml"))
	sameYAML(t, "all values", d.AllValues, helmCLI(t, "get", "values", "probe", "-n", ns, "-a", "-o", "yaml"))
	if want := helmCLI(t, "get", "manifest", "probe", "-n", ns); strings.TrimSpace(d.Manifest) != strings.TrimSpace(want) {
		t.Errorf("manifest differs from helm get manifest:\n%s\n---\n%s", d.Manifest, want)
	}
	if !strings.Contains(d.Notes, "probe runs 2 replica(s)") || !d.HasSchema {
		t.Errorf("notes %q, hasSchema %v", d.Notes, d.HasSchema)
	}
	if len(d.Objects) != 2 || d.Objects[0].Kind != "ConfigMap" || d.Objects[1].Kind != "Deployment" || d.Objects[1].Namespace != ns {
		t.Errorf("objects %+v", d.Objects)
	}
	hist := helmJSON[[]cliRevision](t, helmCLI(t, "history", "probe", "-n", ns, "-o", "json"))
	compareHistory(t, d.History, hist)

	// An older revision is what helm get --revision prints.
	r1, err := e.c.Revision(ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	sameYAML(t, "revision 1 values", r1.Values, helmCLI(t, "get", "values", "probe", "-n", ns, "--revision", "1", "-o", "yaml"))

	// Preview, then roll back: helm history sees the new revision.
	p, err := e.c.PreviewRollback(ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Current.Manifest, "replicas: 2") || !strings.Contains(p.Target.Manifest, "replicas: 1") {
		t.Errorf("preview current/target manifests:\n%s\n---\n%s", p.Current.Manifest, p.Target.Manifest)
	}
	if _, err := e.c.Rollback(ref, 1); err != nil {
		t.Fatal(err)
	}
	hist = helmJSON[[]cliRevision](t, helmCLI(t, "history", "probe", "-n", ns, "-o", "json"))
	if last := hist[len(hist)-1]; last.Revision != 3 || last.Status != "deployed" || last.Description != "Rollback to 1" {
		t.Errorf("helm history after the rollback: %+v", hist)
	}
	w.until(t, "probe rolled back as revision 3", func(m map[string]Release) bool {
		r := m[ns+"/probe"]
		return r.Revision == 3 && r.Status == "deployed" && r.Description == "Rollback to 1"
	})

	// Uninstall keeping history: helm list -a says uninstalled; then for good.
	if _, err := e.c.Uninstall(ref, true); err != nil {
		t.Fatal(err)
	}
	all := helmJSON[[]cliRelease](t, helmCLI(t, "list", "-n", ns, "--uninstalled", "-o", "json"))
	if len(all) != 1 || all[0].Status != "uninstalled" {
		t.Errorf("helm list --uninstalled after uninstall --keep-history: %+v", all)
	}
	w.until(t, "probe uninstalled, history kept", func(m map[string]Release) bool { return m[ns+"/probe"].Status == "uninstalled" })
	if _, err := e.c.Uninstall(ref, false); err != nil {
		t.Fatal(err)
	}
	w.until(t, "probe gone", func(m map[string]Release) bool { _, ok := m[ns+"/probe"]; return !ok })
}

func compareHistory(t *testing.T, got []HistoryEntry, cli []cliRevision) {
	t.Helper()
	if len(got) != len(cli) {
		t.Fatalf("history %+v, helm history %+v", got, cli)
	}
	for i, h := range cli { // helm prints oldest first, Kubedeck newest first
		g := got[len(got)-1-i]
		if g.Revision != h.Revision || g.Status != h.Status || g.Chart+"-"+g.ChartVersion != h.Chart || g.AppVersion != h.AppVersion || g.Description != h.Description {
			t.Errorf("revision %d: %+v, helm history %+v", h.Revision, g, h)
		}
	}
}

func sameYAML(t *testing.T, what, got, want string) {
	t.Helper()
	var g, w any
	if err := yaml.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if err := yaml.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s from helm: %v", what, err)
	}
	// helm prints "null" where there are no values, Kubedeck "{}".
	if m, ok := g.(map[string]any); ok && len(m) == 0 {
		g = nil
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n%s\nhelm says:\n%s", what, got, want)
	}
}

func TestObjectsShowMissingAndDriftedObjects(t *testing.T) {
	e := clientAs(t, testcluster.Admin)
	ns := namespace(t, e.cs)
	ref := Ref{Namespace: ns, Name: "drift"}
	install(t, e.c, ns, "drift", "")
	ctx := context.Background()

	objs, err := e.c.Objects(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objs {
		if o.State != StatePresent || o.Drifted {
			t.Errorf("fresh install: %s %s is %s, drifted %v (%s)", o.Kind, o.Name, o.State, o.Drifted, o.Message)
		}
	}
	// Someone edits the ConfigMap and deletes the Deployment.
	patch := []byte(`{"data":{"color":"red"}}`)
	if _, err := e.cs.CoreV1().ConfigMaps(ns).Patch(ctx, "drift-config", types.MergePatchType, patch, metav1.PatchOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := e.cs.AppsV1().Deployments(ns).Delete(ctx, "drift-app", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	objs, err = e.c.Objects(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	if cm := objs[0]; cm.Kind != "ConfigMap" || cm.State != StatePresent || !cm.Drifted || cm.Resource != "configmaps" || !cm.Namespaced {
		t.Errorf("edited ConfigMap: %+v", cm)
	}
	if dep := objs[1]; dep.Kind != "Deployment" || dep.State != StateMissing || dep.Group != "apps" {
		t.Errorf("deleted Deployment: %+v", dep)
	}
	d, err := e.c.Drift(ctx, ref, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Rendered, "color: blue") || !strings.Contains(d.LiveFields, "color: red") || strings.Contains(d.LiveFields, "uid:") {
		t.Errorf("drift:\nrendered:\n%s\nlive fields:\n%s", d.Rendered, d.LiveFields)
	}
	if strings.Contains(d.Live, "managedFields") || !strings.Contains(d.Live, "meta.helm.sh/release-name") {
		t.Errorf("whole live object:\n%s", d.Live)
	}
}

func TestUpgradeChecksValuesFirst(t *testing.T) {
	e := clientAs(t, testcluster.Admin)
	ns := namespace(t, e.cs)
	ref := Ref{Namespace: ns, Name: "strict"}
	install(t, e.c, ns, "strict", "")
	ctx := context.Background()

	if _, err := e.c.Upgrade(ctx, ref, UpgradeRequest{Values: "replicaCount: [1", DryRun: true}); err == nil || !strings.Contains(err.Error(), "not valid YAML") {
		t.Errorf("broken YAML: %v", err)
	}
	if _, err := e.c.Upgrade(ctx, ref, UpgradeRequest{Values: "replicaCount: many", DryRun: true}); err == nil || !strings.Contains(err.Error(), "replicaCount") {
		t.Errorf("values against the chart's schema: %v", err)
	}
	res, err := e.c.Upgrade(ctx, ref, UpgradeRequest{Values: "replicaCount: 3", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.DryRun || res.Release.Revision != 2 || !strings.Contains(res.Manifest, "replicas: 3") {
		t.Errorf("dry run: %+v", res)
	}
	// A dry run changes nothing.
	hist := helmJSON[[]cliRevision](t, helmCLI(t, "history", "strict", "-n", ns, "-o", "json"))
	if len(hist) != 1 {
		t.Errorf("helm history after a dry run: %+v", hist)
	}
}

func TestConfigMapDriverReleasesAreListed(t *testing.T) {
	e := clientAs(t, testcluster.Admin)
	ns := namespace(t, e.cs)
	w := watchReleases(t, e.cs, ns)
	helmCLIEnv(t, []string{"HELM_DRIVER=configmap"}, "install", "old", probeChart, "-n", ns)
	w.until(t, "old, from the configmap driver", func(m map[string]Release) bool {
		r := m[ns+"/old"]
		return r.Driver == DriverConfigMap && r.Chart == "probe" && r.Status == "deployed"
	})
	d, err := e.c.Details(Ref{Namespace: ns, Name: "old", Driver: DriverConfigMap})
	if err != nil {
		t.Fatal(err)
	}
	if d.Release.Revision != 1 || len(d.History) != 1 {
		t.Errorf("details of a configmap-stored release: %+v", d.Release)
	}
}

// A release another operation holds (pending-upgrade: a helm upgrade still
// running, or one that was killed) is refused in Helm's words.
func TestAnOperationInProgressIsReportedClearly(t *testing.T) {
	e := clientAs(t, testcluster.Admin)
	ns := namespace(t, e.cs)
	ref := Ref{Namespace: ns, Name: "busy"}
	install(t, e.c, ns, "busy", "")
	store := driver.NewSecrets(e.cs.CoreV1().Secrets(ns))
	key := "sh.helm.release.v1.busy.v1"
	r, err := store.Get(key)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := v1(r)
	if err != nil {
		t.Fatal(err)
	}
	rel.Info.Status = common.StatusPendingUpgrade
	if err := store.Update(key, rel); err != nil {
		t.Fatal(err)
	}
	_, err = e.c.Upgrade(context.Background(), ref, UpgradeRequest{Values: "replicaCount: 2"})
	if err == nil || !strings.Contains(err.Error(), "another operation") || !strings.Contains(err.Error(), "in progress") {
		t.Errorf("upgrading a pending release: %v", err)
	}
}
