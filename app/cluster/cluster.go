// Package cluster owns one connection per kubeconfig context: its rest.Config,
// clients and cached discovery. Connections are made lazily, kept while their
// context is unchanged, and rebuilt when the kubeconfig entry behind them
// changes. Each connection is independent: a slow or unreachable cluster
// never blocks another.
package cluster

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/kubedeck/kubedeck/app/kubeconfig"
)

// ErrUnknownContext is returned for a context name the kubeconfig lacks.
var ErrUnknownContext = errors.New("no such context in the kubeconfig")

// DialTimeout bounds TCP connection set-up, so an address that drops packets
// is reported as unreachable quickly.
const DialTimeout = 5 * time.Second

// RequestTimeout bounds discovery requests, which take no context.
const RequestTimeout = 10 * time.Second

// Conn is a live connection to the cluster of one context.
type Conn struct {
	Context   kubeconfig.Context
	Config    *rest.Config
	Clientset kubernetes.Interface
	Dynamic   dynamic.Interface
	Discovery discovery.CachedDiscoveryInterface
	// REST is a raw client used for Table lists and watches on any path.
	REST rest.Interface
}

// Manager hands out connections by context name.
type Manager struct {
	store     *kubeconfig.Store
	userAgent string
	log       *slog.Logger

	mu    sync.Mutex
	conns map[string]*entry
}

type entry struct {
	conn *Conn
	key  string
}

// NewManager returns a manager over the kubeconfig store.
func NewManager(store *kubeconfig.Store, userAgent string, log *slog.Logger) *Manager {
	return &Manager{store: store, userAgent: userAgent, log: log, conns: map[string]*entry{}}
}

// Store returns the kubeconfig store the manager reads.
func (m *Manager) Store() *kubeconfig.Store { return m.store }

// Get returns the connection for the named context, creating it if needed.
func (m *Manager) Get(name string) (*Conn, error) {
	snap, _ := m.store.Snapshot()
	kctx, ok := snap.Context(name)
	if !ok {
		return nil, fmt.Errorf("context %q: %w", name, ErrUnknownContext)
	}
	key := entryKey(snap.Config, name)
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.conns[name]; ok && e.key == key {
		return e.conn, nil
	}
	conn, err := m.connect(snap.Config, kctx)
	if err != nil {
		return nil, err
	}
	m.conns[name] = &entry{conn: conn, key: key}
	return conn, nil
}

func (m *Manager) connect(cfg *clientcmdapi.Config, kctx kubeconfig.Context) (*Conn, error) {
	cc := clientcmd.NewNonInteractiveClientConfig(*cfg, kctx.Name, &clientcmd.ConfigOverrides{}, nil)
	rc, err := cc.ClientConfig()
	if err != nil {
		return nil, fmt.Errorf("context %q: %w", kctx.Name, err)
	}
	rc.UserAgent = m.userAgent
	rc.QPS, rc.Burst = 50, 100
	dialer := &net.Dialer{Timeout: DialTimeout, KeepAlive: 30 * time.Second}
	rc.Dial = dialer.DialContext
	rc.WrapTransport = withTLSHandshakeTimeout(rc.WrapTransport)

	cs, err := kubernetes.NewForConfig(rc)
	if err != nil {
		return nil, fmt.Errorf("context %q: clients: %w", kctx.Name, err)
	}
	// Discovery calls take no context: bound them with a client timeout.
	dcfg := rest.CopyConfig(rc)
	dcfg.Timeout = RequestTimeout
	disc, err := discovery.NewDiscoveryClientForConfig(dcfg)
	if err != nil {
		return nil, fmt.Errorf("context %q: discovery client: %w", kctx.Name, err)
	}
	dyn, err := dynamic.NewForConfig(rc)
	if err != nil {
		return nil, fmt.Errorf("context %q: dynamic client: %w", kctx.Name, err)
	}
	m.log.Debug("connected", "context", kctx.Name, "server", rc.Host)
	return &Conn{
		Context:   kctx,
		Config:    rc,
		Clientset: cs,
		Dynamic:   dyn,
		Discovery: memory.NewMemCacheClient(disc),
		REST:      cs.CoreV1().RESTClient(),
	}, nil
}

func withTLSHandshakeTimeout(prev func(http.RoundTripper) http.RoundTripper) func(http.RoundTripper) http.RoundTripper {
	return func(rt http.RoundTripper) http.RoundTripper {
		if t, ok := rt.(*http.Transport); ok {
			t.TLSHandshakeTimeout = DialTimeout
		}
		if prev != nil {
			return prev(rt)
		}
		return rt
	}
}

// entryKey changes whenever anything the connection was built from changes.
func entryKey(cfg *clientcmdapi.Config, name string) string {
	c := cfg.Contexts[name]
	if c == nil {
		return ""
	}
	return fmt.Sprintf("%+v|%+v|%+v", *c, cfg.Clusters[c.Cluster], cfg.AuthInfos[c.AuthInfo])
}

// Ping checks the cluster answers within the context's deadline.
func (c *Conn) Ping(ctx context.Context) error {
	_, err := c.Clientset.Discovery().RESTClient().Get().AbsPath("/version").Do(ctx).Raw()
	return err
}
