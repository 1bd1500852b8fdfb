package helm

import (
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// getter is the RESTClientGetter Helm's kube client is built from: the
// connection's rest.Config, discovery and mapper, and the namespace of
// the release. No kubeconfig file is read.
type getter struct {
	cfg       *rest.Config
	disc      discovery.CachedDiscoveryInterface
	mapper    meta.RESTMapper
	namespace string
}

func (g *getter) ToRESTConfig() (*rest.Config, error) { return rest.CopyConfig(g.cfg), nil }

func (g *getter) ToDiscoveryClient() (discovery.CachedDiscoveryInterface, error) { return g.disc, nil }

func (g *getter) ToRESTMapper() (meta.RESTMapper, error) { return g.mapper, nil }

func (g *getter) ToRawKubeConfigLoader() clientcmd.ClientConfig { return namespaceOnly{g} }

// namespaceOnly answers the questions Helm asks of a kubeconfig: the
// namespace and the client config; it has no file behind it.
type namespaceOnly struct{ g *getter }

func (n namespaceOnly) RawConfig() (clientcmdapi.Config, error) { return clientcmdapi.Config{}, nil }

func (n namespaceOnly) ClientConfig() (*rest.Config, error) { return n.g.ToRESTConfig() }

func (n namespaceOnly) Namespace() (string, bool, error) { return n.g.namespace, true, nil }

func (n namespaceOnly) ConfigAccess() clientcmd.ConfigAccess { return nil }
