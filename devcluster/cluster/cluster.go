// Package cluster runs a real local Kubernetes control plane: etcd,
// kube-apiserver, kube-controller-manager, kube-scheduler and kwok (fake
// nodes whose pods run, log and exec), all on free loopback ports, with a
// kubeconfig holding an admin, a viewer and a developer context. Stop ends
// every process it started; the kernel ends them too if this process dies.
package cluster

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/build"
	"github.com/kubedeck/kubedeck/devcluster/pki"
)

// Context names and roles of the generated kubeconfig.
const (
	AdminContext     = "kubedeck-admin"
	ViewerContext    = "kubedeck-viewer"
	DeveloperContext = "kubedeck-developer"
)

// Options configure Start.
type Options struct {
	// Dir holds data, certificates, logs and the kubeconfig; created if needed.
	Dir string
	Bin build.Binaries
	Log *slog.Logger
}

// Cluster is a running control plane.
type Cluster struct {
	Dir        string
	Kubeconfig string
	// SystemKubeconfig is an admin kubeconfig for the components and seeding.
	SystemKubeconfig string
	Server           string
	// Etcd is etcd's client URL (tests compact it to provoke 410 Gone).
	Etcd     string
	Tokens   map[string]string
	Contexts map[string]string
	LogFile  string

	log   *slog.Logger
	procs []*process
}

