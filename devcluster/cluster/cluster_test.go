package cluster_test

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/devcluster/build"
	"github.com/kubedeck/kubedeck/devcluster/cluster"
	"github.com/kubedeck/kubedeck/devcluster/seed"
)

func kubectl(t *testing.T, kubeconfig string, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command("kubectl", append([]string{"--kubeconfig", kubeconfig}, args...)...).CombinedOutput()
	return string(out), err
}

func TestClusterRunsSeedsAndStopsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real control plane")
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	bins, err := build.Ensure(ctx, log)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	c, err := cluster.Start(ctx, cluster.Options{Dir: t.TempDir(), Bin: bins, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			c.Stop()
		}
	}()
	cfg, err := clientcmd.BuildConfigFromFlags("", c.SystemKubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	s, err := seed.New(cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Nodes(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if err := s.Demo(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("started and seeded in %v", time.Since(t0))

	out, err := kubectl(t, c.Kubeconfig, "get", "nodes", "--no-headers")
	if err != nil || strings.Count(out, " Ready ") != 3 {
		t.Errorf("nodes:\n%s%v", out, err)
	}
	out, err = kubectl(t, c.Kubeconfig, "get", "pods", "-A", "--no-headers")
	if err != nil || strings.Count(out, "Running") < 12 {
		t.Errorf("pods:\n%s%v", out, err)
	}
	can := func(ctxName string, args ...string) string {
		out, _ := kubectl(t, c.Kubeconfig, append([]string{"--context", ctxName, "auth", "can-i"}, args...)...)
		return strings.TrimSpace(out)
	}
	for _, tc := range []struct {
		ctx  string
		args []string
		want string
	}{
		{cluster.ViewerContext, []string{"list", "pods", "-A"}, "yes"},
		{cluster.ViewerContext, []string{"delete", "pods", "-n", "team-a"}, "no"},
		{cluster.DeveloperContext, []string{"delete", "pods", "-n", "team-a"}, "yes"},
		{cluster.DeveloperContext, []string{"list", "pods", "-n", "team-b"}, "no"},
	} {
		if got := can(tc.ctx, tc.args...); got != tc.want {
			t.Errorf("%s can-i %v = %q, want %q", tc.ctx, tc.args, got, tc.want)
		}
	}
	if out, err := kubectl(t, c.Kubeconfig, "--context", cluster.DeveloperContext, "get", "namespaces"); err == nil {
		t.Errorf("developer listed namespaces:\n%s", out)
	}
	pod, err := kubectl(t, c.Kubeconfig, "get", "pods", "-n", "team-a", "-l", "app=web", "-o", "name")
	if err != nil {
		t.Fatal(err)
	}
	pod = strings.Fields(pod)[0]
	if out, err := kubectl(t, c.Kubeconfig, "logs", "-n", "team-a", pod, "-c", "nginx"); err != nil || !strings.Contains(out, "hello from kubedeck 1") {
		t.Errorf("logs:\n%s%v", out, err)
	}
	if out, err := kubectl(t, c.Kubeconfig, "exec", "-n", "team-a", pod, "-c", "nginx", "--", "sh", "-c", "echo hi"); err != nil || strings.TrimSpace(out) != "hi" {
		t.Errorf("exec: %q %v", out, err)
	}

	pids := c.Pids()
	c.Stop()
	stopped = true
	for _, pid := range pids {
		if err := syscall.Kill(pid, 0); err == nil {
			t.Errorf("process %d still runs after Stop", pid)
		}
	}
}
