// Package cluster runs a real local Kubernetes control plane: etcd,
// kube-apiserver, kube-controller-manager, kube-scheduler and kwok (fake
// nodes whose pods run, log, exec and port-forward; attach reaches a real
// shell per container through the kubelet front), all on free loopback
// ports, with a kubeconfig holding an admin, a viewer and a developer
// context, seeded with demo content. Stop ends every process it started; the
// kernel ends them too if this process dies.
package cluster

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/devcluster/build"
	"github.com/kubedeck/kubedeck/devcluster/seed"
)

// Context names of the generated kubeconfig, and the roles they stand for.
const (
	AdminContext     = "kubedeck-admin"
	ViewerContext    = "kubedeck-viewer"
	DeveloperContext = "kubedeck-developer"
)

// Seed contents.
const (
	SeedDemo = "demo" // nodes, RBAC and the demo workloads (the default)
	SeedNone = "none" // nodes and RBAC only
)

// Options configure Start. The zero value is a seeded cluster in a new
// temporary folder.
type Options struct {
	// Dir holds data, certificates, logs and the kubeconfig; created if
	// needed. Empty: a new temporary folder, removed by Stop.
	Dir string
	// Seed is SeedDemo (when empty) or SeedNone.
	Seed string
	// Bench adds many pods and events, for benchmarks.
	Bench seed.Bench
	// Binaries to run; nil builds them (or finds them cached) first.
	Binaries *build.Binaries
	// Log gets progress; nil discards it.
	Log *slog.Logger
}

// Cluster is a running control plane.
type Cluster struct {
	Dir        string
	Kubeconfig string // admin, viewer and developer contexts; admin is current
	// SystemKubeconfig is the components' admin kubeconfig (system:masters).
	SystemKubeconfig string
	Server           string // https://127.0.0.1:PORT
	Etcd             string // etcd's client URL (tests compact it to provoke 410 Gone)
	LogFile          string // the CRI log file every container shows
	PreviousLogFile  string // what every container shows for --previous
	// Tokens are the bearer tokens by role: admin, viewer, developer.
	Tokens map[string]string
	// Contexts are the kubeconfig's context names by role.
	Contexts map[string]string
	// PortForwardTarget is the local HTTP server every pod port forwards to.
	PortForwardTarget string
	// Helm is the helm CLI built with the binaries (the version seed writes
	// releases with).
	Helm string

	log         *slog.Logger
	systemToken string
	removeDir   bool
	forward     *http.Server
	forwardPort int
	front       *kubeletFront

	mu       sync.Mutex
	procs    []*process
	stopping bool
	exited   string
	died     chan struct{} // closed when a component exits on its own
	stopOnce sync.Once
}

