package commands

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
)

// fixture writes a kubeconfig with the test cluster's contexts plus broken
// ones, and returns commands over it.
func fixture(t *testing.T, extra string) (*Commands, *testcluster.Cluster) {
	t.Helper()
	c := testcluster.Get(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "extra.yaml")
	if err := os.WriteFile(path, []byte(extra), 0o600); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	store := kubeconfig.NewStore([]string{c.Kubeconfig, path})
	return New(Deps{Version: "test", Clusters: cluster.NewManager(store, credentials.NewMemory(), "test", log), Log: log}), c
}

// blackhole accepts TCP connections and never answers.
func blackhole(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

func refused(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func extraKubeconfig(server, hole, closed string) string {
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: local
  cluster: {server: %q, insecure-skip-tls-verify: true}
- name: hole
  cluster: {server: "https://%s", insecure-skip-tls-verify: true}
- name: closed
  cluster: {server: "https://%s", insecure-skip-tls-verify: true}
users:
- name: nobody
  user: {}
- name: wrong
  user: {token: not-a-valid-token}
- name: exec-missing
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: kubedeck-no-such-credential-plugin
      interactiveMode: Never
contexts:
- name: "no creds: ü/@"
  context: {cluster: local, user: nobody}
- name: wrong-token
  context: {cluster: local, user: wrong}
- name: blackhole
  context: {cluster: hole, user: wrong}
- name: refused
  context: {cluster: closed, user: wrong}
- name: exec-missing
  context: {cluster: local, user: exec-missing}
`, server, hole, closed)
}

func TestClusterStatusStates(t *testing.T) {
	c := testcluster.Get(t)
	cmds, _ := fixture(t, extraKubeconfig(c.Server, blackhole(t), refused(t)))

	st, err := cmds.ClusterStatus(c.Context(testcluster.Admin))
	if err != nil || st.State != StateReady || st.User != "admin" || !contains(st.Groups, "system:masters") || st.GitVersion == "" {
		t.Errorf("admin status = %+v, %v", st, err)
	}
	cases := map[string]ClusterState{
		"no creds: ü/@": StateSignedOut,
		"wrong-token":   StateSignedOut,
		"refused":       StateUnreachable,
		"exec-missing":  StateSignedOut,
	}
	for name, want := range cases {
		st, err := cmds.ClusterStatus(name)
		if err != nil || st.State != want {
			t.Errorf("%s: status = %+v, %v; want %s", name, st, err, want)
		}
	}
	st, _ = cmds.ClusterStatus("exec-missing")
	if !strings.Contains(st.Message, "kubedeck-no-such-credential-plugin") {
		t.Errorf("missing exec plugin message %q does not name the command", st.Message)
	}

	t0 := time.Now()
	st, err = cmds.ClusterStatus("blackhole")
	took := time.Since(t0)
	if err != nil || st.State != StateUnreachable || took > 6*time.Second {
		t.Errorf("blackhole: %+v %v after %v; want unreachable within 5 s", st, err, took)
	}
	// Meanwhile another cluster answers at once: connections are independent.
	done := make(chan time.Duration, 1)
	go func() { t0 := time.Now(); _, _ = cmds.ClusterStatus("blackhole"); done <- time.Since(t0) }()
	t1 := time.Now()
	if st, _ := cmds.ClusterStatus(c.Context(testcluster.Viewer)); st.State != StateReady || time.Since(t1) > time.Second {
		t.Errorf("viewer status while another cluster hangs: %+v after %v", st, time.Since(t1))
	}
	<-done
}

func TestSignInWithTokenAndSignOut(t *testing.T) {
	c := testcluster.Get(t)
	cmds, _ := fixture(t, extraKubeconfig(c.Server, blackhole(t), refused(t)))
	name := "no creds: ü/@"

	if _, err := cmds.SignIn(name, "garbage"); err == nil || !strings.Contains(err.Error(), "rejected") {
		t.Errorf("bad token sign-in = %v, want rejected", err)
	}
	res, err := cmds.SignIn(name, c.Tokens[testcluster.Viewer])
	if err != nil || res.User != "viewer" || res.Storage != "memory" {
		t.Fatalf("SignIn = %+v, %v", res, err)
	}
	st, _ := cmds.ClusterStatus(name)
	if st.State != StateReady || st.Auth != "token" || st.User != "viewer" {
		t.Errorf("after sign-in: %+v", st)
	}
	ns, err := cmds.Namespaces(name)
	if err != nil || len(ns.Namespaces) == 0 || ns.Restricted {
		t.Errorf("namespaces with the token = %+v, %v", ns, err)
	}
	// The token replaces the kubeconfig's (wrong) credentials, too.
	if _, err := cmds.SignIn("wrong-token", c.Tokens[testcluster.Developer]); err != nil {
		t.Fatal(err)
	}
	if st, _ := cmds.ClusterStatus("wrong-token"); st.User != "developer" {
		t.Errorf("token did not replace the kubeconfig user: %+v", st)
	}
	st, err = cmds.SignOut(name)
	if err != nil || st.State != StateSignedOut {
		t.Errorf("after sign-out: %+v, %v", st, err)
	}
}

func TestRestrictedUserNamespaces(t *testing.T) {
	cmds, c := fixture(t, "")
	ns, err := cmds.Namespaces(c.Context(testcluster.Developer))
	if err != nil || !ns.Restricted || !contains(ns.Namespaces, "team-a") || contains(ns.Namespaces, "team-b") {
		t.Errorf("developer namespaces = %+v, %v", ns, err)
	}
	full, err := cmds.Namespaces(c.Context(testcluster.Admin))
	if err != nil || full.Restricted || !contains(full.Namespaces, "team-b") || !contains(full.Namespaces, "kube-system") {
		t.Errorf("admin namespaces = %+v, %v", full, err)
	}
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
