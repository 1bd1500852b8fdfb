package cluster

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/pki"
)

// writeFiles writes tokens.csv and the two kubeconfigs.
func (c *Cluster) writeFiles(certs pki.Files) error {
	tokens := fmt.Sprintf("%s,admin,admin,\"system:masters\"\n%s,viewer,viewer,\"kubedeck:viewers\"\n%s,developer,developer,\"kubedeck:developers\"\n%s,kubedeck-system,kubedeck-system,\"system:masters\"\n",
		c.Tokens["admin"], c.Tokens["viewer"], c.Tokens["developer"], c.Tokens["system"])
	if err := os.WriteFile(filepath.Join(c.Dir, "tokens.csv"), []byte(tokens), 0o600); err != nil {
		return err
	}
	c.Kubeconfig = filepath.Join(c.Dir, "kubeconfig")
	c.SystemKubeconfig = filepath.Join(c.Dir, "system.kubeconfig")
	c.LogFile = filepath.Join(c.Dir, "logs", "pods.log")
	user := kubeconfig(c.Server, certs.CACert, AdminContext, []entry{
		{AdminContext, "admin", c.Tokens["admin"], ""},
		{ViewerContext, "viewer", c.Tokens["viewer"], ""},
		{DeveloperContext, "developer", c.Tokens["developer"], "team-a"},
	})
	system := kubeconfig(c.Server, certs.CACert, "system", []entry{{"system", "kubedeck-system", c.Tokens["system"], ""}})
	if err := os.WriteFile(c.Kubeconfig, []byte(user), 0o600); err != nil {
		return err
	}
	return os.WriteFile(c.SystemKubeconfig, []byte(system), 0o600)
}

type entry struct{ context, user, token, namespace string }

func kubeconfig(server, ca, current string, entries []entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "apiVersion: v1\nkind: Config\ncurrent-context: %s\nclusters:\n- name: kubedeck\n  cluster:\n    server: %s\n    certificate-authority: %s\nusers:\n", current, server, ca)
	for _, e := range entries {
		fmt.Fprintf(&b, "- name: %s\n  user:\n    token: %s\n", e.user, e.token)
	}
	b.WriteString("contexts:\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "- name: %s\n  context:\n    cluster: kubedeck\n    user: %s\n", e.context, e.user)
		if e.namespace != "" {
			fmt.Fprintf(&b, "    namespace: %s\n", e.namespace)
		}
	}
	return b.String()
}

// writeKwokConfig returns kwok's -c files: the stages that make nodes Ready
// and pods Running, plus where container logs come from and how exec runs.
func (c *Cluster) writeKwokConfig(kwokModule string) ([]string, error) {
	stage := filepath.Join(kwokModule, "kustomize", "stage")
	files := []string{
		filepath.Join(stage, "node", "fast", "node-initialize.yaml"),
		filepath.Join(stage, "node", "heartbeat", "node-heartbeat.yaml"),
	}
	pods, err := filepath.Glob(filepath.Join(stage, "pod", "fast", "*.yaml"))
	if err != nil || len(pods) == 0 {
		return nil, fmt.Errorf("kwok pod stages not found in %s", stage)
	}
	files = append(files, pods...)
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("kwok stage file: %w", err)
		}
	}
	if err := writePodLog(c.LogFile); err != nil {
		return nil, err
	}
	cfg := fmt.Sprintf(`apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterLogs
metadata:
  name: all-pods
spec:
  selector: {}
  logs:
  - containers: []
    logsFile: %s
    follow: true
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterExec
metadata:
  name: all-pods
spec:
  selector: {}
  execs:
  - containers: []
    local:
      workDir: %s
`, c.LogFile, filepath.Join(c.Dir, "exec"))
	path := filepath.Join(c.Dir, "kwok-runtime.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		return nil, err
	}
	return append(files, path), nil
}

// writePodLog writes the log every pod shows, in the CRI format kwok reads.
func writePodLog(path string) error {
	lines := []string{
		"Starting Kubedeck demo workload",
		"listening on :8080",
		`{"level":"info","msg":"request served","path":"/healthz","status":200,"ms":1.4}`,
		"\x1b[32mINFO\x1b[0m cache warmed in 120ms",
		"WARN slow upstream: 950ms for GET /api/orders",
	}
	var b strings.Builder
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 50 {
		line := lines[i%len(lines)]
		if i%len(lines) == 0 {
			line = fmt.Sprintf("hello from kubedeck %d", i+1)
		}
		fmt.Fprintf(&b, "%s stdout F %s\n", t.Add(time.Duration(i)*time.Second).Format("2006-01-02T15:04:05.000000000Z07:00"), line)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
