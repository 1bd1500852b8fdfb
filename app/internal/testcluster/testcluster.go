package testcluster

import (
	"bufio"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
)

// Cluster is a running local cluster.
type Cluster struct {
	Kubeconfig string `json:"kubeconfig"`
	Server     string `json:"server"`
	Etcd       string `json:"etcd"`
	Dir        string `json:"dir"`
	// LogFile is the CRI-format file kwok serves as every container's log.
	LogFile  string            `json:"logFile"`
	Contexts map[string]string `json:"contexts"`
	Tokens   map[string]string `json:"tokens"`
	// Pid is the devcluster process: SIGUSR1 restarts its kube-apiserver.
	Pid int `json:"pid"`
	// Helm is the helm CLI built beside the cluster's binaries: the oracle
	// of the Helm tests.
	Helm string `json:"helm"`
}

// Admin, Viewer and Developer name the roles of the kubeconfig's contexts.
const (
	Admin     = "admin"
	Viewer    = "viewer"
	Developer = "developer"
)

var (
	once    sync.Once
	shared  *Cluster
	errOnce error
	keep    *os.File // write end of the child's stdin: closes when we exit
)

// Get returns the shared cluster, starting it if needed. Tests that need a
// cluster are skipped only with -short.
func Get(t testing.TB) *Cluster {
	t.Helper()
	if testing.Short() {
		t.Skip("needs the local cluster; not run with -short")
	}
	once.Do(func() { shared, errOnce = start() })
	if errOnce != nil {
		t.Fatalf("local cluster: %v", errOnce)
	}
	return shared
}

func start() (*Cluster, error) {
	if f := os.Getenv("KUBEDECK_TEST_CLUSTER"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read KUBEDECK_TEST_CLUSTER: %w", err)
		}
		return parse(b)
	}
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(os.TempDir(), fmt.Sprintf("kubedeck-devcluster-%d", os.Getpid()))
	build := exec.Command("go", "build", "-o", bin, "./cmd/devcluster")
	build.Dir = filepath.Join(root, "devcluster")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build devcluster: %v\n%s", err, out)
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "up", "--exit-on-stdin-eof")
	cmd.Stdin = r
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start devcluster: %w", err)
	}
	_ = r.Close()
	keep = w
	line := make(chan []byte, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "{") {
				line <- append([]byte(nil), sc.Bytes()...)
				return
			}
		}
		close(line)
	}()
	select {
	case b, ok := <-line:
		if !ok {
			return nil, fmt.Errorf("devcluster exited before it was ready")
		}
		return parse(b)
	case <-time.After(30 * time.Minute):
		return nil, fmt.Errorf("devcluster not ready after 30 minutes")
	}
}

func parse(b []byte) (*Cluster, error) {
	var c Cluster
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("devcluster ready line: %w", err)
	}
	return &c, nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "devcluster", "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("cannot find the repository root above the test")
		}
		dir = parent
	}
}

// Context returns the kubeconfig context name of a role.
func (c *Cluster) Context(role string) string { return c.Contexts[role] }

// Config is the client configuration of a role's context, with the rate
// limits app/cluster gives its connections.
func (c *Cluster) Config(t testing.TB, role string) *rest.Config {
	t.Helper()
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(role)},
	).ClientConfig()
	if err != nil {
		t.Fatalf("the %s context: %v", role, err)
	}
	cfg.QPS, cfg.Burst = 50, 100
	return cfg
}

// Compact compacts etcd up to its current revision, so watches from any
// older resourceVersion get 410 Gone, as after a long disconnection.
func (c *Cluster) Compact(t testing.TB) {
	t.Helper()
	if c.Etcd == "" {
		t.Fatal("the cluster does not expose etcd")
	}
	resp, err := http.Post(c.Etcd+"/v3/kv/range", "application/json", strings.NewReader(`{"key":"AA=="}`))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Header struct {
			Revision string `json:"revision"`
		} `json:"header"`
	}
	err = json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	body := fmt.Sprintf(`{"revision":%q,"physical":true}`, r.Header.Revision)
	resp, err = http.Post(c.Etcd+"/v3/kv/compaction", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("etcd compaction: %s", resp.Status)
	}
}

// RestartAPIServer restarts the cluster's kube-apiserver and waits until it
// serves again. Tests using it must not run in parallel with others that
// need the API server.
func (c *Cluster) RestartAPIServer(t testing.TB) {
	t.Helper()
	if c.Pid == 0 {
		t.Fatal("the cluster does not say which process runs it")
	}
	if err := syscall.Kill(c.Pid, syscall.SIGUSR1); err != nil {
		t.Fatalf("signal devcluster: %v", err)
	}
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	up := func() bool {
		resp, err := client.Get(c.Server + "/livez")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode < 500
	}
	deadline := time.Now().Add(60 * time.Second)
	for up() { // until it goes down
		if time.Now().After(deadline) {
			t.Fatal("kube-apiserver did not go down")
		}
		time.Sleep(20 * time.Millisecond)
	}
	for !up() {
		if time.Now().After(deadline) {
			t.Fatal("kube-apiserver did not come back within 60 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
