package cluster

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/kubedeck/kubedeck/devcluster/pki"
)

// Users of tokens.csv besides the three roles.
const systemUser = "kubedeck-system"

// writeCredentials writes tokens.csv (for --token-auth-file), the user
// kubeconfig and the components' kubeconfig. Lines of tokens.csv are
// token,user,uid,"group1,group2".
func (c *Cluster) writeCredentials(certs pki.Files) error {
	tokens := fmt.Sprintf("%s,admin,admin,\"system:masters\"\n"+
		"%s,viewer,viewer,\"kubedeck:viewers\"\n"+
		"%s,developer,developer,\"kubedeck:developers\"\n"+
		"%s,%s,%s,\"system:masters\"\n",
		c.Tokens["admin"], c.Tokens["viewer"], c.Tokens["developer"], c.systemToken, systemUser, systemUser)
	if err := os.WriteFile(filepath.Join(c.Dir, "tokens.csv"), []byte(tokens), 0o600); err != nil {
		return fmt.Errorf("write tokens.csv: %w", err)
	}
	c.Kubeconfig = filepath.Join(c.Dir, "kubeconfig")
	c.SystemKubeconfig = filepath.Join(c.Dir, "system.kubeconfig")
	user := kubeconfig(c.Server, certs.CACert, AdminContext, []entry{
		{AdminContext, "admin", c.Tokens["admin"], ""},
		{ViewerContext, "viewer", c.Tokens["viewer"], ""},
		{DeveloperContext, "developer", c.Tokens["developer"], "team-a"},
	})
	if err := clientcmd.WriteToFile(*user, c.Kubeconfig); err != nil {
		return fmt.Errorf("write the kubeconfig: %w", err)
	}
	system := kubeconfig(c.Server, certs.CACert, systemUser, []entry{{systemUser, systemUser, c.systemToken, ""}})
	if err := clientcmd.WriteToFile(*system, c.SystemKubeconfig); err != nil {
		return fmt.Errorf("write the system kubeconfig: %w", err)
	}
	return nil
}

type entry struct{ context, user, token, namespace string }

// kubeconfig has one cluster, "kubedeck", and a user and context per entry.
func kubeconfig(server, ca, current string, entries []entry) *clientcmdapi.Config {
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters["kubedeck"] = &clientcmdapi.Cluster{Server: server, CertificateAuthority: ca}
	for _, e := range entries {
		cfg.AuthInfos[e.user] = &clientcmdapi.AuthInfo{Token: e.token}
		cfg.Contexts[e.context] = &clientcmdapi.Context{Cluster: "kubedeck", AuthInfo: e.user, Namespace: e.namespace}
	}
	cfg.CurrentContext = current
	return cfg
}

