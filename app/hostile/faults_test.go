package hostile

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// faultProxy is an HTTPS reverse proxy (HTTP/1.1, its own test certificate:
// clientcmd sends credentials only over TLS) in front of the API server that
// can cut the next list response of a resource halfway, or answer its lists
// with 429 for a while.
type faultProxy struct {
	srv      *httptest.Server
	upstream *url.URL
	rt       http.RoundTripper
	proxy    *httputil.ReverseProxy
	resource string // the path suffix of the list that faults hit, e.g. "/configmaps"

	mu         sync.Mutex
	cutNext    bool
	cuts       int
	stormUntil time.Time
	storms     int
}

func newFaultProxy(t *testing.T, c *testcluster.Cluster, resource string) *faultProxy {
	t.Helper()
	up, err := url.Parse(c.Server)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := clientcmd.LoadFromFile(c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	for _, cl := range cfg.Clusters {
		if cl.CertificateAuthority != "" {
			pem, err := os.ReadFile(cl.CertificateAuthority)
			if err != nil {
				t.Fatal(err)
			}
			pool.AppendCertsFromPEM(pem)
		}
		pool.AppendCertsFromPEM(cl.CertificateAuthorityData)
	}
	rt := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: false}
	p := &faultProxy{upstream: up, rt: rt, resource: resource}
	p.proxy = &httputil.ReverseProxy{
		Rewrite:       func(r *httputil.ProxyRequest) { r.SetURL(up); r.Out.Host = up.Host },
		Transport:     rt,
		FlushInterval: -1,
	}
	p.srv = httptest.NewTLSServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *faultProxy) isList(r *http.Request) bool {
	return r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, p.resource)
}

func (p *faultProxy) serve(w http.ResponseWriter, r *http.Request) {
	if p.isList(r) {
		p.mu.Lock()
		storm := time.Now().Before(p.stormUntil)
		if storm {
			p.storms++
		}
		cut := !storm && p.cutNext && r.URL.Query().Get("watch") == ""
		if cut {
			p.cutNext = false
			p.cuts++
		}
		p.mu.Unlock()
		switch {
		case storm:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too many requests, please try again later","reason":"TooManyRequests","code":429}`)
			return
		case cut:
			p.cutHalfway(w, r)
			return
		}
	}
	p.proxy.ServeHTTP(w, r)
}

// cutHalfway sends the head and half the body of the real answer, then
// drops the connection.
func (p *faultProxy) cutHalfway(w http.ResponseWriter, r *http.Request) {
	out := r.Clone(r.Context())
	out.URL.Scheme, out.URL.Host, out.Host, out.RequestURI = p.upstream.Scheme, p.upstream.Host, p.upstream.Host, ""
	resp, err := p.rt.RoundTrip(out)
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(body[:len(body)/2])
	_ = http.NewResponseController(w).Flush()
	panic(http.ErrAbortHandler)
}

func (p *faultProxy) armCut() {
	p.mu.Lock()
	p.cutNext = true
	p.mu.Unlock()
}

func (p *faultProxy) storm(d time.Duration) {
	p.mu.Lock()
	p.stormUntil = time.Now().Add(d)
	p.mu.Unlock()
}

func (p *faultProxy) counts() (cuts, storms int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cuts, p.storms
}

// caPEM is the proxy's certificate, for a kubeconfig.
func (p *faultProxy) caPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.srv.Certificate().Raw})
}

