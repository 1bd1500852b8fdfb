package kubeconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/kubedeck/kubedeck/app/atomicfile"
)

// Managed is the app's own kubeconfig file, <UserConfigDir>/kubedeck/kubeconfig,
// holding the clusters added in the app. The user's own files are never
// written; this one is read like any other, after them.
type Managed struct {
	path string
	mu   sync.Mutex
}

// DefaultManagedPath is the app-managed kubeconfig in the user's config folder.
func DefaultManagedPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w", err)
	}
	return filepath.Join(dir, "kubedeck", "kubeconfig"), nil
}

// NewManaged returns the managed file at path.
func NewManaged(path string) *Managed { return &Managed{path: path} }

// Path is the file's location.
func (m *Managed) Path() string { return m.path }

// AddKubeconfig merges every context of a pasted kubeconfig into the file.
// Names already used by any loaded file are refused, so nothing is shadowed.
func (m *Managed) AddKubeconfig(pasted []byte, taken func(name string) bool) ([]string, error) {
	in, err := clientcmd.Load(pasted)
	if err != nil {
		return nil, fmt.Errorf("the pasted text is not a kubeconfig: %w", err)
	}
	if len(in.Contexts) == 0 {
		return nil, errors.New("the pasted kubeconfig has no contexts")
	}
	for name, c := range in.Contexts {
		if taken(name) {
			return nil, fmt.Errorf("a context named %q exists already", name)
		}
		if in.Clusters[c.Cluster] == nil {
			return nil, fmt.Errorf("context %q names cluster %q, which the pasted kubeconfig lacks", name, c.Cluster)
		}
	}
	var added []string
	err = m.update(func(cfg *clientcmdapi.Config) error {
		for name, c := range in.Contexts {
			cluster, user := "kubedeck-"+name, "kubedeck-"+name
			cfg.Clusters[cluster] = in.Clusters[c.Cluster]
			if u := in.AuthInfos[c.AuthInfo]; u != nil {
				cfg.AuthInfos[user] = u
			} else {
				cfg.AuthInfos[user] = clientcmdapi.NewAuthInfo()
			}
			cfg.Contexts[name] = &clientcmdapi.Context{Cluster: cluster, AuthInfo: user, Namespace: c.Namespace}
			added = append(added, name)
		}
		return nil
	})
	return added, err
}

// AddServer adds a context for a server URL and CA; its credentials are a
// token kept by the caller (in the keyring), not in the file.
func (m *Managed) AddServer(name, server, caPEM string, insecure bool) error {
	name, server = strings.TrimSpace(name), strings.TrimSpace(server)
	if name == "" || !strings.HasPrefix(server, "https://") {
		return errors.New("give the cluster a name and an https:// server address")
	}
	return m.update(func(cfg *clientcmdapi.Config) error {
		c := clientcmdapi.NewCluster()
		c.Server = server
		c.CertificateAuthorityData = []byte(caPEM)
		c.InsecureSkipTLSVerify = insecure && caPEM == ""
		cfg.Clusters["kubedeck-"+name] = c
		cfg.AuthInfos["kubedeck-"+name] = clientcmdapi.NewAuthInfo()
		cfg.Contexts[name] = &clientcmdapi.Context{Cluster: "kubedeck-" + name, AuthInfo: "kubedeck-" + name}
		return nil
	})
}

// Remove deletes a context added in the app (and its cluster and user).
func (m *Managed) Remove(name string) error {
	return m.update(func(cfg *clientcmdapi.Config) error {
		c, ok := cfg.Contexts[name]
		if !ok {
			return fmt.Errorf("context %q was not added in Kubedeck; edit your kubeconfig to remove it", name)
		}
		delete(cfg.Clusters, c.Cluster)
		delete(cfg.AuthInfos, c.AuthInfo)
		delete(cfg.Contexts, name)
		return nil
	})
}

func (m *Managed) update(fn func(*clientcmdapi.Config) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := atomicfile.CheckDestination(m.path); err != nil {
		return fmt.Errorf("save the clusters added in Kubedeck: %w", err)
	}
	cfg, err := clientcmd.LoadFromFile(m.path)
	if errors.Is(err, fs.ErrNotExist) {
		cfg, err = clientcmdapi.NewConfig(), nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", m.path, err)
	}
	if err := fn(cfg); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(m.path), 0o700); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(m.path), err)
	}
	b, err := clientcmd.Write(*cfg)
	if err != nil {
		return fmt.Errorf("encode kubeconfig: %w", err)
	}
	// Atomically, 0600 when new (it holds credentials), never through a
	// symbolic link.
	if err := atomicfile.WriteFile(m.path, b, 0o600); err != nil {
		return fmt.Errorf("save the clusters added in Kubedeck: %w", err)
	}
	return nil
}