// writeKwokConfig returns kwok's -c files: the stages that make nodes Ready
// and pods Running (and Job pods Succeeded), plus where container logs come
// from, how exec runs, where port-forwards go and a stage that runs
// ephemeral containers.
func (c *Cluster) writeKwokConfig(kwokModule string) ([]string, error) {
	stage := filepath.Join(kwokModule, "kustomize", "stage")
	files := []string{
		filepath.Join(stage, "node", "fast", "node-initialize.yaml"),
		filepath.Join(stage, "node", "heartbeat", "node-heartbeat.yaml"),
		filepath.Join(stage, "pod", "fast", "pod-ready.yaml"),
		filepath.Join(stage, "pod", "fast", "pod-complete.yaml"),
		filepath.Join(stage, "pod", "fast", "pod-delete.yaml"),
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("kwok stage file: %w", err)
		}
	}
	c.LogFile = filepath.Join(c.Dir, "logs", "pod.log")
	if err := writePodLog(c.LogFile, podLogLines); err != nil {
		return nil, err
	}
	c.PreviousLogFile = filepath.Join(c.Dir, "logs", "pod-previous.log")
	if err := writePodLog(c.PreviousLogFile, previousLogLines); err != nil {
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
    logsFile: %q
    previousLogsFile: %q
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
      workDir: %q
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterPortForward
metadata:
  name: all-pods
spec:
  selector: {}
  forwards:
  - target:
      address: 127.0.0.1
      port: %d
---
# kwok v0.8.0 knows no ephemeral containers: run each one added to a
# running pod (kubectl debug), so that attaching to it can start.
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-ephemeral-containers-run
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - key: '.metadata.deletionTimestamp'
      operator: 'DoesNotExist'
    - key: '.status.phase'
      operator: 'In'
      values: ['Running']
    - key: '((.spec.ephemeralContainers // []) | length) > ((.status.ephemeralContainerStatuses // []) | length)'
      operator: 'In'
      values: ['true']
  next:
    statusTemplate: |
      {{ $now := Now }}
      ephemeralContainerStatuses:
      {{ range .spec.ephemeralContainers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: 0
        state:
          running:
            startedAt: {{ $now | Quote }}
      {{ end }}
`, c.LogFile, c.PreviousLogFile, filepath.Join(c.Dir, "exec"), c.forwardPort)
	path := filepath.Join(c.Dir, "kwok-runtime.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return append(files, path), nil
}

// podLogLines is what every container logs: varied text, one JSON line, a
// colored line, stderr lines, non-ASCII text and a long line.
var podLogLines = []string{
	"hello from kubedeck 1",
	"Starting kubedeck-demo v2.3.1 (commit 9f1c2ab, go1.26)",
	"Loading configuration from /etc/app/config.yaml",
	"Connecting to database postgres://db-0.db.shop.svc:5432/shop",
	"Database connection established in 42ms",
	"Running 3 pending migrations",
	"Migration 20260101_add_orders_index applied",
	"Cache warmed: 1,284 keys in 120ms",
	"Listening on :8080",
	"GET /healthz 200 0.4ms",
	"GET /api/products 200 18.2ms",
	"GET /api/products/42 200 6.7ms",
	"POST /api/cart 201 22.9ms",
	"GET /api/cart 200 4.1ms",
	"\x1b[33mWARN\x1b[0m slow upstream: 950ms for GET /api/orders",
	"GET /api/orders 200 951.3ms",
	`{"level":"info","ts":"2026-01-01T00:00:17Z","msg":"request served","method":"GET","path":"/api/users/7","status":200,"duration_ms":3.2,"user":"alice"}`,
	"POST /api/checkout 202 48.0ms",
	"Payment provider answered: authorized (order 10231)",
	"GET /static/app.js 304 0.2ms",
	"GET /static/app.css 304 0.2ms",
	"Background job send-receipts started",
	"Sent 12 receipts",
	"ERROR failed to reach inventory service: dial tcp 10.0.0.57:9000: connect: connection refused",
	"Retrying inventory service in 2s (attempt 2/5)",
	"Inventory service reachable again",
	"GET /api/search?q=wireless+headphones 200 31.6ms",
	"Müller's café order #10232 received: 2× crème brûlée",
	"GET /healthz 200 0.3ms",
	"Metrics flushed: 57 series",
	"DELETE /api/cart/items/3 204 5.5ms",
	"GET /api/products?page=2&limit=50 200 27.4ms",
	"Config reload requested (SIGHUP)",
	"Configuration unchanged; nothing to do",
	"Session cleanup removed 18 expired sessions",
	"GET /api/recommendations 200 120.8ms " + strings.Repeat("[long line] ", 20),
	"panic recovered in handler /api/export: runtime error: index out of range [3] with length 3",
	"    at main.exportHandler (/src/export.go:88)",
	"    at net/http.HandlerFunc.ServeHTTP (/usr/local/go/src/net/http/server.go:2294)",
	"GET /api/export 500 2.1ms",
	"Rate limit reached for client 203.0.113.7; returning 429",
	"GET /api/products 429 0.1ms",
	"Leader election: this replica is the leader",
	"Background job reindex started",
	"Reindexed 48,213 documents in 3.4s",
	"GET /healthz 200 0.4ms",
	"Checkpoint written to /var/lib/app/checkpoint-000050",
	"Memory: heap 48MiB, goroutines 37",
	"GET /api/products/7 404 1.9ms",
	"hello from kubedeck 50",
}

// writePodLog writes podLogLines in the CRI format kwok reads
// ("<RFC3339Nano> stdout|stderr F <text>").
// previousLogLines is what `kubectl logs --previous` shows: the run before,
// which crashed.
var previousLogLines = []string{
	"hello from kubedeck (previous run)",
	"Starting kubedeck-demo v2.3.0 (commit 51e0d7c, go1.26)",
	"Connecting to database postgres://db-0.db.shop.svc:5432/shop",
	"ERROR database connection refused: dial tcp 10.96.0.12:5432: connect: connection refused",
	"panic: no database after 3 attempts",
	"    at main.connect (main.go:88)",
}

// writePodLog writes lines as a CRI log file (what kwok serves).
func writePodLog(path string, lines []string) error {
	var b strings.Builder
	ts := int64(0)
	for i, line := range lines {
		stream := "stdout"
		if strings.HasPrefix(line, "ERROR") || strings.HasPrefix(line, "panic") || strings.HasPrefix(line, "    at ") {
			stream = "stderr"
		}
		ts += int64(137+(i*7919)%900) * 1_000_000 // 0.1 to 1 s apart
		t := fmt.Sprintf("2026-01-01T00:%02d:%02d.%09dZ", ts/60_000_000_000, ts/1_000_000_000%60, ts%1_000_000_000)
		fmt.Fprintf(&b, "%s %s F %s\n", t, stream, line)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