// writeKubeconfig writes a kubeconfig with the admin context of c, reached
// at server (the API server itself, or with ca a proxy), plus extra contexts.
func writeKubeconfig(t *testing.T, path string, c *testcluster.Cluster, server string, ca []byte, extra map[string]*clientcmdapi.AuthInfo) {
	t.Helper()
	src, err := clientcmd.LoadFromFile(c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	admin := c.Context(testcluster.Admin)
	actx := src.Contexts[admin]
	cl := *src.Clusters[actx.Cluster]
	cfg := clientcmdapi.NewConfig()
	if ca != nil {
		cl = clientcmdapi.Cluster{Server: server, CertificateAuthorityData: ca}
	}
	cfg.Clusters["c"] = &cl
	cfg.AuthInfos["admin"] = src.AuthInfos[actx.AuthInfo]
	cfg.Contexts[admin] = &clientcmdapi.Context{Cluster: "c", AuthInfo: "admin"}
	for name, user := range extra {
		cfg.AuthInfos[name] = user
		cfg.Contexts[name] = &clientcmdapi.Context{Cluster: "c", AuthInfo: name}
	}
	cfg.CurrentContext = admin
	if err := clientcmd.WriteToFile(*cfg, path); err != nil {
		t.Fatal(err)
	}
}

// seedNamespace creates a namespace with n ConfigMaps.
func seedNamespace(t *testing.T, cs kubernetes.Interface, n int) string {
	t.Helper()
	ctx := context.Background()
	ns := "hostile-" + randomHex(t, 4)
	if _, err := cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cs.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{}) })
	for i := range n {
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("cm-%03d", i)}, Data: map[string]string{"k": strings.Repeat("v", 200)}}
		if _, err := cs.CoreV1().ConfigMaps(ns).Create(ctx, cm, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return ns
}

// lineReader reads an NDJSON stream line by line on its own goroutine.
type lineReader struct {
	lines  chan map[string]any
	cancel context.CancelFunc
}

func openStream(t *testing.T, sh *shell, target string) *lineReader {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, sh.base+target, nil)
	resp, err := sh.client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		cancel()
		t.Fatalf("GET %s = %d %s", target, resp.StatusCode, b)
	}
	lr := &lineReader{lines: make(chan map[string]any, 1024), cancel: cancel}
	t.Cleanup(cancel)
	go func() {
		defer resp.Body.Close()
		defer close(lr.lines)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) != nil {
				m = map[string]any{"type": "not-json", "message": sc.Text()}
			}
			lr.lines <- m
		}
	}()
	return lr
}

// until reads lines until ok says done, failing after d. Every error line
// goes to onError first.
func (lr *lineReader) until(t *testing.T, d time.Duration, what string, onError func(map[string]any), ok func(map[string]any) bool) {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case m, open := <-lr.lines:
			if !open {
				t.Fatalf("the stream ended before %s", what)
			}
			if m["type"] == "error" || m["type"] == "not-json" {
				onError(m)
			}
			if ok(m) {
				return
			}
		case <-deadline:
			t.Fatalf("no %s within %s", what, d)
		}
	}
}

// retryingErrors checks what a stream says while a fault lasts: every error
// line has a message and says the stream is retrying (no manual Retry).
func retryingErrors(t *testing.T, seen *[]string) func(map[string]any) {
	return func(m map[string]any) {
		msg, _ := m["message"].(string)
		*seen = append(*seen, msg)
		if strings.TrimSpace(msg) == "" {
			t.Errorf("an error line without a message: %v", m)
		}
		if m["retrying"] != true {
			t.Errorf("a final error (retrying:false) for a fault that passes: %v", m)
		}
	}
}

func rowsHave(m map[string]any, name string) bool {
	for _, key := range []string{"rows", "upserts"} {
		rows, _ := m[key].([]any)
		for _, r := range rows {
			b, _ := json.Marshal(r)
			if strings.Contains(string(b), `"`+name+`"`) {
				return true
			}
		}
	}
	return false
}

func listTarget(ctxName, ns, resource string) string {
	return "/api/stream/list?" + url.Values{"context": {ctxName}, "version": {"v1"}, "resource": {resource}, "namespace": {ns}}.Encode()
}

