package commands

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os/exec"
	"strings"
	"testing"

	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// oldCluster is the test cluster as a cluster before Kubernetes 1.28 looks:
// an HTTP reverse proxy (signed in upstream as the admin) that answers 404
// for SelfSubjectReviews, which those clusters do not serve.
func oldCluster(t *testing.T, c *testcluster.Cluster) string {
	t.Helper()
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	upstream, err := url.Parse(cfg.Host)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := rest.TransportFor(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(upstream)
	rp.Transport = rt
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Authorization")
		if strings.Contains(r.URL.Path, "selfsubjectreviews") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404}`)
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func kubectlServerVersion(t *testing.T, c *testcluster.Cluster) string {
	t.Helper()
	// kubectl exits 1 after printing when it cannot parse a dev build's
	// version for its skew warning; the JSON it printed is what counts.
	out, _ := exec.Command("kubectl", "--kubeconfig", c.Kubeconfig, "--context", c.Context(testcluster.Admin), "version", "-o", "json").Output()
	var v struct {
		ServerVersion struct {
			GitVersion string `json:"gitVersion"`
		} `json:"serverVersion"`
	}
	if err := json.Unmarshal(out, &v); err != nil || v.ServerVersion.GitVersion == "" {
		t.Fatalf("kubectl version -o json: %v\n%s", err, out)
	}
	return v.ServerVersion.GitVersion
}

func TestClusterWithoutSelfSubjectReviewIsReachable(t *testing.T) {
	c := testcluster.Get(t)
	server := oldCluster(t, c)
	cmds, _ := fixture(t, fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: old
  cluster: {server: %q}
users:
- name: old-user
  user: {token: replaced-by-the-proxy}
contexts:
- name: old-cluster
  context: {cluster: old, user: old-user}
`, server))
	want := kubectlServerVersion(t, c)

	st, err := cmds.ClusterStatus("old-cluster")
	if err != nil || st.State != StateReady || st.GitVersion != want || st.User != "" {
		t.Errorf("status of a cluster without SelfSubjectReview = %+v, %v; want ready, version %s, user unknown", st, err, want)
	}
	if !strings.Contains(st.Message, "cannot tell who you are") {
		t.Errorf("message %q does not say the user is unknown", st.Message)
	}
	info, err := cmds.ClusterInfo("old-cluster")
	if err != nil || info.GitVersion != want || info.User != "" {
		t.Errorf("ClusterInfo = %+v, %v; want version %s, user unknown", info, err, want)
	}
	// The real cluster still says who the user is, and the same version.
	st, err = cmds.ClusterStatus(c.Context(testcluster.Viewer))
	if err != nil || st.State != StateReady || st.User != "viewer" || st.GitVersion != want || st.Message != "" {
		t.Errorf("viewer status = %+v, %v", st, err)
	}
}
