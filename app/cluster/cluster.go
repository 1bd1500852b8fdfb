package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/kubedeck/kubedeck/app/access"
	"github.com/kubedeck/kubedeck/app/credentials"
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
	// Mapper maps kinds to resources, from the cached discovery.
	Mapper meta.RESTMapper
	// Access answers permission questions for this connection's identity.
	Access *access.Reviewer
	// EnteredToken is true when a token the user entered is in use.
	EnteredToken bool
	// NeedsSignIn is true when neither the kubeconfig nor the user gave
	// credentials.
	NeedsSignIn bool
}

// Manager hands out connections by context name.
type Manager struct {
	store     *kubeconfig.Store
	tokens    *credentials.Tokens
	userAgent string
	log       *slog.Logger

	mu    sync.Mutex
	conns map[string]*entry
	// pluginTimeout bounds exec credential plugins; reportDir holds what
	// failed ones said (created on first use).
	pluginTimeout time.Duration
	reportDir     string
}

type entry struct {
	conn *Conn
	key  string
}

// NewManager returns a manager over the kubeconfig store, using the tokens
// the user entered (if any) in place of the kubeconfig's credentials.
func NewManager(store *kubeconfig.Store, tokens *credentials.Tokens, userAgent string, log *slog.Logger) *Manager {
	return &Manager{store: store, tokens: tokens, userAgent: userAgent, log: log, conns: map[string]*entry{},
		pluginTimeout: DefaultPluginTimeout}
}

// Tokens returns the entered-token store.
func (m *Manager) Tokens() *credentials.Tokens { return m.tokens }

// Store returns the kubeconfig store the manager reads.
func (m *Manager) Store() *kubeconfig.Store { return m.store }

// Get returns the connection for the named context, creating it if needed.
func (m *Manager) Get(name string) (*Conn, error) {
	snap, _ := m.store.Snapshot()
	kctx, ok := snap.Context(name)
	if !ok {
		return nil, fmt.Errorf("context %q: %w", name, ErrUnknownContext)
	}
	token, _ := m.tokens.Get(credentials.Key(name, kctx.Server))
	key := entryKey(snap.Config, name) + "|" + credentials.Fingerprint(token)
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.conns[name]; ok && e.key == key {
		return e.conn, nil
	}
	conn, err := m.connect(snap.Config, kctx, token)
	if err != nil {
		return nil, err
	}
	m.conns[name] = &entry{conn: conn, key: key}
	return conn, nil
}

func (m *Manager) connect(cfg *clientcmdapi.Config, kctx kubeconfig.Context, token string) (*Conn, error) {
	rc, err := RESTConfig(cfg, kctx.Name, token)
	if err != nil {
		return nil, err
	}
	run, err := m.wrapPlugin(rc, kctx.Name)
	if err != nil {
		return nil, err
	}
	conn, err := m.clients(rc, kctx, run)
	if err != nil {
		return nil, err
	}
	conn.EnteredToken = token != ""
	conn.NeedsSignIn = token == "" && !hasCredentials(cfg, kctx.Name)
	return conn, nil
}

// RESTConfig builds the rest.Config of a context; a non-empty token replaces
// whatever credentials the kubeconfig user has.
func RESTConfig(cfg *clientcmdapi.Config, contextName, token string) (*rest.Config, error) {
	// clientcmd writes into the config it is given (exec plugin settings):
	// give it a copy, the snapshot is shared.
	cc := clientcmd.NewNonInteractiveClientConfig(*cfg.DeepCopy(), contextName, &clientcmd.ConfigOverrides{}, nil)
	rc, err := cc.ClientConfig()
	if err != nil {
		return nil, fmt.Errorf("context %q: %w", contextName, err)
	}
	if token != "" {
		rc = rest.AnonymousClientConfig(rc)
		rc.BearerToken = token
	}
	return rc, nil
}

// hasCredentials tells whether the context's kubeconfig user can sign in.
func hasCredentials(cfg *clientcmdapi.Config, contextName string) bool {
	c := cfg.Contexts[contextName]
	if c == nil {
		return false
	}
	u := cfg.AuthInfos[c.AuthInfo]
	if u == nil {
		return false
	}
	return u.Token != "" || u.TokenFile != "" || u.ClientCertificate != "" || len(u.ClientCertificateData) > 0 ||
		u.Exec != nil || u.AuthProvider != nil || u.Username != "" || u.Impersonate != ""
}

func (m *Manager) clients(rc *rest.Config, kctx kubeconfig.Context, run *pluginRun) (*Conn, error) {
	rc.UserAgent = m.userAgent
	rc.QPS, rc.Burst = 50, 100
	dialer := &net.Dialer{Timeout: DialTimeout, KeepAlive: 30 * time.Second}
	rc.Dial = dialer.DialContext
	rc.WrapTransport = withPluginAgent(withTLSHandshakeTimeout(rc.WrapTransport), m.userAgent)

	hc, err := httpClient(rc, run)
	if err != nil {
		return nil, fmt.Errorf("context %q: http client: %w", kctx.Name, err)
	}
	cs, err := kubernetes.NewForConfigAndClient(rc, hc)
	if err != nil {
		return nil, fmt.Errorf("context %q: clients: %w", kctx.Name, err)
	}
	// Discovery calls take no context: bound them with a client timeout.
	dcfg := rest.CopyConfig(rc)
	dcfg.Timeout = RequestTimeout
	dhc, err := httpClient(dcfg, run)
	if err != nil {
		return nil, fmt.Errorf("context %q: http client: %w", kctx.Name, err)
	}
	disc, err := discovery.NewDiscoveryClientForConfigAndClient(dcfg, dhc)
	if err != nil {
		return nil, fmt.Errorf("context %q: discovery client: %w", kctx.Name, err)
	}
	dyn, err := dynamic.NewForConfigAndClient(rc, hc)
	if err != nil {
		return nil, fmt.Errorf("context %q: dynamic client: %w", kctx.Name, err)
	}
	m.log.Debug("connected", "context", kctx.Name, "server", rc.Host)
	cached := memory.NewMemCacheClient(disc)
	return &Conn{
		Context:   kctx,
		Config:    rc,
		Clientset: cs,
		Dynamic:   dyn,
		Discovery: cached,
		Mapper:    restmapper.NewDeferredDiscoveryRESTMapper(cached),
		REST:      cs.CoreV1().RESTClient(),
		Access:    access.New(cs),
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
	b, _ := json.Marshal([]any{c, cfg.Clusters[c.Cluster], cfg.AuthInfos[c.AuthInfo]})
	return string(b)
}

// Forget drops the connection of a context (after sign-in or sign-out).
func (m *Manager) Forget(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.conns, name)
}

// Ping checks the cluster answers within the context's deadline.
func (c *Conn) Ping(ctx context.Context) error {
	_, err := c.Clientset.Discovery().RESTClient().Get().AbsPath("/version").Do(ctx).Raw()
	return err
}
