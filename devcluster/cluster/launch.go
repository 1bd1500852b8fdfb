package cluster

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/build"
	"github.com/kubedeck/kubedeck/devcluster/pki"
)

// launch writes the credentials and starts the five components on free
// loopback ports. It returns once the API server answers /readyz; kwok
// turns nodes Ready later (seeding waits for that).
func (c *Cluster) launch(ctx context.Context, bins build.Binaries) error {
	logs := filepath.Join(c.Dir, "logs")
	for _, d := range []string{logs, filepath.Join(c.Dir, "exec")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", d, err)
		}
	}
	certs, err := pki.Write(filepath.Join(c.Dir, "pki"))
	if err != nil {
		return fmt.Errorf("certificates: %w", err)
	}
	ports, err := freePorts(4)
	if err != nil {
		return err
	}
	etcdClient, etcdPeer, apiPort, kwokPort := ports[0], ports[1], ports[2], ports[3]
	c.Server = "https://127.0.0.1:" + strconv.Itoa(apiPort)
	if c.Tokens, err = newTokens("admin", "viewer", "developer"); err != nil {
		return err
	}
	if c.systemToken, err = pki.Token(); err != nil {
		return err
	}
	c.Contexts = map[string]string{"admin": AdminContext, "viewer": ViewerContext, "developer": DeveloperContext}
	if err := c.writeCredentials(certs); err != nil {
		return err
	}
	if err := c.startForwardTarget(); err != nil {
		return err
	}
	kwokConfig, err := c.writeKwokConfig(bins.KwokModule)
	if err != nil {
		return err
	}
	kwokAddr := "127.0.0.1:" + strconv.Itoa(kwokPort)
	if c.front, err = startKubeletFront(c.log, certs, kwokAddr, filepath.Join(c.Dir, "exec")); err != nil {
		return err
	}

	c.Etcd = "http://127.0.0.1:" + strconv.Itoa(etcdClient)
	peer := "http://127.0.0.1:" + strconv.Itoa(etcdPeer)
	etcd, err := c.run(logs, "etcd", bins.Etcd,
		"--data-dir", filepath.Join(c.Dir, "etcd"), "--name", "default",
		"--listen-client-urls", c.Etcd, "--advertise-client-urls", c.Etcd,
		"--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
		"--initial-cluster", "default="+peer, "--quota-backend-bytes", strconv.Itoa(4<<30),
	)
	if err != nil {
		return err
	}
	if err := waitHTTP(ctx, etcd, c.Etcd+"/health", nil, "", 30*time.Second); err != nil {
		return fmt.Errorf("etcd: %w; its log ends:\n%s", err, c.LogTail("etcd", 15))
	}
	audit, err := c.writeAuditPolicy()
	if err != nil {
		return err
	}
	api, err := c.run(logs, "kube-apiserver", bins.APIServer, append([]string{
		"--etcd-servers", c.Etcd,
		"--secure-port", strconv.Itoa(apiPort), "--bind-address", "127.0.0.1",
		"--tls-cert-file", certs.ServingCert, "--tls-private-key-file", certs.ServingKey,
		"--client-ca-file", certs.CACert,
		"--cert-dir", filepath.Join(c.Dir, "pki", "generated"),
		"--service-account-issuer", "https://kubernetes.default.svc",
		"--service-account-key-file", certs.SAPub, "--service-account-signing-key-file", certs.SAKey,
		"--token-auth-file", filepath.Join(c.Dir, "tokens.csv"),
		"--authorization-mode", "Node,RBAC",
		"--service-cluster-ip-range", "10.0.0.0/24",
		// A single user drives this server; benchmarks create 10,000 pods.
		"--enable-priority-and-fairness=false",
		// Privileged pods (node shells) are allowed, as on kubeadm clusters;
		// PodSecurity admission still refuses them where a namespace enforces.
		"--allow-privileged=true",
		"--max-requests-inflight", "2000", "--max-mutating-requests-inflight", "1000",
		// PodTemplates bypass the watch cache, so tests can provoke a real
		// 410 Gone by compacting etcd (the cache would serve old versions).
		"--watch-cache-sizes=podtemplates#0",
	}, audit...)...,
	)
	if err != nil {
		return err
	}
	if err := waitHTTP(ctx, api, c.Server+"/readyz", &certs, c.systemToken, 60*time.Second); err != nil {
		return fmt.Errorf("kube-apiserver: %w; its log ends:\n%s", err, c.LogTail("kube-apiserver", 15))
	}
	if _, err := c.run(logs, "kube-controller-manager", bins.ControllerManager,
		"--kubeconfig", c.SystemKubeconfig,
		"--service-account-private-key-file", certs.SAKey, "--root-ca-file", certs.CACert,
		"--controllers=*", "--leader-elect=false", "--secure-port", "0",
		"--use-service-account-credentials=false",
		"--concurrent-deployment-syncs", "10", "--concurrent-replicaset-syncs", "10",
		"--kube-api-qps", "200", "--kube-api-burst", "400",
	); err != nil {
		return err
	}
	if _, err := c.run(logs, "kube-scheduler", bins.Scheduler,
		"--kubeconfig", c.SystemKubeconfig, "--leader-elect=false", "--secure-port", "0",
		"--kube-api-qps", "200", "--kube-api-burst", "400",
	); err != nil {
		return err
	}
	args := []string{
		"--kubeconfig", c.SystemKubeconfig,
		"--manage-all-nodes=false",
		"--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
		// The API server reaches the kubelet API at the node's InternalIP
		// and kubelet port: the kubelet front, which serves attach and
		// passes the rest (logs, exec, port-forward) to kwok's own port.
		"--node-ip=127.0.0.1", "--node-port=" + strconv.Itoa(c.front.port),
		"--server-address=" + kwokAddr,
	}
	for _, f := range kwokConfig {
		args = append(args, "-c", f)
	}
	_, err = c.run(logs, "kwok", bins.Kwok, args...)
	return err
}

