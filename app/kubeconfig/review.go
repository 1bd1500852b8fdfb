package kubeconfig

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// What a pasted kubeconfig can make Kubedeck do on this computer, besides
// talking to its servers: run a program, use an auth provider, or read a
// local file (and, for a token file, send its content to the server).
const (
	ReviewExec         ReviewKind = "exec"
	ReviewAuthProvider ReviewKind = "auth-provider"
	ReviewFile         ReviewKind = "file"
)

// ReviewKind is what a ReviewItem would do: run, use an auth provider, read.
type ReviewKind string

// EnvVar is one environment variable an exec plugin is started with.
type EnvVar struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ReviewItem is one thing a pasted kubeconfig would run or read.
type ReviewItem struct {
	Kind ReviewKind `json:"kind"`
	// Owner is the kubeconfig entry it belongs to: `user "name"` or
	// `cluster "name"`, as named in the pasted text.
	Owner string `json:"owner"`
	// Contexts are the pasted contexts that use the entry.
	Contexts []string `json:"contexts"`
	// For ReviewExec: the program, its arguments and environment.
	Command string   `json:"command,omitempty"`
	Args    []string `json:"args,omitempty"`
	Env     []EnvVar `json:"env,omitempty"`
	// For ReviewAuthProvider: its name and the names of its settings.
	Provider     string   `json:"provider,omitempty"`
	ProviderKeys []string `json:"providerKeys,omitempty"`
	// For ReviewFile: the kubeconfig field and the absolute path it reads.
	Field string `json:"field,omitempty"`
	Path  string `json:"path,omitempty"`
}

// Review is what a pasted kubeconfig would add, and run or read.
type Review struct {
	Contexts []string     `json:"contexts"`
	Items    []ReviewItem `json:"items"`
	// Consent is what the user gives back to allow exactly these items; ""
	// when there is nothing to allow.
	Consent string `json:"consent"`
}

// ErrNeedsConsent is returned when a pasted kubeconfig would run or read
// something local and the user did not allow exactly that.
var ErrNeedsConsent = errors.New("the pasted kubeconfig runs programs or reads files on this computer")

// ReviewKubeconfig parses a pasted kubeconfig and lists every program it
// would run and every local file it would read once its contexts are kept
// in the managed file at managedPath (relative paths resolve against that
// file's folder, as clientcmd resolves them when it loads the file). Inline
// data (a token, certificate-authority-data, ...) is not listed.
func ReviewKubeconfig(pasted []byte, managedPath string) (Review, error) {
	in, err := clientcmd.Load(pasted)
	if err != nil {
		return Review{}, fmt.Errorf("the pasted text is not a kubeconfig: %w", err)
	}
	cfg := in.DeepCopy()
	for _, c := range cfg.Clusters {
		c.LocationOfOrigin = managedPath
	}
	for _, u := range cfg.AuthInfos {
		u.LocationOfOrigin = managedPath
	}
	if err := clientcmd.ResolveLocalPaths(cfg); err != nil {
		return Review{}, fmt.Errorf("resolve the pasted kubeconfig's paths: %w", err)
	}
	r := Review{Contexts: []string{}, Items: []ReviewItem{}}
	users, clusters := map[string][]string{}, map[string][]string{}
	for name, c := range cfg.Contexts {
		r.Contexts = append(r.Contexts, name)
		users[c.AuthInfo] = append(users[c.AuthInfo], name)
		clusters[c.Cluster] = append(clusters[c.Cluster], name)
	}
	slices.Sort(r.Contexts)
	for name, ctxs := range users {
		if u := cfg.AuthInfos[name]; u != nil {
			r.Items = append(r.Items, userItems(fmt.Sprintf("user %q", name), sorted(ctxs), u)...)
		}
	}
	for name, ctxs := range clusters {
		if c := cfg.Clusters[name]; c != nil && c.CertificateAuthority != "" {
			r.Items = append(r.Items, ReviewItem{Kind: ReviewFile, Owner: fmt.Sprintf("cluster %q", name),
				Contexts: sorted(ctxs), Field: "certificate-authority", Path: c.CertificateAuthority})
		}
	}
	slices.SortFunc(r.Items, func(a, b ReviewItem) int {
		return strings.Compare(a.Owner+"\x00"+string(a.Kind)+"\x00"+a.Field, b.Owner+"\x00"+string(b.Kind)+"\x00"+b.Field)
	})
	if len(r.Items) > 0 {
		r.Consent = consent(r.Items)
	}
	return r, nil
}

func userItems(owner string, ctxs []string, u *clientcmdapi.AuthInfo) []ReviewItem {
	var out []ReviewItem
	if e := u.Exec; e != nil {
		it := ReviewItem{Kind: ReviewExec, Owner: owner, Contexts: ctxs, Command: e.Command,
			Args: append([]string{}, e.Args...), Env: []EnvVar{}}
		for _, v := range e.Env {
			it.Env = append(it.Env, EnvVar{Name: v.Name, Value: v.Value})
		}
		out = append(out, it)
	}
	if p := u.AuthProvider; p != nil {
		keys := make([]string, 0, len(p.Config))
		for k := range p.Config {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out = append(out, ReviewItem{Kind: ReviewAuthProvider, Owner: owner, Contexts: ctxs, Provider: p.Name, ProviderKeys: keys})
	}
	for _, f := range []struct{ field, path string }{
		{"tokenFile", u.TokenFile}, {"client-certificate", u.ClientCertificate}, {"client-key", u.ClientKey},
	} {
		if f.path != "" {
			out = append(out, ReviewItem{Kind: ReviewFile, Owner: owner, Contexts: ctxs, Field: f.field, Path: f.path})
		}
	}
	return out
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

// consent is a digest of exactly what the user is shown: any change to a
// command, argument, variable or path changes it.
func consent(items []ReviewItem) string {
	b, _ := json.Marshal(items)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Describe says one item in plain words.
func (it ReviewItem) Describe() string {
	switch it.Kind {
	case ReviewExec:
		cmd := strings.Join(append([]string{it.Command}, it.Args...), " ")
		return fmt.Sprintf("%s runs the program %q", it.Owner, cmd)
	case ReviewAuthProvider:
		return fmt.Sprintf("%s uses the auth provider %q", it.Owner, it.Provider)
	case ReviewFile:
		if it.Field == "tokenFile" {
			return fmt.Sprintf("%s reads %s and sends it to the server as a token", it.Owner, it.Path)
		}
		return fmt.Sprintf("%s reads the file %s (%s)", it.Owner, it.Path, it.Field)
	}
	return it.Owner
}

// CheckConsent returns nil when the review needs no consent or consent is
// exactly the review's; else an error naming what the paste would run or read.
func (r Review) CheckConsent(consent string) error {
	if len(r.Items) == 0 || consent == r.Consent {
		return nil
	}
	parts := make([]string, 0, len(r.Items))
	for _, it := range r.Items {
		parts = append(parts, it.Describe())
	}
	what := "nothing was added; allow it after reviewing"
	if consent != "" {
		what = "it changed since you reviewed it: nothing was added; review it again"
	}
	return fmt.Errorf("%w (%s): %s", ErrNeedsConsent, strings.Join(parts, "; "), what)
}
