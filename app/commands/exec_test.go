package commands

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// An exec credential plugin that issues the viewer's token, counts its runs
// and takes a moment, like a real cloud login helper.
func TestExecPluginIssuesTokenOnceAtATime(t *testing.T) {
	c := testcluster.Get(t)
	dir := t.TempDir()
	count := filepath.Join(dir, "runs")
	plugin := filepath.Join(dir, "kubedeck-test-login")
	script := fmt.Sprintf(`#!/bin/sh
echo run >> %q
sleep 0.3
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
`, count, c.Tokens[testcluster.Viewer])
	if err := os.WriteFile(plugin, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	cmds, _ := fixture(t, fmt.Sprintf(`apiVersion: v1
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
      interactiveMode: Never
contexts:
- name: via-plugin
  context: {cluster: local, user: sso}
`, c.Server, plugin))

	var wg sync.WaitGroup
	states := make([]ClusterStatus, 8)
	for i := range states {
		wg.Add(1)
		go func() {
			defer wg.Done()
			states[i], _ = cmds.ClusterStatus("via-plugin")
		}()
	}
	wg.Wait()
	for _, st := range states {
		if st.State != StateReady || st.User != "viewer" {
			t.Fatalf("status via the plugin = %+v", st)
		}
	}
	runs, _ := os.ReadFile(count)
	if n := strings.Count(string(runs), "run"); n != 1 {
		t.Errorf("the plugin ran %d times for 8 concurrent requests, want 1", n)
	}
}
