package helm

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/restmapper"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

const probeChart = "testdata/charts/probe"

// env is a client and clientset of one role on the shared cluster.
type env struct {
	c  *Client
	cs kubernetes.Interface
}

func clientAs(t *testing.T, role string) env {
	t.Helper()
	cfg := testcluster.Get(t).Config(t, role)
	cs := kubernetes.NewForConfigOrDie(cfg)
	disc := memory.NewMemCacheClient(cs.Discovery())
	mapper := restmapper.NewDeferredDiscoveryRESTMapper(disc)
	return env{c: New(cfg, disc, mapper, dynamic.NewForConfigOrDie(cfg), nil), cs: cs}
}

// helmCLI runs the helm CLI built beside the cluster, as admin.
func helmCLI(t *testing.T, args ...string) string {
	t.Helper()
	return helmCLIEnv(t, nil, args...)
}

func helmCLIEnv(t *testing.T, env []string, args ...string) string {
	t.Helper()
	tc := testcluster.Get(t)
	if tc.Helm == "" {
		t.Fatal("the devcluster's ready line names no helm binary (devcluster build builds it)")
	}
	cmd := exec.Command(tc.Helm, append([]string{"--kubeconfig", tc.Kubeconfig, "--kube-context", tc.Context(testcluster.Admin)}, args...)...)
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "HELM_CACHE_HOME="+home, "HELM_CONFIG_HOME="+home, "HELM_DATA_HOME="+home)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("helm %s: %s", strings.Join(args, " "), msg)
	}
	return string(out)
}

// namespace creates a namespace for one test, deleted after it.
func namespace(t *testing.T, cs kubernetes.Interface) string {
	t.Helper()
	ns := fmt.Sprintf("helm-t-%d", time.Now().UnixNano()%1_000_000_000)
	_, err := cs.CoreV1().Namespaces().Create(context.Background(), &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cs.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{}) })
	return ns
}

func install(t *testing.T, c *Client, ns, name, values string) Result {
	t.Helper()
	res, err := c.Install(context.Background(), InstallRequest{Namespace: ns, Name: name, ChartPath: probeChart, Values: values})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func upgrade(t *testing.T, c *Client, ref Ref, values string) Result {
	t.Helper()
	res, err := c.Upgrade(context.Background(), ref, UpgradeRequest{Values: values})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// watcher collects what Watch sends.
type watcher struct {
	mu       sync.Mutex
	releases map[string]Release
	full     int
	problems []Problem
	err      chan error
}

func watchReleases(t *testing.T, cs kubernetes.Interface, namespaces ...string) *watcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &watcher{releases: map[string]Release{}, err: make(chan error, 1)}
	go func() {
		w.err <- Watch(ctx, cs, namespaces, Sink{
			Update: func(u Update) error {
				w.mu.Lock()
				defer w.mu.Unlock()
				if u.Full {
					w.full++
					clear(w.releases)
				}
				for _, r := range u.Releases {
					w.releases[r.Key()] = r
				}
				for _, k := range u.Deleted {
					delete(w.releases, k)
				}
				return nil
			},
			Problem: func(p Problem) error {
				w.mu.Lock()
				defer w.mu.Unlock()
				w.problems = append(w.problems, p)
				return nil
			},
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-w.err; err != nil {
			t.Errorf("watch: %v", err)
		}
	})
	return w
}

// until waits for cond over the watcher's releases, failing after 10 s
// with what it saw.
func (w *watcher) until(t *testing.T, what string, cond func(map[string]Release) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		w.mu.Lock()
		ok := w.full > 0 && cond(w.releases)
		seen, _ := json.Marshal(w.releases)
		w.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("watch never showed %s; it shows %s", what, seen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// helmJSON decodes helm's -o json output.
func helmJSON[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("helm's JSON: %v\n%s", err, out)
	}
	return v
}