// Start runs the control plane, seeds it and returns once the seeded pods
// run. On error everything started is stopped again.
func Start(ctx context.Context, o Options) (c *Cluster, err error) {
	log := o.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	switch o.Seed {
	case "":
		o.Seed = SeedDemo
	case SeedDemo, SeedNone:
	default:
		return nil, fmt.Errorf("unknown seed %q (want %s or %s)", o.Seed, SeedDemo, SeedNone)
	}
	var bins build.Binaries
	if o.Binaries != nil {
		bins = *o.Binaries
	} else if bins, err = build.Ensure(ctx, log); err != nil {
		return nil, fmt.Errorf("build the binaries: %w", err)
	}

	c = &Cluster{log: log, died: make(chan struct{}), Helm: bins.Helm}
	if o.Dir == "" {
		if c.Dir, err = os.MkdirTemp("", "kubedeck-cluster-"); err != nil {
			return nil, fmt.Errorf("create a temporary folder: %w", err)
		}
		c.removeDir = true
	} else if c.Dir, err = filepath.Abs(o.Dir); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	defer func() {
		if err != nil {
			c.Stop()
			c = nil
		}
	}()
	t0 := time.Now()
	if err := c.launch(ctx, bins); err != nil {
		return c, err
	}
	log.Info("control plane up", "server", c.Server, "took", time.Since(t0).Round(time.Millisecond))

	cfg, err := clientcmd.BuildConfigFromFlags("", c.SystemKubeconfig)
	if err != nil {
		return c, fmt.Errorf("load %s: %w", c.SystemKubeconfig, err)
	}
	s, err := seed.New(cfg, log)
	if err != nil {
		return c, err
	}
	t1 := time.Now()
	nodes := seed.NodeOptions{Count: 3, Pods: max(110, o.Bench.Pods/3+110)}
	if err := s.Base(ctx, nodes); err != nil {
		return c, fmt.Errorf("seed nodes and RBAC: %w", err)
	}
	if o.Seed == SeedDemo {
		if err := s.Demo(ctx); err != nil {
			return c, fmt.Errorf("seed the demo: %w", err)
		}
		if err := s.Helm(ctx); err != nil {
			return c, fmt.Errorf("seed the demo's Helm releases: %w", err)
		}
	}
	if err := s.Bench(ctx, o.Bench); err != nil {
		return c, fmt.Errorf("seed the benchmark objects: %w", err)
	}
	log.Info("seeded", "seed", o.Seed, "took", time.Since(t1).Round(time.Millisecond))
	return c, nil
}

// Pids returns the process ids of the running components.
func (c *Cluster) Pids() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []int
	for _, p := range c.procs {
		out = append(out, p.Pid())
	}
	return out
}

// Died is closed when a component exits without Stop being called.
func (c *Cluster) Died() <-chan struct{} { return c.died }

// Exited names the component that exited on its own, if any.
func (c *Cluster) Exited() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.exited
}

// LogTail returns the last lines of a component's log (D/logs/NAME.log).
func (c *Cluster) LogTail(component string, lines int) string {
	b, err := os.ReadFile(filepath.Join(c.Dir, "logs", component+".log"))
	if err != nil {
		return err.Error()
	}
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(all[max(0, len(all)-lines):], "\n")
}

func (c *Cluster) add(p *process) {
	c.mu.Lock()
	c.procs = append(c.procs, p)
	c.mu.Unlock()
	go c.watch(p)
}

// watch reports p's exit as the cluster's death, unless it was stopped or
// is being restarted on purpose.
func (c *Cluster) watch(p *process) {
	<-p.done
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.stopping && !p.restarting && c.exited == "" {
		c.exited = p.name
		close(c.died)
	}
}

// Stop ends every component and waits until they are gone: first the
// kubelet front and the containers' main processes (SIGKILL), the API
// server's clients and the API server (SIGTERM, SIGKILL after 5 s), then
// etcd. It removes the data folder if Start made it. Safe to call twice.
func (c *Cluster) Stop() {
	c.stopOnce.Do(func() {
		t0 := time.Now()
		c.mu.Lock()
		c.stopping = true
		procs := c.procs
		c.mu.Unlock()
		if c.forward != nil {
			_ = c.forward.Close()
		}
		if c.front != nil {
			c.front.close()
		}
		var etcd []*process
		var wg sync.WaitGroup
		for _, p := range procs {
			if p.name == "etcd" {
				etcd = append(etcd, p)
				continue
			}
			wg.Go(func() { c.stopOne(p) })
		}
		wg.Wait()
		for _, p := range etcd {
			c.stopOne(p)
		}
		if c.removeDir {
			if err := os.RemoveAll(c.Dir); err != nil {
				c.log.Warn("remove the data folder", "dir", c.Dir, "err", err)
			}
		}
		c.log.Info("cluster stopped", "took", time.Since(t0).Round(time.Millisecond))
	})
}

func (c *Cluster) stopOne(p *process) {
	if err := p.stop(5 * time.Second); err != nil {
		c.log.Warn("stop", "component", p.name, "err", err)
	}
}
