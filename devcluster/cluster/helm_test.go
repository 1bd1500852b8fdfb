package cluster_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/cluster"
)

// The bench Helm releases TestClusterRunsSeedsAndStopsClean seeds.
const (
	helmBenchReleases   = 24
	helmBenchNamespaces = 3
)

// helmCLI runs the built helm CLI against c (as the admin unless args pick
// another --kube-context), its own state in a temporary folder.
type helmCLI struct {
	t    *testing.T
	bin  string
	kube string
	home string
}

func newHelmCLI(t *testing.T, c *cluster.Cluster) helmCLI {
	if c.Helm == "" {
		t.Fatal("the cluster has no helm binary")
	}
	return helmCLI{t: t, bin: c.Helm, kube: c.Kubeconfig, home: t.TempDir()}
}

// run runs helm with env added to its environment.
func (h helmCLI) run(env []string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, h.bin, append([]string{"--kubeconfig", h.kube}, args...)...)
	cmd.Env = append(os.Environ(), "HELM_CACHE_HOME="+filepath.Join(h.home, "cache"),
		"HELM_CONFIG_HOME="+filepath.Join(h.home, "config"), "HELM_DATA_HOME="+filepath.Join(h.home, "data"))
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// json runs helm (args end with -o json) and decodes its output into v.
func (h helmCLI) json(v any, env []string, args ...string) {
	h.t.Helper()
	out, err := h.run(env, args...)
	if err != nil {
		h.t.Fatalf("helm %v: %v\n%s", args, err, out)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		h.t.Fatalf("helm %v: %v\n%s", args, err, out)
	}
}

// listed is a row of `helm list -o json` (its revision is a string).
type listed struct {
	Name       string `json:"name"`
	Namespace  string `json:"namespace"`
	Revision   string `json:"revision"`
	Status     string `json:"status"`
	Chart      string `json:"chart"`
	AppVersion string `json:"app_version"`
}

// revision is a row of `helm history -o json`.
type revision struct {
	Revision    int    `json:"revision"`
	Status      string `json:"status"`
	Chart       string `json:"chart"`
	AppVersion  string `json:"app_version"`
	Description string `json:"description"`
}

