package kubeconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// File is the load status of one kubeconfig file named by the loading rules.
type File struct {
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	Error  string `json:"error,omitempty"`
}

// Context is one kubeconfig context as the user sees it.
type Context struct {
	Name      string `json:"name"`
	Cluster   string `json:"cluster"`
	User      string `json:"user"`
	Namespace string `json:"namespace"`
	Server    string `json:"server"`
	// Source is the file the context was read from (the first file that
	// defines a context of this name wins, as in kubectl).
	Source string `json:"source"`
}

// Snapshot is the merged view of every kubeconfig file at one moment.
type Snapshot struct {
	// Config is the merged configuration with paths resolved; never nil.
	Config   *clientcmdapi.Config
	Files    []File
	Contexts []Context
	Current  string
}

// Paths returns the kubeconfig files kubectl would read: the explicit path
// when one is given, else the KUBECONFIG list, else ~/.kube/config.
func Paths(explicit string) []string {
	if explicit != "" {
		return []string{explicit}
	}
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	return dedupe(rules.GetLoadingPrecedence())
}

func dedupe(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// Load reads every file in paths. A file that does not parse is reported in
// Files with its error; the contexts of the other files stay usable.
func Load(paths []string) *Snapshot {
	snap := &Snapshot{Config: clientcmdapi.NewConfig()}
	var good []string
	for _, p := range paths {
		f := File{Path: p}
		_, err := clientcmd.LoadFromFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			f.Exists = true
			f.Error = cleanError(p, err)
		default:
			f.Exists = true
			good = append(good, p)
		}
		snap.Files = append(snap.Files, f)
	}
	if len(good) > 0 {
		rules := &clientcmd.ClientConfigLoadingRules{Precedence: good}
		cfg, err := rules.Load()
		if cfg != nil {
			snap.Config = cfg
		}
		if err != nil && cfg == nil {
			for i := range snap.Files {
				if snap.Files[i].Exists && snap.Files[i].Error == "" {
					snap.Files[i].Error = err.Error()
				}
			}
		}
	}
	snap.Current = snap.Config.CurrentContext
	snap.Contexts = contexts(snap.Config)
	return snap
}

func cleanError(path string, err error) string {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return fmt.Sprintf("%s: %s", filepath.Base(path), msg)
}

func contexts(cfg *clientcmdapi.Config) []Context {
	out := make([]Context, 0, len(cfg.Contexts))
	for name, c := range cfg.Contexts {
		// A context without a name cannot be chosen (kubectl's --context ""
		// means the current one), and the UI keys everything by name.
		if name == "" || c == nil {
			continue
		}
		ctx := Context{
			Name:      name,
			Cluster:   c.Cluster,
			User:      c.AuthInfo,
			Namespace: c.Namespace,
			Source:    c.LocationOfOrigin,
		}
		if cl, ok := cfg.Clusters[c.Cluster]; ok {
			ctx.Server = cl.Server
		}
		out = append(out, ctx)
	}
	slices.SortFunc(out, func(a, b Context) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	return out
}

// Context returns the named context, if any.
func (s *Snapshot) Context(name string) (Context, bool) {
	i := slices.IndexFunc(s.Contexts, func(c Context) bool { return c.Name == name })
	if i < 0 {
		return Context{}, false
	}
	return s.Contexts[i], true
}

// fingerprint describes a file's identity for change detection.
type fingerprint struct {
	exists  bool
	size    int64
	modTime int64
}

func stat(path string) fingerprint {
	fi, err := os.Stat(path)
	if err != nil {
		return fingerprint{}
	}
	return fingerprint{exists: true, size: fi.Size(), modTime: fi.ModTime().UnixNano()}
}
