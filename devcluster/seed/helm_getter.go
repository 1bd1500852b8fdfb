package seed

import (
	"fmt"
	"sync"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/chart/common"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// helmClients are the clients the Helm SDK gets, made once from the admin
// rest.Config and shared by every release the seeder writes: discovery is
// cached in memory (nothing under $HOME) and the REST mapper defers to it.
type helmClients struct {
	cfg *rest.Config

	once   sync.Once
	err    error
	disc   discovery.CachedDiscoveryInterface
	mapper meta.RESTMapper

	capsOnce sync.Once
	capsErr  error
	caps     *common.Capabilities
}

func newHelmClients(cfg *rest.Config) *helmClients {
	return &helmClients{cfg: rest.CopyConfig(cfg)}
}

func (h *helmClients) init() error {
	h.once.Do(func() {
		dc, err := discovery.NewDiscoveryClientForConfig(h.cfg)
		if err != nil {
			h.err = fmt.Errorf("discovery client: %w", err)
			return
		}
		h.disc = memory.NewMemCacheClient(dc)
		deferred := restmapper.NewDeferredDiscoveryRESTMapper(h.disc)
		h.mapper = restmapper.NewShortcutExpander(deferred, h.disc, nil)
	})
	return h.err
}

// capabilities is what Helm's actions would find out about the cluster
// (its version and API versions), asked once: an action.Configuration
// without them invalidates the shared discovery cache to ask again.
func (h *helmClients) capabilities() (*common.Capabilities, error) {
	h.capsOnce.Do(func() {
		h.caps, h.capsErr = h.askCapabilities()
	})
	return h.caps, h.capsErr
}

func (h *helmClients) askCapabilities() (*common.Capabilities, error) {
	if err := h.init(); err != nil {
		return nil, err
	}
	v, err := h.disc.ServerVersion()
	if err != nil {
		return nil, fmt.Errorf("server version: %w", err)
	}
	kv, err := common.ParseKubeVersion(v.GitVersion)
	if err != nil {
		return nil, fmt.Errorf("server version %q: %w", v.GitVersion, err)
	}
	apis, err := action.GetVersionSet(h.disc)
	if err != nil {
		return nil, err
	}
	return &common.Capabilities{KubeVersion: *kv, APIVersions: apis, HelmVersion: common.DefaultCapabilities.HelmVersion}, nil
}

// getter returns a genericclioptions.RESTClientGetter whose default
// namespace (for objects a chart renders without one) is namespace.
func (h *helmClients) getter(namespace string) genericclioptions.RESTClientGetter {
	return &restClientGetter{clients: h, namespace: namespace}
}

// restClientGetter implements genericclioptions.RESTClientGetter over a
// rest.Config, for action.Configuration.Init (the CLI uses kubeconfig flags).
type restClientGetter struct {
	clients   *helmClients
	namespace string
}

var _ genericclioptions.RESTClientGetter = (*restClientGetter)(nil)

// ToRESTConfig returns a copy of the admin config.
func (g *restClientGetter) ToRESTConfig() (*rest.Config, error) {
	return rest.CopyConfig(g.clients.cfg), nil
}

// ToDiscoveryClient returns the shared memory-cached discovery client.
func (g *restClientGetter) ToDiscoveryClient() (discovery.CachedDiscoveryInterface, error) {
	if err := g.clients.init(); err != nil {
		return nil, err
	}
	return g.clients.disc, nil
}

// ToRESTMapper returns the shared deferred REST mapper.
func (g *restClientGetter) ToRESTMapper() (meta.RESTMapper, error) {
	if err := g.clients.init(); err != nil {
		return nil, err
	}
	return g.clients.mapper, nil
}

// ToRawKubeConfigLoader returns a ClientConfig whose namespace is the
// release's: Helm's kube client reads the default namespace from it.
func (g *restClientGetter) ToRawKubeConfigLoader() clientcmd.ClientConfig {
	return &restClientConfig{cfg: g.clients.cfg, namespace: g.namespace}
}

// restClientConfig is a clientcmd.ClientConfig over a rest.Config and a
// namespace; it reads no kubeconfig file.
type restClientConfig struct {
	cfg       *rest.Config
	namespace string
}

// RawConfig describes one cluster, user and context named "devcluster".
func (c *restClientConfig) RawConfig() (clientcmdapi.Config, error) {
	const name = "devcluster"
	raw := clientcmdapi.NewConfig()
	raw.Clusters[name] = &clientcmdapi.Cluster{
		Server:                   c.cfg.Host,
		CertificateAuthority:     c.cfg.CAFile,
		CertificateAuthorityData: c.cfg.CAData,
	}
	raw.AuthInfos[name] = &clientcmdapi.AuthInfo{
		Token:                 c.cfg.BearerToken,
		TokenFile:             c.cfg.BearerTokenFile,
		ClientCertificate:     c.cfg.CertFile,
		ClientCertificateData: c.cfg.CertData,
		ClientKey:             c.cfg.KeyFile,
		ClientKeyData:         c.cfg.KeyData,
	}
	raw.Contexts[name] = &clientcmdapi.Context{Cluster: name, AuthInfo: name, Namespace: c.namespace}
	raw.CurrentContext = name
	return *raw, nil
}

// ClientConfig returns a copy of the rest.Config.
func (c *restClientConfig) ClientConfig() (*rest.Config, error) {
	return rest.CopyConfig(c.cfg), nil
}

// Namespace returns the release's namespace, as if set by a flag.
func (c *restClientConfig) Namespace() (string, bool, error) {
	if c.namespace == "" {
		return "default", false, nil
	}
	return c.namespace, true, nil
}

// ConfigAccess is only used to modify kubeconfig files, which Helm's
// actions never do; it points at the default loading rules, unread.
func (c *restClientConfig) ConfigAccess() clientcmd.ConfigAccess {
	return clientcmd.NewDefaultClientConfigLoadingRules()
}