// TestListSurvivesAConnectionCutMidPage: the first list response is cut
// halfway; the stream says so, retries by itself and then lists everything.
func TestListSurvivesAConnectionCutMidPage(t *testing.T) {
	c := testcluster.Get(t)
	ns := seedNamespace(t, adminClient(t, c), 120)
	p := newFaultProxy(t, c, "/configmaps")
	cfgPath := filepath.Join(t.TempDir(), "kubeconfig")
	writeKubeconfig(t, cfgPath, c, p.srv.URL, p.caPEM(), nil)
	sh := startDesktopShell(t, cfgPath, (&logBuffer{}).logger(), extras{})
	p.armCut()
	lr := openStream(t, sh, listTarget(c.Context(testcluster.Admin), ns, "configmaps"))
	var errs []string
	last := false
	lr.until(t, 30*time.Second, "the whole list after the cut", retryingErrors(t, &errs), func(m map[string]any) bool {
		if rowsHave(m, "cm-119") {
			last = true
		}
		return last && m["type"] == "synced"
	})
	if cuts, _ := p.counts(); cuts != 1 {
		t.Fatalf("the proxy cut %d responses, want 1", cuts)
	}
	if len(errs) == 0 {
		t.Error("the stream never said the connection dropped")
	}
}

// TestListSurvivesA429Storm: lists are answered 429 with Retry-After for
// 3 s; the stream never gives up and lists everything once the storm ends.
func TestListSurvivesA429Storm(t *testing.T) {
	c := testcluster.Get(t)
	ns := seedNamespace(t, adminClient(t, c), 5)
	p := newFaultProxy(t, c, "/configmaps")
	cfgPath := filepath.Join(t.TempDir(), "kubeconfig")
	writeKubeconfig(t, cfgPath, c, p.srv.URL, p.caPEM(), nil)
	sh := startDesktopShell(t, cfgPath, (&logBuffer{}).logger(), extras{})
	p.storm(3 * time.Second)
	start := time.Now()
	lr := openStream(t, sh, listTarget(c.Context(testcluster.Admin), ns, "configmaps"))
	var errs []string
	lr.until(t, 30*time.Second, "the list after the storm", retryingErrors(t, &errs), func(m map[string]any) bool {
		return m["type"] == "synced"
	})
	if _, storms := p.counts(); storms == 0 {
		t.Fatal("the storm answered no request")
	}
	if time.Since(start) < 2*time.Second {
		t.Errorf("synced %s after the storm began, before it ended", time.Since(start))
	}
	t.Logf("during the storm the stream said %q", errs)
}

