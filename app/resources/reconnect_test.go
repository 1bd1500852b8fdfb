package resources

import (
	"context"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/rest"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// flakyProxy forwards TCP to the API server and can cut every connection and
// refuse new ones for a while: what a client sees when the API server
// restarts or the network drops.
type flakyProxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	conns []net.Conn
	down  bool
}

func newFlakyProxy(t *testing.T, target string) *flakyProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &flakyProxy{ln: ln, target: target}
	t.Cleanup(func() { _ = ln.Close(); p.cut() })
	go p.accept()
	return p
}

func (p *flakyProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			_ = c.Close()
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(up, c); _ = up.Close() }()
		go func() { _, _ = io.Copy(c, up); _ = c.Close() }()
	}
}

func (p *flakyProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

func (p *flakyProxy) setDown(down bool) {
	p.mu.Lock()
	p.down = down
	p.mu.Unlock()
	if down {
		p.cut()
	}
}

func TestStreamReconnectsAfterConnectionLoss(t *testing.T) {
	cfg := adminConfig(t)
	cs, _ := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 5)

	u, err := url.Parse(cfg.Host)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newFlakyProxy(t, u.Host)
	pcfg := rest.CopyConfig(cfg)
	pcfg.Host = "https://" + proxy.ln.Addr().String()
	pcfg.TLSClientConfig.ServerName = "127.0.0.1"
	if u.Hostname() != "127.0.0.1" {
		pcfg.TLSClientConfig.ServerName = u.Hostname()
	}
	_, prc := clients(t, pcfg)

	rec := &recorder{}
	l := &Lister{REST: prc, FlushInterval: 20 * time.Millisecond, MaxBackoff: 500 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = l.Stream(ctx, Query{GVR: podsGVR, Namespace: ns}, rec.sink) }()
	waitFor(t, "sync", 10*time.Second, func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return rec.synced == 1 })

	proxy.setDown(true)
	waitFor(t, "a retrying error", 5*time.Second, func() bool {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		for _, m := range rec.msgs {
			if m.Type == "error" && m.Retrying {
				return true
			}
		}
		return false
	})
	// Changes while the stream is cut off.
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, pod("during-outage"), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := cs.CoreV1().Pods(ns).Delete(ctx, "p-002", metav1.DeleteOptions{GracePeriodSeconds: new(int64)}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	proxy.setDown(false)

	waitFor(t, "catch-up after reconnect", 10*time.Second, func() bool {
		return rec.has(ns+"/during-outage") && !rec.has(ns+"/p-002")
	})
	if n := rec.count(); n != 5 {
		t.Errorf("rows after catch-up = %d, want 5 (no duplicates, none lost)", n)
	}
	// Still live after the reconnect.
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, pod("after"), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "event after reconnect", 5*time.Second, func() bool { return rec.has(ns + "/after") })
}

func TestStreamSurvivesAnAPIServerRestart(t *testing.T) {
	cfg := adminConfig(t)
	cs, rc := clients(t, cfg)
	ns := newNamespace(t, cs)
	createPods(t, cs, ns, 4)
	settle(t, cs, ns)

	rec := &recorder{}
	l := &Lister{REST: rc, FlushInterval: 20 * time.Millisecond, MaxBackoff: time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = l.Stream(ctx, Query{GVR: podsGVR, Namespace: ns}, rec.sink) }()
	waitFor(t, "sync", 10*time.Second, func() bool { rec.mu.Lock(); defer rec.mu.Unlock(); return rec.synced == 1 })

	testcluster.Get(t).RestartAPIServer(t)

	// Changes after the restart reach the same stream, with nothing doubled.
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, pod("after-restart"), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := cs.CoreV1().Pods(ns).Delete(ctx, "p-000", metav1.DeleteOptions{GracePeriodSeconds: new(int64)}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "catch-up after the restart", 30*time.Second, func() bool {
		return rec.has(ns+"/after-restart") && !rec.has(ns+"/p-000")
	})
	if n := rec.count(); n != 4 {
		t.Errorf("rows after the restart = %d, want 4", n)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	retried := false
	for _, m := range rec.msgs {
		retried = retried || (m.Type == "error" && m.Retrying)
	}
	if !retried {
		t.Error("the stream never said it was reconnecting")
	}
}
