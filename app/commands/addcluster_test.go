package commands

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
)

// managedFixture returns desktop-like commands: the test cluster's
// kubeconfig plus an (empty) app-managed file, as in main.go.
func managedFixture(t *testing.T) (*Commands, *testcluster.Cluster, string) {
	t.Helper()
	c := testcluster.Get(t)
	managed := filepath.Join(t.TempDir(), "kubedeck", "kubeconfig")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	store := kubeconfig.NewStore([]string{c.Kubeconfig, managed})
	return New(Deps{Version: "test", Clusters: cluster.NewManager(store, credentials.NewMemory(), "test", log),
		Managed: kubeconfig.NewManaged(managed), Log: log}), c, managed
}

func pastedExec(server, marker string) string {
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: %q, insecure-skip-tls-verify: true}
users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: /bin/sh
      args: [-c, "touch %s"]
      env: [{name: AWS_PROFILE, value: prod}]
      interactiveMode: Never
contexts:
- name: pasted-exec
  context: {cluster: c, user: u}
`, server, marker)
}

// A pasted kubeconfig's exec plugin must not run unless the user allowed
// exactly that command: added without consent it is refused, and checking
// the cluster (ClusterStatus, ClusterInfo) runs nothing.
func TestPastedExecPluginNeedsConsent(t *testing.T) {
	cmds, c, _ := managedFixture(t)
	marker := filepath.Join(t.TempDir(), "MARKER")
	pasted := pastedExec(c.Server, marker)

	_, err := cmds.AddKubeconfig(pasted, "")
	if err == nil || !errors.Is(err, kubeconfig.ErrNeedsConsent) || !strings.Contains(err.Error(), "/bin/sh -c touch") {
		t.Errorf("AddKubeconfig without consent = %v, want a refusal naming the command", err)
	}
	_, _ = cmds.ClusterStatus("pasted-exec")
	_, _ = cmds.ClusterInfo("pasted-exec")
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the pasted exec command ran without consent")
	}
	list, _ := cmds.Contexts()
	for _, ctx := range list.Contexts {
		if ctx.Name == "pasted-exec" {
			t.Fatal("the context was kept without consent")
		}
	}

	review, err := cmds.ReviewKubeconfig(pasted)
	if err != nil || len(review.Items) != 1 {
		t.Fatalf("ReviewKubeconfig = %+v, %v; want the exec plugin", review, err)
	}
	it := review.Items[0]
	if it.Kind != kubeconfig.ReviewExec || it.Command != "/bin/sh" || strings.Join(it.Args, " ") != "-c touch "+marker ||
		len(it.Env) != 1 || it.Env[0] != (kubeconfig.EnvVar{Name: "AWS_PROFILE", Value: "prod"}) || it.Owner != `user "u"` {
		t.Errorf("review item = %+v", it)
	}
	// A consent given for another paste does not count.
	other, _ := cmds.ReviewKubeconfig(pastedExec(c.Server, marker+"2"))
	if _, err := cmds.AddKubeconfig(pasted, other.Consent); !errors.Is(err, kubeconfig.ErrNeedsConsent) {
		t.Errorf("AddKubeconfig with another paste's consent = %v, want refused", err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the pasted exec command ran without consent")
	}

	added, err := cmds.AddKubeconfig(pasted, review.Consent)
	if err != nil || len(added) != 1 || added[0] != "pasted-exec" {
		t.Fatalf("AddKubeconfig with consent = %v, %v", added, err)
	}
	// Allowed, the plugin is kept and runs on first use.
	_, _ = cmds.ClusterStatus("pasted-exec")
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("the allowed exec command did not run: %v", err)
	}
}

// A tokenFile would send a local file to the pasted server as a bearer
// token: refused without consent, and the review names the absolute path.
func TestPastedTokenFileNeedsConsent(t *testing.T) {
	cmds, c, managed := managedFixture(t)
	secret := filepath.Join(t.TempDir(), "id_token")
	if err := os.WriteFile(secret, []byte("local-secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	pasted := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: %q, certificate-authority: ca.pem}
users:
- name: u
  user: {tokenFile: %q}
- name: inline
  user: {token: abc}
contexts:
- name: pasted-file
  context: {cluster: c, user: u}
`, c.Server, secret)
	if _, err := cmds.AddKubeconfig(pasted, ""); !errors.Is(err, kubeconfig.ErrNeedsConsent) ||
		!strings.Contains(err.Error(), secret) {
		t.Fatalf("AddKubeconfig with a tokenFile = %v, want refused naming the file", err)
	}
	snap, _ := cmds.s.Clusters().Store().Snapshot()
	if _, ok := snap.Context("pasted-file"); ok {
		t.Fatal("the context was kept without consent")
	}
	review, err := cmds.ReviewKubeconfig(pasted)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"tokenFile": secret, "certificate-authority": filepath.Join(filepath.Dir(managed), "ca.pem")}
	if len(review.Items) != 2 {
		t.Fatalf("review = %+v, want the token file and the CA file", review.Items)
	}
	for _, it := range review.Items {
		if it.Kind != kubeconfig.ReviewFile || want[it.Field] != it.Path {
			t.Errorf("review item %+v, want %v", it, want)
		}
	}
}

// Inline credentials run and read nothing local: no consent needed.
func TestPastedInlineKubeconfigNeedsNoConsent(t *testing.T) {
	cmds, c, _ := managedFixture(t)
	pasted := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: %q, insecure-skip-tls-verify: true}
users:
- name: u
  user: {token: %q}
contexts:
- name: pasted-inline
  context: {cluster: c, user: u}
`, c.Server, c.Tokens[testcluster.Viewer])
	review, err := cmds.ReviewKubeconfig(pasted)
	if err != nil || len(review.Items) != 0 || review.Consent != "" || len(review.Contexts) != 1 {
		t.Fatalf("review = %+v, %v; want nothing to allow", review, err)
	}
	if _, err := cmds.AddKubeconfig(pasted, ""); err != nil {
		t.Fatal(err)
	}
	if st, _ := cmds.ClusterStatus("pasted-inline"); st.State != StateReady || st.User != "viewer" {
		t.Errorf("status = %+v", st)
	}
}
