// Command devcluster builds and runs Kubedeck's local Kubernetes cluster
// (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok; and the
// helm CLI) for tests, the demo and benchmarks.
//
//	devcluster build                     build (once) and print the binaries' paths as JSON
//	devcluster up [flags]                run until stopped; prints one JSON line when ready
//	devcluster env [flags]               like up, but prints `export KUBECONFIG=...` lines
//	devcluster exec [flags] -- CMD ARGS  run CMD against a new cluster, then stop it
//
// Flags of up, env and exec:
//
//	--dir D                  data folder (default: a new temporary folder, removed on exit)
//	--seed demo|none         demo content (Helm releases included), or only nodes and RBAC (default demo)
//	--pods-bench N           also create N pods ...
//	--namespaces-bench M     ... spread over M namespaces bench-00.. (default 20)
//	--events-bench E         also create E events
//	--helm-releases-bench H  also create H Helm releases (one ConfigMap each) in those namespaces
//	--exit-on-stdin-eof      stop when standard input closes
//	-v                       debug logs
//
// up's ready line (stdout; everything else goes to stderr, component logs to
// D/logs/) is {"kubeconfig","server","dir","contexts","tokens","etcd",
// "logFile","previousLogFile","auditLog","helm","pids","pid"} ("helm": the
// helm CLI's path); SIGUSR1 to pid restarts kube-apiserver. The cluster
// stops on SIGINT, SIGTERM or SIGHUP, on stdin EOF (with
// --exit-on-stdin-eof), when devcluster's parent process exits, or when a
// component exits. In exec, CMD gets KUBECONFIG, KUBEDECK_TEST_CLUSTER (a
// file holding the ready line) and KUBEDECK_HELM (the helm CLI) in its
// environment, with the helm CLI's folder first in PATH, and the argument
// {kubeconfig} is replaced by the kubeconfig's path.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/build"
	"github.com/kubedeck/kubedeck/devcluster/cluster"
	"github.com/kubedeck/kubedeck/devcluster/seed"
)

const usage = "usage: devcluster build | up [flags] | env [flags] | exec [flags] -- CMD ARGS"

// Ready is the line `up` prints when the cluster is ready.
type Ready struct {
	Kubeconfig string            `json:"kubeconfig"`
	Server     string            `json:"server"`
	Dir        string            `json:"dir"`
	Contexts   map[string]string `json:"contexts"`
	Tokens     map[string]string `json:"tokens"`
	Etcd       string            `json:"etcd"`
	LogFile    string            `json:"logFile"`
	PrevLog    string            `json:"previousLogFile"`
	// AuditLog is kube-apiserver's audit log (JSON lines, level Metadata).
	AuditLog string `json:"auditLog"`
	// Helm is the helm CLI (v4, built like the other binaries).
	Helm string `json:"helm"`
	Pids []int  `json:"pids"`
	// Pid is devcluster's own: SIGUSR1 to it restarts kube-apiserver.
	Pid int `json:"pid"`
}