// Start runs the control plane and returns once the API server is ready.
func Start(ctx context.Context, o Options) (c *Cluster, err error) {
	c = &Cluster{Dir: o.Dir, log: o.Log}
	defer func() {
		if err != nil {
			c.Stop()
		}
	}()
	logs := filepath.Join(o.Dir, "logs")
	for _, d := range []string{logs, filepath.Join(o.Dir, "exec")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	certs, err := pki.Write(filepath.Join(o.Dir, "pki"))
	if err != nil {
		return nil, fmt.Errorf("certificates: %w", err)
	}
	ports, err := freePorts(4)
	if err != nil {
		return nil, err
	}
	etcdClient, etcdPeer, apiPort, kwokPort := ports[0], ports[1], ports[2], ports[3]
	c.Server = "https://127.0.0.1:" + strconv.Itoa(apiPort)
	c.Tokens = map[string]string{"admin": pki.Token(), "viewer": pki.Token(), "developer": pki.Token(), "system": pki.Token()}
	c.Contexts = map[string]string{"admin": AdminContext, "viewer": ViewerContext, "developer": DeveloperContext}
	if err := c.writeFiles(certs); err != nil {
		return nil, err
	}

	etcdURL := "http://127.0.0.1:" + strconv.Itoa(etcdClient)
	c.Etcd = etcdURL
	peerURL := "http://127.0.0.1:" + strconv.Itoa(etcdPeer)
	if err := c.run(logs, "etcd", o.Bin.Etcd,
		"--data-dir", filepath.Join(o.Dir, "etcd"), "--name", "default",
		"--listen-client-urls", etcdURL, "--advertise-client-urls", etcdURL,
		"--listen-peer-urls", peerURL, "--initial-advertise-peer-urls", peerURL,
		"--initial-cluster", "default="+peerURL, "--quota-backend-bytes", strconv.Itoa(4<<30),
	); err != nil {
		return nil, err
	}
	if err := waitHTTP(ctx, c.procs[0], etcdURL+"/health", nil, "", 30*time.Second); err != nil {
		return nil, fmt.Errorf("etcd: %w", err)
	}
	if err := c.run(logs, "kube-apiserver", o.Bin.APIServer,
		"--etcd-servers", etcdURL,
		"--secure-port", strconv.Itoa(apiPort), "--bind-address", "127.0.0.1",
		"--tls-cert-file", certs.ServingCert, "--tls-private-key-file", certs.ServingKey,
		"--client-ca-file", certs.CACert,
		"--service-account-issuer", "https://kubernetes.default.svc",
		"--service-account-key-file", certs.SAPub, "--service-account-signing-key-file", certs.SAKey,
		"--token-auth-file", filepath.Join(o.Dir, "tokens.csv"),
		"--authorization-mode", "Node,RBAC",
		"--service-cluster-ip-range", "10.0.0.0/24",
		"--cert-dir", filepath.Join(o.Dir, "pki", "generated"),
		"--enable-priority-and-fairness=false",
		// PodTemplates bypass the watch cache, so tests can provoke a real
		// 410 Gone by compacting etcd (the cache would serve old versions).
		"--watch-cache-sizes=podtemplates#0",
		"--max-requests-inflight", "2000", "--max-mutating-requests-inflight", "1000",
	); err != nil {
		return nil, err
	}
	if err := waitHTTP(ctx, c.procs[1], c.Server+"/readyz", &certs, c.Tokens["system"], 60*time.Second); err != nil {
		return nil, fmt.Errorf("kube-apiserver: %w (see %s)", err, filepath.Join(logs, "kube-apiserver.log"))
	}
	if err := c.run(logs, "kube-controller-manager", o.Bin.ControllerManager,
		"--kubeconfig", c.SystemKubeconfig,
		"--service-account-private-key-file", certs.SAKey, "--root-ca-file", certs.CACert,
		"--controllers=*", "--leader-elect=false", "--secure-port", "0",
		"--use-service-account-credentials=false",
		"--concurrent-deployment-syncs", "10", "--concurrent-replicaset-syncs", "10",
		"--kube-api-qps", "200", "--kube-api-burst", "400",
	); err != nil {
		return nil, err
	}
	if err := c.run(logs, "kube-scheduler", o.Bin.Scheduler,
		"--kubeconfig", c.SystemKubeconfig, "--leader-elect=false", "--secure-port", "0",
		"--kube-api-qps", "200", "--kube-api-burst", "400",
	); err != nil {
		return nil, err
	}
	kwokConfig, err := c.writeKwokConfig(o.Bin.KwokModule)
	if err != nil {
		return nil, err
	}
	args := []string{
		"--kubeconfig", c.SystemKubeconfig,
		"--manage-all-nodes=false",
		"--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
		"--node-ip=127.0.0.1", "--node-port=" + strconv.Itoa(kwokPort),
		"--server-address=127.0.0.1:" + strconv.Itoa(kwokPort),
	}
	for _, f := range kwokConfig {
		args = append(args, "-c", f)
	}
	if err := c.run(logs, "kwok", o.Bin.Kwok, args...); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Cluster) run(logDir, name, bin string, args ...string) error {
	p, err := startProcess(c.log, logDir, name, bin, args...)
	if err != nil {
		return err
	}
	c.procs = append(c.procs, p)
	return nil
}

// Pids returns the process ids of the components.
func (c *Cluster) Pids() []int {
	var out []int
	for _, p := range c.procs {
		out = append(out, p.Pid())
	}
	return out
}

// Exited names a component that stopped on its own, if any.
func (c *Cluster) Exited() string {
	for _, p := range c.procs {
		if p.exited() {
			return p.name
		}
	}
	return ""
}

// Stop ends every component, last started first.
func (c *Cluster) Stop() {
	for i := len(c.procs) - 1; i >= 0; i-- {
		if err := c.procs[i].stop(5 * time.Second); err != nil {
			c.log.Warn("stop", "component", c.procs[i].name, "err", err)
		}
	}
	c.procs = nil
}

func freePorts(n int) ([]int, error) {
	var out []int
	var lns []net.Listener
	defer func() {
		for _, l := range lns {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("find a free port: %w", err)
		}
		lns = append(lns, l)
		out = append(out, l.Addr().(*net.TCPAddr).Port)
	}
	return out, nil
}

// waitHTTP polls url until it answers 200 or the process dies.
func waitHTTP(ctx context.Context, p *process, url string, certs *pki.Files, token string, limit time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	if certs != nil {
		pool := x509.NewCertPool()
		b, err := os.ReadFile(certs.CACert)
		if err != nil {
			return err
		}
		pool.AppendCertsFromPEM(b)
		client.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if p.exited() {
			return errors.New("exited during start-up")
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("not ready after %v", limit)
}
