package forward

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// watches counts the watch requests whose response is still open.
type watches struct {
	mu   sync.Mutex
	open int
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type countedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *countedBody) Close() error {
	b.once.Do(b.done)
	return b.ReadCloser.Close()
}

func (w *watches) wrap(rt http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := rt.RoundTrip(r)
		if err != nil || r.URL.Query().Get("watch") != "true" {
			return resp, err
		}
		w.mu.Lock()
		w.open++
		w.mu.Unlock()
		resp.Body = &countedBody{ReadCloser: resp.Body, done: func() {
			w.mu.Lock()
			w.open--
			w.mu.Unlock()
		}}
		return resp, nil
	})
}

func (w *watches) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.open
}

// proxy relays TCP connections to the API server and can drop them all, as
// a network failure would.
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	t.Cleanup(func() {
		_ = ln.Close()
		p.cut()
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				_ = c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(s, c); _ = s.Close() }()
			go func() { _, _ = io.Copy(c, s); _ = c.Close() }()
		}
	}()
	return p
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

type fixture struct {
	cluster *testcluster.Cluster
	cfg     *rest.Config // to the API server through proxy
	cs      kubernetes.Interface
	proxy   *proxy
	watches *watches
	pod     string
}

func setup(t *testing.T) *fixture {
	t.Helper()
	c := testcluster.Get(t)
	cfg, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(
		&clientcmd.ClientConfigLoadingRules{ExplicitPath: c.Kubeconfig},
		&clientcmd.ConfigOverrides{CurrentContext: c.Context(testcluster.Admin)},
	).ClientConfig()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{cluster: c, watches: &watches{}}
	counted := rest.CopyConfig(cfg)
	counted.Wrap(f.watches.wrap)
	f.cs = kubernetes.NewForConfigOrDie(counted)
	u, err := url.Parse(cfg.Host)
	if err != nil {
		t.Fatal(err)
	}
	f.proxy = newProxy(t, u.Host)
	f.cfg = rest.CopyConfig(cfg)
	f.cfg.Host = "https://" + f.proxy.ln.Addr().String()
	pods, err := f.cs.CoreV1().Pods("team-a").List(context.Background(), metav1.ListOptions{LabelSelector: "app=web"})
	if err != nil || len(pods.Items) == 0 {
		t.Fatalf("web pods: %v", err)
	}
	f.pod = pods.Items[0].Name
	return f
}

func (f *fixture) start(m *Manager) (Forward, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return m.Start(ctx, f.cfg, f.cs, Request{Context: "admin", Namespace: "team-a", Kind: "pod", Name: f.pod, Port: "80"})
}

// endByItself does what a forward's goroutine does when client-go's
// ForwardPorts returns an error (the connection to the pod was lost).
func (m *Manager) endByItself(id string) {
	m.mu.Lock()
	f := m.forwards[id]
	m.mu.Unlock()
	m.ended(f, errors.New("lost connection to pod"))
}

func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 15 s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A forward that fails (its port-forward ended by itself) stops watching its
// pod; so does a stopped one.
func TestFailedAndStoppedForwardsStopWatchingTheirPod(t *testing.T) {
	f := setup(t)
	m := NewManager()
	defer m.Close()
	fw, err := f.start(m)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the pod watch", func() bool { return f.watches.count() == 1 })

	m.endByItself(fw.ID)
	if list := m.List(); len(list) != 1 || list[0].State != "failed" {
		t.Fatalf("forwards after the failure: %+v", list)
	}
	eventually(t, "the failed forward's pod watch ending", func() bool { return f.watches.count() == 0 })

	again, err := f.start(m)
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the new forward's pod watch", func() bool { return f.watches.count() == 1 })
	if err := m.Stop(again.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the stopped forward's pod watch ending", func() bool { return f.watches.count() == 0 })
}

// Forwards are bounded, also when started at the same moment; failed ones
// do not count, and a stopped one makes room.
func TestForwardsAreBounded(t *testing.T) {
	f := setup(t)
	m := NewManager()
	m.max = 3
	defer m.Close()
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		ok      []Forward
		refused int
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fw, err := f.start(m)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok = append(ok, fw)
			case strings.Contains(err.Error(), "too many port-forwards (3): stop one first"):
				refused++
			default:
				t.Errorf("start: %v", err)
			}
		}()
	}
	wg.Wait()
	if len(ok) != 3 || refused != 5 {
		t.Fatalf("%d started, %d refused; want 3 and 5", len(ok), refused)
	}
	if _, err := f.start(m); err == nil || !strings.Contains(err.Error(), "too many") {
		t.Errorf("a fourth forward: %v", err)
	}
	if err := m.Stop(ok[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.start(m); err != nil {
		t.Errorf("after stopping one: %v", err)
	}
	// Failed forwards stay listed (with their reason) but free their place.
	for _, x := range m.List() {
		m.endByItself(x.ID)
	}
	if _, err := f.start(m); err != nil {
		t.Errorf("after the others failed: %v", err)
	}
}

// The failed forwards kept for the list are bounded too.
func TestFailedForwardsKeptAreBounded(t *testing.T) {
	m := NewManager()
	for i := range maxFailed + 5 {
		fw := &Forward{ID: string(rune('a' + i)), State: "active", Started: time.Unix(int64(i), 0).UTC().Format(time.RFC3339), stop: make(chan struct{})}
		m.forwards[fw.ID] = fw
		m.ended(fw, errors.New("lost connection to pod"))
	}
	list := m.List()
	if len(list) != maxFailed || list[0].ID != string(rune('a'+5)) {
		t.Errorf("%d failed forwards kept, first %q; want the newest %d", len(list), list[0].ID, maxFailed)
	}
}
