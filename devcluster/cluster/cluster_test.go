package cluster_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/cluster"
	"github.com/kubedeck/kubedeck/devcluster/seed"
)

func kubectl(kubeconfig string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "kubectl", append([]string{"--kubeconfig", kubeconfig}, args...)...).CombinedOutput()
	return string(out), err
}

func TestClusterRunsSeedsAndStopsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real control plane")
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	t0 := time.Now()
	// A few bench Helm releases too: their seeding is tested on this cluster.
	bench := seed.Bench{HelmReleases: helmBenchReleases, Namespaces: helmBenchNamespaces}
	c, err := cluster.Start(context.Background(), cluster.Options{Log: log, Bench: bench})
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			c.Stop()
		}
	}()
	t.Logf("started and seeded in %v", time.Since(t0).Round(time.Millisecond))
	// Before any kubectl runs: kubectl caches discovery there, and so would
	// the Helm SDK with the CLI's RESTClientGetter; the seeder's is in memory.
	if disc := kubectlDiscoveryCache(c.Server); disc != "" {
		if _, err := os.Stat(disc); !os.IsNotExist(err) {
			t.Errorf("seeding wrote a discovery cache under $HOME: %s (%v)", disc, err)
		}
	}
	k := func(args ...string) (string, error) { return kubectl(c.Kubeconfig, args...) }

	t.Run("nodes", func(t *testing.T) {
		out, err := k("get", "nodes", "--no-headers")
		if err != nil || strings.Count(out, " Ready ") != 3 {
			t.Errorf("want 3 Ready nodes (and a CA that verifies the server):\n%s%v", out, err)
		}
	})
	t.Run("audit log", func(t *testing.T) {
		if _, err := k("get", "nodes", "--no-headers"); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(c.Dir, "logs", cluster.AuditLog))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var ev struct {
				Verb       string `json:"verb"`
				RequestURI string `json:"requestURI"`
				UserAgent  string `json:"userAgent"`
				User       struct {
					Username string `json:"username"`
				} `json:"user"`
			}
			if err := json.Unmarshal([]byte(line), &ev); err != nil {
				t.Fatalf("audit line: %v: %s", err, line)
			}
			if ev.User.Username == "kubedeck-system" {
				t.Errorf("the components' requests are audited: %s", line)
			}
			found = found || (ev.User.Username == "admin" && ev.Verb == "list" && strings.HasPrefix(ev.RequestURI, "/api/v1/nodes") && strings.HasPrefix(ev.UserAgent, "kubectl/"))
		}
		if !found {
			t.Errorf("kubectl's list of nodes is not in the audit log with its user agent:\n%s", b)
		}
	})

	t.Run("pods", func(t *testing.T) {
		out, err := k("get", "pods", "-A", "--no-headers")
		if err != nil {
			t.Fatalf("%s%v", out, err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 13 {
			t.Errorf("want at least 13 demo pods, got:\n%s", out)
		}
		for _, l := range lines {
			if f := strings.Fields(l); len(f) < 4 || (f[3] != "Running" && f[3] != "Completed") {
				t.Errorf("pod not Running: %s", l)
			}
		}
	})
	t.Run("demo objects", func(t *testing.T) {
		out, err := k("get", "widgets", "-A")
		if err != nil || !strings.Contains(out, "SIZE") || !strings.Contains(out, "COLOR") || strings.Count(out, "\n") != 4 {
			t.Errorf("widgets with printer columns:\n%s%v", out, err)
		}
		out, err = k("get", "events", "-A", "--field-selector", "type=Warning")
		if err != nil || !strings.Contains(out, "BackOff") || !strings.Contains(out, "FailedScheduling") {
			t.Errorf("warning events:\n%s%v", out, err)
		}
		for _, obj := range [][]string{
			{"-n", "shop", "ingress/shop"}, {"ingressclass/nginx"}, {"-n", "team-b", "cronjob/report"},
			{"-n", "shop", "statefulset/db"}, {"-n", "monitoring", "daemonset/node-exporter"}, {"-n", "team-a", "secret/web-secret"},
		} {
			if out, err := k(append([]string{"get"}, obj...)...); err != nil {
				t.Errorf("get %v: %s%v", obj, out, err)
			}
		}
	})
	t.Run("rbac", func(t *testing.T) {
		for _, tc := range []struct {
			ctx  string
			args []string
			want string
		}{
			{cluster.ViewerContext, []string{"list", "pods", "-A"}, "yes"},
			{cluster.ViewerContext, []string{"list", "deployments", "-n", "shop"}, "yes"},
			{cluster.ViewerContext, []string{"delete", "pods", "-n", "team-a"}, "no"},
			// kubedeck:helm-release-reader: what a read-only Helm user needs,
			// where there are releases only.
			{cluster.ViewerContext, []string{"get", "secrets", "-n", "team-a"}, "yes"},
			{cluster.ViewerContext, []string{"list", "secrets", "-n", "platform"}, "yes"},
			{cluster.ViewerContext, []string{"get", "secrets", "-n", "team-b"}, "no"},
			{cluster.ViewerContext, []string{"list", "secrets", "-A"}, "no"},
			{cluster.ViewerContext, []string{"update", "secrets", "-n", "team-a"}, "no"},
			{cluster.DeveloperContext, []string{"list", "secrets", "-n", "platform"}, "no"},
			{cluster.DeveloperContext, []string{"delete", "pods"}, "yes"}, // the context's namespace: team-a
			{cluster.DeveloperContext, []string{"create", "deployments", "-n", "team-a"}, "yes"},
			{cluster.DeveloperContext, []string{"list", "pods", "-n", "team-b"}, "no"},
			// -A: with the context's namespace set, RBAC would evaluate the
			// (cluster-scoped) request against the team-a RoleBinding.
			{cluster.DeveloperContext, []string{"list", "namespaces", "-A"}, "no"},
			{cluster.AdminContext, []string{"*", "*", "-A"}, "yes"},
		} {
			out, _ := k(append([]string{"--context", tc.ctx, "auth", "can-i"}, tc.args...)...)
			if got := strings.TrimSpace(out); got != tc.want {
				t.Errorf("%s: can-i %v = %q, want %q", tc.ctx, tc.args, got, tc.want)
			}
		}
		if out, err := k("--context", cluster.DeveloperContext, "get", "namespaces"); err == nil {
			t.Errorf("developer listed namespaces:\n%s", out)
		}
		if out, err := k("--context", cluster.DeveloperContext, "get", "pods"); err != nil || !strings.Contains(out, "web-") {
			t.Errorf("developer's pods in team-a:\n%s%v", out, err)
		}
	})

	t.Run("helm releases", func(t *testing.T) { testHelmReleases(t, c) })

	out, err := k("get", "pods", "-n", "team-a", "-l", "app=web", "-o", "name")
	if err != nil || out == "" {
		t.Fatalf("web pods: %s%v", out, err)
	}
	pod := strings.Fields(out)[0]
	t.Run("logs", func(t *testing.T) {
		out, err := k("logs", "-n", "team-a", pod, "-c", "nginx")
		if err != nil || !strings.Contains(out, "hello from kubedeck 1\n") || !strings.Contains(out, `"msg":"request served"`) ||
			strings.Count(out, "\n") != 50 {
			t.Errorf("logs:\n%s%v", out, err)
		}
		// -f prints the lines and keeps following until stopped.
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "kubectl", "--kubeconfig", c.Kubeconfig, "logs", "-f", "-n", "team-a", pod, "-c", "nginx")
		b, err := cmd.CombinedOutput()
		if ctx.Err() == nil || !strings.Contains(string(b), "hello from kubedeck 50") {
			t.Errorf("logs -f ended early or printed too little (%v):\n%s", err, b)
		}
	})
	t.Run("logs -f streams", func(t *testing.T) {
		// The first line arrives while kubectl still follows: nothing
		// between the API server and kwok buffers the stream.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "kubectl", "--kubeconfig", c.Kubeconfig, "logs", "-f", "-n", "team-a", pod, "-c", "nginx")
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { cancel(); _ = cmd.Wait() }()
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if line != "hello from kubedeck 1\n" || ctx.Err() != nil {
			t.Errorf("logs -f: first line %q (%v)", line, err)
		}
		if cmd.ProcessState != nil {
			t.Errorf("logs -f ended: %v", cmd.ProcessState)
		}
	})
	t.Run("exec", func(t *testing.T) {
		out, err := k("exec", "-n", "team-a", pod, "-c", "nginx", "--", "sh", "-c", "echo hi")
		if err != nil || strings.TrimSpace(out) != "hi" {
			t.Errorf("exec: %q %v", out, err)
		}
	})
	t.Run("exec reads stdin to its end", func(t *testing.T) {
		// kubectl cp to a pod is `tar x` reading stdin to EOF: the front
		// closes the command's stdin when the client's ends (kwok does not).
		data := make([]byte, 300<<10)
		_, _ = rand.Read(data)
		src, dst := filepath.Join(t.TempDir(), "src.bin"), filepath.Join(t.TempDir(), "dst.bin")
		_ = os.WriteFile(src, data, 0o600)
		if out, err := k("cp", "-c", "nginx", src, "team-a/"+strings.TrimPrefix(pod, "pod/")+":"+dst); err != nil {
			t.Fatalf("kubectl cp to the pod: %v %s", err, out)
		}
		if got, _ := os.ReadFile(dst); !bytes.Equal(got, data) {
			t.Errorf("kubectl cp wrote %d of %d bytes", len(got), len(data))
		}
		cmd := exec.Command("kubectl", "--kubeconfig", c.Kubeconfig, "exec", "-i", "-n", "team-a", pod, "-c", "nginx", "--", "sh", "-c", "cat; exit 7")
		cmd.Stdin = strings.NewReader("to the end\n")
		out, err := cmd.Output()
		var exit *exec.ExitError
		if string(out) != "to the end\n" || !errors.As(err, &exit) || exit.ExitCode() != 7 {
			t.Errorf("exec -i: %q, %v (want the input back and exit code 7)", out, err)
		}
	})
	t.Run("port-forward", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "kubectl", "--kubeconfig", c.Kubeconfig, "port-forward", "-n", "team-a", pod, ":80")
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { cancel(); _ = cmd.Wait() }()
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		m := regexp.MustCompile(`127\.0\.0\.1:(\d+)`).FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("port-forward said %q", line)
		}
		resp, err := http.Get("http://127.0.0.1:" + m[1] + "/hello")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), "port-forward target") || !strings.Contains(string(body), "/hello") {
			t.Errorf("port-forward answer: %q", body)
		}
	})

	var shells []int
	t.Run("attach", func(t *testing.T) {
		shells = append(shells, testKubectlAttach(t, c.Kubeconfig, "team-a", pod, "nginx"))
	})
	t.Run("attach with a tty", func(t *testing.T) {
		shells = append(shells, testTTYAttach(t, c.Kubeconfig, "team-a", strings.TrimPrefix(pod, "pod/"), "log-shipper"))
	})
	t.Run("exec with a tty", func(t *testing.T) {
		testTTYExec(t, c.Kubeconfig, "team-a", strings.TrimPrefix(pod, "pod/"), "nginx")
	})
	t.Run("debug container", func(t *testing.T) {
		shells = append(shells, testKubectlDebug(t, c.Kubeconfig, "team-a", pod, "debugger"))
	})
	if len(shells) == 3 && (shells[0] == shells[1] || shells[1] == shells[2] || shells[0] == shells[2]) {
		t.Errorf("containers share a shell: %v", shells)
	}

	pids := c.Pids()
	if len(pids) != 5 {
		t.Errorf("pids = %v, want 5 components", pids)
	}
	t1 := time.Now()
	c.Stop()
	stopped = true
	t.Logf("stopped in %v", time.Since(t1).Round(time.Millisecond))
	for _, pid := range pids {
		if err := syscall.Kill(pid, 0); err == nil {
			t.Errorf("process %d still runs after Stop", pid)
		}
	}
	for _, pid := range shells {
		if cluster.Alive(pid) {
			t.Errorf("a container's shell %d still runs after Stop", pid)
		}
	}
	if left := processesMentioning(c.Dir); len(left) > 0 {
		t.Errorf("processes left that mention %s: %v", c.Dir, left)
	}
	if _, err := os.Stat(c.Dir); !os.IsNotExist(err) {
		t.Errorf("temporary data folder %s not removed: %v", c.Dir, err)
	}
}

// processesMentioning lists the command lines of processes whose command
// line contains s.
func processesMentioning(s string) []string {
	var out []string
	dirs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range dirs {
		b, err := os.ReadFile(f)
		if err == nil && strings.Contains(string(b), s) {
			out = append(out, strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
	return out
}