func (c *Cluster) run(logDir, name, bin string, args ...string) (*process, error) {
	p, err := startProcess(c.log, logDir, name, bin, args...)
	if err != nil {
		return nil, err
	}
	c.add(p)
	return p, nil
}

func newTokens(roles ...string) (map[string]string, error) {
	out := map[string]string{}
	for _, r := range roles {
		t, err := pki.Token()
		if err != nil {
			return nil, err
		}
		out[r] = t
	}
	return out, nil
}

// freePorts returns n distinct loopback ports that are free now. They are
// drawn below the kernel's ephemeral range when it is known (Linux): a port
// the kernel hands out for a listener on :0 comes from that range, and once
// closed it can be taken as the source port of any outgoing connection (the
// other clusters' clients) before the component binds it, which failed a
// start-up with "address already in use".
func freePorts(n int) ([]int, error) {
	low := ephemeralLow()
	if low-minPort < 100*n {
		return kernelPorts(n)
	}
	var out []int
	var lns []net.Listener
	defer func() {
		for _, l := range lns {
			l.Close()
		}
	}()
	for try := 0; len(out) < n; try++ {
		if try == 1000 {
			return nil, fmt.Errorf("find a free port below %d: none free after 1000 tries", low)
		}
		port := minPort + rand.IntN(low-minPort)
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			continue // taken (or just now by our own earlier pick: listeners stay open until all are found)
		}
		lns = append(lns, l)
		out = append(out, port)
	}
	return out, nil
}

// minPort is the lowest port freePorts draws (above well-known and most registered services' ports).
const minPort = 10000

// ephemeralLow is the first port of the kernel's ephemeral range, or 0 when unknown.
func ephemeralLow() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return 0
	}
	low, err := strconv.Atoi(fields[0])
	if err != nil {
		return 0
	}
	return low
}

// kernelPorts returns n distinct ports the kernel chose for listeners on :0.
func kernelPorts(n int) ([]int, error) {
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

// waitHTTP polls url until it answers 200, the process exits or limit passes.
func waitHTTP(ctx context.Context, p *process, url string, certs *pki.Files, token string, limit time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	if certs != nil {
		pem, err := os.ReadFile(certs.CACert)
		if err != nil {
			return fmt.Errorf("read the CA: %w", err)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		client.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if p.exited() {
			return errors.New("exited during start-up")
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
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
