package helm

import (
	"errors"
	"fmt"
	"log/slog"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/kube"
	release "helm.sh/helm/v4/pkg/release/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
)

// FieldManager is the field manager of what Kubedeck's Helm actions write:
// Helm's own, so a later `helm upgrade` of the same release (and server-side
// apply in particular) finds its fields owned by the manager it expects.
const FieldManager = "helm"

func init() {
	// Helm's SDK takes the field manager from this package variable (else
	// from the program's name). Set once, before any action runs.
	kube.ManagedFieldsManager = FieldManager
}

// Client runs Helm's actions for one connection, under its credentials.
type Client struct {
	cfg     *rest.Config
	disc    discovery.CachedDiscoveryInterface
	mapper  meta.RESTMapper
	dynamic dynamic.Interface
	log     *slog.Logger
}

// New returns a client over a connection's config, discovery, mapper and
// dynamic client.
func New(cfg *rest.Config, disc discovery.CachedDiscoveryInterface, mapper meta.RESTMapper, dyn dynamic.Interface, log *slog.Logger) *Client {
	if log == nil {
		log = slog.Default()
	}
	return &Client{cfg: cfg, disc: disc, mapper: mapper, dynamic: dyn, log: log}
}

// Ref names a release and where Helm keeps it.
type Ref struct {
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	// Driver is "secret" (the default when empty) or "configmap".
	Driver string `json:"driver"`
}

func (r Ref) check() error {
	switch {
	case r.Namespace == "" || r.Name == "":
		return errors.New("a release needs a namespace and a name")
	case r.Driver != "" && r.Driver != DriverSecret && r.Driver != DriverConfigMap:
		return fmt.Errorf("unknown Helm storage driver %q (want secret or configmap)", r.Driver)
	}
	return nil
}

// action is Helm's configuration for the releases of ref's namespace and
// driver. Helm logs at debug level into the client's logger.
func (c *Client) action(ref Ref) (*action.Configuration, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	ac := action.NewConfiguration()
	ac.SetLogger(c.log.With("helm", ref.Namespace+"/"+ref.Name).Handler())
	driver := ref.Driver
	if driver == "" {
		driver = DriverSecret
	}
	// Helm invalidates the discovery it is given before each install,
	// upgrade or rollback (and resets the mapper after installing CRDs), so
	// it gets a memory cache of its own, not the connection's.
	dc, err := discovery.NewDiscoveryClientForConfig(c.cfg)
	if err != nil {
		return nil, fmt.Errorf("prepare Helm for %s/%s: %w", ref.Namespace, ref.Name, err)
	}
	disc := memory.NewMemCacheClient(dc)
	g := &getter{cfg: c.cfg, disc: disc, mapper: restmapper.NewDeferredDiscoveryRESTMapper(disc), namespace: ref.Namespace}
	if err := ac.Init(g, ref.Namespace, driver); err != nil {
		return nil, fmt.Errorf("prepare Helm for %s/%s: %w", ref.Namespace, ref.Name, err)
	}
	return ac, nil
}

// v1 is a release as Helm's v1 type (the only one Helm v4 stores).
func v1(r any) (*release.Release, error) {
	switch t := r.(type) {
	case *release.Release:
		return t, nil
	case release.Release:
		return &t, nil
	}
	return nil, fmt.Errorf("unsupported Helm release type %T", r)
}