type options struct {
	dir            string
	seed           string
	bench          seed.Bench
	exitOnStdinEOF bool
	verbose        bool
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
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(os.Stderr, usage)
		return 2, nil
	}
	var o options
	fs := flag.NewFlagSet("devcluster "+args[0], flag.ContinueOnError)
	fs.StringVar(&o.dir, "dir", "", "data folder (default: a new temporary folder, removed on exit)")
	fs.StringVar(&o.seed, "seed", cluster.SeedDemo, "content: demo or none (nodes and RBAC only)")
	fs.IntVar(&o.bench.Pods, "pods-bench", 0, "also create this many pods (benchmarks)")
	fs.IntVar(&o.bench.Namespaces, "namespaces-bench", 20, "spread the bench pods and Helm releases over this many namespaces bench-00..")
	fs.IntVar(&o.bench.Events, "events-bench", 0, "also create this many events (benchmarks)")
	fs.IntVar(&o.bench.HelmReleases, "helm-releases-bench", 0, "also create this many Helm releases (one ConfigMap each) in the bench namespaces")
	fs.BoolVar(&o.exitOnStdinEOF, "exit-on-stdin-eof", false, "stop when standard input closes (for parent processes)")
	fs.BoolVar(&o.verbose, "v", false, "debug logs")
	if err := fs.Parse(args[1:]); err != nil {
		return 2, err
	}
	level := slog.LevelInfo
	if o.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := lifetime(log, o.exitOnStdinEOF)
	defer stop()

	switch args[0] {
	case "build":
		b, err := build.Ensure(ctx, log)
		if err != nil {
			return 1, err
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return 0, enc.Encode(b)
	case "up", "env":
		return up(ctx, o, args[0] == "env", log)
	case "exec":
		if fs.NArg() == 0 {
			return 2, errors.New("exec needs a command after --")
		}
		return execCmd(ctx, o, fs.Args(), log)
	}
	return 2, fmt.Errorf("unknown command %q; %s", args[0], usage)
}

// start builds (if needed), starts and seeds a cluster.
func start(ctx context.Context, o options, log *slog.Logger) (*cluster.Cluster, error) {
	t0 := time.Now()
	c, err := cluster.Start(ctx, cluster.Options{Dir: o.dir, Seed: o.seed, Bench: o.bench, Log: log})
	if err != nil {
		if cause := context.Cause(ctx); cause != nil {
			return nil, fmt.Errorf("start-up interrupted (%v): %w", cause, err)
		}
		return nil, err
	}
	log.Info("cluster ready", "server", c.Server, "kubeconfig", c.Kubeconfig, "startup", time.Since(t0).Round(time.Millisecond))
	go restartOnSignal(ctx, c, log)
	return c, nil
}

// restartOnSignal restarts kube-apiserver on SIGUSR1, so tests can check
// that clients survive an API server restart.
func restartOnSignal(ctx context.Context, c *cluster.Cluster, log *slog.Logger) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1)
	defer signal.Stop(sig)
	for {
		select {
		case <-ctx.Done():
			return
		case <-sig:
			if err := c.RestartAPIServer(ctx); err != nil {
				log.Error("restart kube-apiserver", "err", err)
			}
		}
	}
}

func ready(c *cluster.Cluster) Ready {
	return Ready{Kubeconfig: c.Kubeconfig, Server: c.Server, Dir: c.Dir, Contexts: c.Contexts, Tokens: c.Tokens,
		Etcd: c.Etcd, LogFile: c.LogFile, PrevLog: c.PreviousLogFile,
		AuditLog: filepath.Join(c.Dir, "logs", cluster.AuditLog), Helm: c.Helm, Pids: c.Pids(), Pid: os.Getpid()}
}

func up(ctx context.Context, o options, shell bool, log *slog.Logger) (int, error) {
	c, err := start(ctx, o, log)
	if err != nil {
		return 1, err
	}
	defer c.Stop()
	if shell {
		_, err = fmt.Printf("export KUBECONFIG=%s\nexport KUBEDECK_SERVER=%s\nexport KUBEDECK_CLUSTER_DIR=%s\nexport KUBEDECK_HELM=%s\n",
			shellQuote(c.Kubeconfig), shellQuote(c.Server), shellQuote(c.Dir), shellQuote(c.Helm))
	} else {
		err = json.NewEncoder(os.Stdout).Encode(ready(c))
	}
	if err != nil {
		return 1, fmt.Errorf("print the ready line: %w", err)
	}
	select {
	case <-ctx.Done():
		log.Info("stopping the cluster", "why", context.Cause(ctx))
		return 0, nil
	case <-c.Died():
		log.Error("a component exited; stopping the cluster", "component", c.Exited())
		fmt.Fprintf(os.Stderr, "%s's log ends:\n%s\n", c.Exited(), c.LogTail(c.Exited(), 20))
		return 1, fmt.Errorf("%s exited", c.Exited())
	}
}