// testHelmReleases checks the demo's Helm releases (seed/helm.go) and the
// bench ones with the helm CLI, as the admin, the viewer and the developer.
func testHelmReleases(t *testing.T, c *cluster.Cluster) {
	h := newHelmCLI(t, c)

	var all []listed
	h.json(&all, nil, "list", "-A", "--max", "0", "-o", "json")
	var demo []listed
	bench := 0
	for _, r := range all {
		if strings.HasPrefix(r.Namespace, "bench-") {
			bench++
			if r.Chart != "bench-0.1.0" || r.Status != "deployed" || r.Revision != "1" || !strings.HasPrefix(r.Name, "bench-release-") {
				t.Errorf("bench release: %+v", r)
			}
			continue
		}
		demo = append(demo, r)
	}
	sort.Slice(demo, func(i, j int) bool { return demo[i].Name < demo[j].Name })
	want := []listed{
		{Name: "metrics-agent", Namespace: "platform", Revision: "2", Status: "deployed", Chart: "agent-0.3.0", AppVersion: "0.3.0"},
		{Name: "shop", Namespace: "team-a", Revision: "3", Status: "failed", Chart: "shop-1.2.0", AppVersion: "2.4.1"},
	}
	if !reflect.DeepEqual(demo, want) {
		t.Errorf("helm list -A (secret driver):\n got %+v\nwant %+v", demo, want)
	}
	if bench != helmBenchReleases {
		t.Errorf("helm list -A: %d bench releases, want %d", bench, helmBenchReleases)
	}

	var legacy []listed
	h.json(&legacy, []string{"HELM_DRIVER=configmap"}, "list", "-n", "team-a", "-o", "json")
	if want := []listed{{Name: "legacy-cron", Namespace: "team-a", Revision: "1", Status: "deployed", Chart: "agent-0.3.0", AppVersion: "0.3.0"}}; !reflect.DeepEqual(legacy, want) {
		t.Errorf("HELM_DRIVER=configmap helm list -n team-a:\n got %+v\nwant %+v", legacy, want)
	}

	var hist []revision
	h.json(&hist, nil, "history", "shop", "-n", "team-a", "-o", "json")
	var got []string
	for _, r := range hist {
		got = append(got, r.Status)
		if r.Chart != "shop-1.2.0" || r.AppVersion != "2.4.1" {
			t.Errorf("shop revision %d: chart %s, app version %s", r.Revision, r.Chart, r.AppVersion)
		}
	}
	if want := []string{"superseded", "deployed", "failed"}; !reflect.DeepEqual(got, want) || hist[2].Revision != 3 {
		t.Errorf("helm history shop: %+v, want statuses %v", hist, want)
	} else if !strings.Contains(hist[2].Description, "nodePort") || !strings.Contains(hist[2].Description, "99999") {
		t.Errorf("revision 3's description does not say the API server refused the nodePort: %q", hist[2].Description)
	}
	h.json(&hist, nil, "history", "metrics-agent", "-n", "platform", "-o", "json")
	if len(hist) != 2 || hist[0].Status != "superseded" || hist[1].Status != "deployed" {
		t.Errorf("helm history metrics-agent: %+v", hist)
	}

	for _, tc := range []struct {
		release, ns, revision, want string
	}{
		{"shop", "team-a", "", `{"config":{"color":"green"},"image":{"tag":"1.27"},"replicaCount":2,"service":{"nodePort":99999}}`},
		{"shop", "team-a", "2", `{"config":{"color":"green"},"image":{"tag":"1.27"},"replicaCount":2}`},
		{"shop", "team-a", "1", `{"config":{"color":"blue"},"image":{"tag":"1.25"},"replicaCount":1}`},
		{"metrics-agent", "platform", "1", `{"interval":"30s"}`},
		{"metrics-agent", "platform", "", `{"interval":"15s"}`},
	} {
		args := []string{"get", "values", tc.release, "-n", tc.ns, "-o", "json"}
		if tc.revision != "" {
			args = append(args, "--revision", tc.revision)
		}
		var v any
		h.json(&v, nil, args...)
		var w any
		_ = json.Unmarshal([]byte(tc.want), &w)
		if !reflect.DeepEqual(v, w) {
			b, _ := json.Marshal(v)
			t.Errorf("helm %v: %s, want %s", args, b, tc.want)
		}
	}
	if out, err := h.run(nil, "get", "notes", "shop", "-n", "team-a"); err != nil || !strings.Contains(out, "release shop") {
		t.Errorf("helm get notes shop:\n%s%v", out, err)
	}

	// The cluster holds revision 2's objects: revision 3 failed at the Service.
	for _, tc := range []struct{ args, want string }{
		{"get deployment shop-api -n team-a -o jsonpath={.spec.replicas},{.spec.template.spec.containers[0].image}", "2,nginx:1.27"},
		{"get service shop-api -n team-a -o jsonpath={.spec.type},{.spec.ports[0].port}", "ClusterIP,80"},
		{"get configmap shop-config -n team-a -o jsonpath={.data.color}", "green"},
		{"get configmap metrics-agent-settings -n platform -o jsonpath={.data.interval}", "15s"},
		{"get deployment legacy-cron -n team-a -o jsonpath={.metadata.annotations.meta\\.helm\\.sh/release-name}", "legacy-cron"},
		{"get namespace platform -o jsonpath={.metadata.labels.team}", "platform"},
	} {
		if out, err := kubectl(c.Kubeconfig, strings.Fields(tc.args)...); err != nil || out != tc.want {
			t.Errorf("kubectl %s: %q %v, want %q", tc.args, out, err, tc.want)
		}
	}

	// Who reads which releases: the viewer team-a's and platform's
	// (kubedeck:helm-release-reader there, not cluster-wide), the developer
	// team-a's only.
	for _, ns := range []string{"team-a", "platform"} {
		var viewed, admin []listed
		h.json(&viewed, nil, "--kube-context", cluster.ViewerContext, "list", "-n", ns, "-o", "json")
		h.json(&admin, nil, "list", "-n", ns, "-o", "json")
		if len(viewed) == 0 || len(viewed) != len(admin) {
			t.Errorf("in %s the viewer lists %d releases, the admin %d", ns, len(viewed), len(admin))
		}
	}
	if out, err := h.run(nil, "--kube-context", cluster.ViewerContext, "list", "-A"); err == nil || !strings.Contains(out, "forbidden") {
		t.Errorf("the viewer listed the releases of every namespace:\n%s%v", out, err)
	}
	var dev []listed
	h.json(&dev, nil, "--kube-context", cluster.DeveloperContext, "list", "-o", "json")
	if len(dev) != 1 || dev[0].Name != "shop" {
		t.Errorf("the developer's releases in team-a: %+v", dev)
	}
	if out, err := h.run(nil, "--kube-context", cluster.DeveloperContext, "list", "-n", "platform"); err == nil || !strings.Contains(out, "forbidden") {
		t.Errorf("the developer listed platform's releases:\n%s%v", out, err)
	}
}

// kubectlDiscoveryCache is where kubectl (and genericclioptions'
// ConfigFlags) cache discovery for server, or "" without a home folder.
func kubectlDiscoveryCache(server string) string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	host := strings.ReplaceAll(strings.TrimPrefix(server, "https://"), ":", "_")
	return filepath.Join(home, ".kube", "cache", "discovery", host)
}
