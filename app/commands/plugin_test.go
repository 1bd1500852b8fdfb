package commands

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func pluginKubeconfig(t *testing.T, server, script string) string {
	t.Helper()
	plugin := filepath.Join(t.TempDir(), "kubedeck-test-plugin")
	if err := os.WriteFile(plugin, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: local
  cluster: {server: %q, insecure-skip-tls-verify: true}
users:
- name: sso
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: %s
      interactiveMode: IfAvailable
contexts:
- name: sso
  context: {cluster: local, user: sso}
`, server, plugin)
}

// A credential plugin's stderr (its hint to the user) reaches the sign-in
// state of the cluster, bounded.
func TestCredentialPluginStderrReachesTheSignInState(t *testing.T) {
	c := testcluster.Get(t)
	cmds, _ := fixture(t, pluginKubeconfig(t, c.Server, `#!/bin/sh
head -c 10000 /dev/zero | tr '\0' x >&2
echo >&2
echo "Error loading SSO Token: Token for prod does not exist" >&2
echo "run: aws sso login --profile prod" >&2
exit 255
`))
	st, err := cmds.ClusterStatus("sso")
	if err != nil || st.State != StateSignedOut {
		t.Fatalf("status = %+v, %v; want signed-out", st, err)
	}
	if !strings.Contains(st.Message, "run: aws sso login --profile prod") || !strings.Contains(st.Message, "exit code 255") ||
		!strings.Contains(st.Message, "kubedeck-test-plugin") {
		t.Errorf("message %q lacks the plugin's hint, exit code or name", st.Message)
	}
	if len(st.Message) > 5<<10 {
		t.Errorf("message is %d bytes; the plugin's stderr must be bounded", len(st.Message))
	}
}

// A credential plugin that never ends is stopped after the plugin timeout,
// and the state says so; it gets no terminal to wait on.
func TestHangingCredentialPluginIsBounded(t *testing.T) {
	c := testcluster.Get(t)
	cmds, _ := fixture(t, pluginKubeconfig(t, c.Server, `#!/bin/sh
echo "Open https://login.example/device and enter the code" >&2
sleep 60
`))
	cmds.s.Clusters().SetPluginTimeout(time.Second)
	t0 := time.Now()
	st, err := cmds.ClusterStatus("sso")
	took := time.Since(t0)
	if err != nil || st.State != StateSignedOut || !strings.Contains(st.Message, "did not finish within 1s") ||
		!strings.Contains(st.Message, "enter the code") {
		t.Errorf("status = %+v, %v; want signed-out naming the timeout and the plugin's output", st, err)
	}
	if took > cluster.DefaultPluginTimeout/2 || took > StatusTimeout {
		t.Errorf("status took %v", took)
	}
}
