// Command devcluster builds and runs Kubedeck's local Kubernetes cluster for
// tests, the demo and benchmarks.
//
//	devcluster build                      build (once) and print the binaries
//	devcluster up [flags]                 run until Ctrl-C; prints one JSON line when ready
//	devcluster exec [flags] -- CMD ARGS   run CMD against the cluster, then stop it
//
// In exec, CMD gets KUBECONFIG and KUBEDECK_TEST_CLUSTER (the ready line's
// file) in its environment, and the argument {kubeconfig} is replaced by the
// kubeconfig's path.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/devcluster/build"
	"github.com/kubedeck/kubedeck/devcluster/cluster"
	"github.com/kubedeck/kubedeck/devcluster/seed"
)

// Ready is the line `up` prints when the cluster is ready.
type Ready struct {
	Kubeconfig string            `json:"kubeconfig"`
	Server     string            `json:"server"`
	Etcd       string            `json:"etcd"`
	Dir        string            `json:"dir"`
	LogFile    string            `json:"logFile"`
	Contexts   map[string]string `json:"contexts"`
	Tokens     map[string]string `json:"tokens"`
	Pids       []int             `json:"pids"`
}

type options struct {
	dir                        string
	seed                       string
	benchPods, benchNamespaces int
	benchEvents                int
	exitOnStdinEOF             bool
	verbose                    bool
}

func main() {
	code, err := run(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "devcluster:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

func run(args []string) (int, error) {
	if len(args) == 0 {
		return 2, errors.New("usage: devcluster build | up [flags] | exec [flags] -- CMD ARGS")
	}
	var o options
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.StringVar(&o.dir, "dir", "", "data folder (default: a new temporary folder, removed on exit)")
	fs.StringVar(&o.seed, "seed", "demo", "content: demo or none")
	fs.IntVar(&o.benchPods, "pods-bench", 0, "also create this many pods (benchmarks)")
	fs.IntVar(&o.benchNamespaces, "namespaces-bench", 20, "spread bench pods over this many namespaces")
	fs.IntVar(&o.benchEvents, "events-bench", 0, "also create this many events (benchmarks)")
	fs.BoolVar(&o.exitOnStdinEOF, "exit-on-stdin-eof", false, "stop when standard input closes (for parent processes)")
	fs.BoolVar(&o.verbose, "v", false, "verbose logs")
	if err := fs.Parse(args[1:]); err != nil {
		return 2, err
	}
	level := slog.LevelInfo
	if o.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	switch args[0] {
	case "build":
		b, err := build.Ensure(ctx, log)
		if err != nil {
			return 1, err
		}
		return 0, json.NewEncoder(os.Stdout).Encode(b)
	case "up":
		return up(ctx, o, log)
	case "exec":
		if fs.NArg() == 0 {
			return 2, errors.New("exec needs a command after --")
		}
		return execCmd(ctx, o, fs.Args(), log)
	}
	return 2, fmt.Errorf("unknown command %q", args[0])
}

// start builds, starts and seeds a cluster.
func start(ctx context.Context, o options, log *slog.Logger) (*cluster.Cluster, func(), error) {
	t0 := time.Now()
	bins, err := build.Ensure(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	dir, cleanup := o.dir, func() {}
	if dir == "" {
		if dir, err = os.MkdirTemp("", "kubedeck-cluster-"); err != nil {
			return nil, nil, err
		}
		cleanup = func() { _ = os.RemoveAll(dir) }
	}
	c, err := cluster.Start(ctx, cluster.Options{Dir: dir, Bin: bins, Log: log})
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	stopAll := func() { c.Stop(); cleanup() }
	if err := seedCluster(ctx, c, o, log); err != nil {
		stopAll()
		return nil, nil, fmt.Errorf("seed: %w", err)
	}
	log.Info("cluster ready", "server", c.Server, "kubeconfig", c.Kubeconfig, "took", time.Since(t0).Round(time.Millisecond))
	return c, stopAll, nil
}

func seedCluster(ctx context.Context, c *cluster.Cluster, o options, log *slog.Logger) error {
	cfg, err := clientcmd.BuildConfigFromFlags("", c.SystemKubeconfig)
	if err != nil {
		return err
	}
	s, err := seed.New(cfg, log)
	if err != nil {
		return err
	}
	if err := s.Nodes(ctx, 3); err != nil {
		return err
	}
	if o.seed == "demo" {
		if err := s.Demo(ctx); err != nil {
			return err
		}
	}
	return s.Bench(ctx, o.benchPods, o.benchNamespaces, o.benchEvents, 3)
}

func ready(c *cluster.Cluster) Ready {
	return Ready{Kubeconfig: c.Kubeconfig, Server: c.Server, Etcd: c.Etcd, Dir: c.Dir, LogFile: c.LogFile,
		Contexts: c.Contexts, Tokens: c.Tokens, Pids: c.Pids()}
}

func up(ctx context.Context, o options, log *slog.Logger) (int, error) {
	c, stopAll, err := start(ctx, o, log)
	if err != nil {
		return 1, err
	}
	defer stopAll()
	if err := json.NewEncoder(os.Stdout).Encode(ready(c)); err != nil {
		return 1, err
	}
	wait(ctx, c, o.exitOnStdinEOF, log)
	log.Info("stopping the cluster")
	return 0, nil
}

// wait returns on a signal, on stdin EOF (if asked), when the parent
// process dies, or when a component exits.
func wait(ctx context.Context, c *cluster.Cluster, stdinEOF bool, log *slog.Logger) {
	eof := make(chan struct{})
	if stdinEOF {
		go func() { _, _ = io.Copy(io.Discard, os.Stdin); close(eof) }()
	}
	parent := os.Getppid()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-eof:
			return
		case <-tick.C:
			if os.Getppid() != parent {
				log.Info("parent process exited")
				return
			}
			if name := c.Exited(); name != "" {
				log.Error("a component exited; stopping", "component", name)
				return
			}
		}
	}
}

func execCmd(ctx context.Context, o options, argv []string, log *slog.Logger) (int, error) {
	c, stopAll, err := start(ctx, o, log)
	if err != nil {
		return 1, err
	}
	defer stopAll()
	info := filepath.Join(c.Dir, "cluster.json")
	b, _ := json.Marshal(ready(c))
	if err := os.WriteFile(info, b, 0o600); err != nil {
		return 1, err
	}
	for i, a := range argv {
		argv[i] = strings.ReplaceAll(a, "{kubeconfig}", c.Kubeconfig)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "KUBECONFIG="+c.Kubeconfig, "KUBEDECK_TEST_CLUSTER="+info)
	if err := cmd.Start(); err != nil {
		return 1, fmt.Errorf("run %s: %w", argv[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-ctx.Done():
		_ = cmd.Process.Signal(syscall.SIGTERM)
		err = <-done
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), nil
	}
	if err != nil {
		return 1, err
	}
	return 0, nil
}