// TestHangingExecPluginEndsWithAMessage: a kubeconfig user whose exec
// credential plugin never returns; the status call ends within its timeout
// with a message, and once the kubeconfig gives a token it is ready.
func TestHangingExecPluginEndsWithAMessage(t *testing.T) {
	c := testcluster.Get(t)
	dir := t.TempDir()
	pids := filepath.Join(dir, "pids")
	script := filepath.Join(dir, "hang.sh")
	// The plugin records its pid (so the test can end it) and sleeps.
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho $$ >> "+pids+"\nexec sleep 3600\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	hang := &clientcmdapi.AuthInfo{Exec: &clientcmdapi.ExecConfig{
		APIVersion: "client.authentication.k8s.io/v1", Command: script, InteractiveMode: clientcmdapi.NeverExecInteractiveMode,
	}}
	cfgPath := filepath.Join(dir, "kubeconfig")
	writeKubeconfig(t, cfgPath, c, c.Server, nil, map[string]*clientcmdapi.AuthInfo{"hang": hang})
	logs := &logBuffer{}
	sh := startDesktopShell(t, cfgPath, logs.logger(), extras{})
	// Registered after the shell, so it runs before the server's Close, which
	// waits for a handler still stuck in the plugin.
	t.Cleanup(func() {
		b, _ := os.ReadFile(pids)
		for _, f := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(f); err == nil {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})

	status := func() (commands.ClusterStatus, time.Duration) {
		t.Helper()
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), commands.StatusTimeout+20*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, sh.base+"/api/call/ClusterStatus", strings.NewReader(`["hang"]`))
		resp, err := sh.client.Do(req)
		if err != nil {
			t.Fatalf("ClusterStatus of the hanging plugin did not answer in %s: %v", time.Since(start), err)
		}
		defer resp.Body.Close()
		var st commands.ClusterStatus
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &st) != nil {
			t.Fatalf("ClusterStatus = %d %s", resp.StatusCode, b)
		}
		return st, time.Since(start)
	}
	st, took := status()
	if took > commands.StatusTimeout+3*time.Second {
		t.Errorf("ClusterStatus took %s with a hanging exec plugin, want at most its timeout (%s) and a little", took, commands.StatusTimeout)
	}
	if st.State == commands.StateReady || strings.TrimSpace(st.Message) == "" {
		t.Errorf("ClusterStatus = %+v, want a state other than ready with a message", st)
	}
	// The fault ends: the user now has a token.
	src, err := clientcmd.LoadFromFile(c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	fixed := src.AuthInfos[src.Contexts[c.Context(testcluster.Admin)].AuthInfo]
	time.Sleep(10 * time.Millisecond) // a new modification time
	writeKubeconfig(t, cfgPath, c, c.Server, nil, map[string]*clientcmdapi.AuthInfo{"hang": fixed})
	st, _ = status()
	if st.State != commands.StateReady {
		t.Errorf("after the kubeconfig gave a token: %+v, want ready", st)
	}
	if l := leaks(logs.String(), clusterTokens(c)); len(l) > 0 {
		t.Errorf("the log holds tokens %v", l)
	}
}

// TestKubeconfigRewrittenWhileInUse: the kubeconfig file is rewritten with
// a new context while a list stream of an unchanged context is open; the
// context list updates and the open stream keeps delivering changes.
func TestKubeconfigRewrittenWhileInUse(t *testing.T) {
	c := testcluster.Get(t)
	cs := adminClient(t, c)
	ns := seedNamespace(t, cs, 3)
	cfgPath := filepath.Join(t.TempDir(), "kubeconfig")
	writeKubeconfig(t, cfgPath, c, c.Server, nil, nil)
	logs := &logBuffer{}
	sh := startDesktopShell(t, cfgPath, logs.logger(), extras{})
	admin := c.Context(testcluster.Admin)

	contexts := openStream(t, sh, "/api/stream/contexts")
	hasContext := func(name string) func(map[string]any) bool {
		return func(m map[string]any) bool {
			b, _ := json.Marshal(m["list"])
			return m["type"] == "contexts" && strings.Contains(string(b), `"name":"`+name+`"`)
		}
	}
	fail := func(m map[string]any) { t.Errorf("contexts stream: %v", m) }
	contexts.until(t, 10*time.Second, "the first context list", fail, hasContext(admin))
	list := openStream(t, sh, listTarget(admin, ns, "configmaps"))
	var errs []string
	list.until(t, 20*time.Second, "the first list", retryingErrors(t, &errs), func(m map[string]any) bool { return m["type"] == "synced" })

	src, err := clientcmd.LoadFromFile(c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	user := src.AuthInfos[src.Contexts[admin].AuthInfo]
	added := "added-" + randomHex(t, 3)
	time.Sleep(10 * time.Millisecond)
	writeKubeconfig(t, cfgPath, c, c.Server, nil, map[string]*clientcmdapi.AuthInfo{added: user})
	contexts.until(t, 15*time.Second, "the rewritten context list", fail, hasContext(added))

	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "after-rewrite"}}
	if _, err := cs.CoreV1().ConfigMaps(ns).Create(context.Background(), cm, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	list.until(t, 15*time.Second, "the ConfigMap made after the rewrite", retryingErrors(t, &errs), func(m map[string]any) bool {
		return rowsHave(m, "after-rewrite")
	})
}
