package commands

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"

	"github.com/kubedeck/kubedeck/app/cluster"
)

// NamespaceList is the namespaces a user can pick from.
type NamespaceList struct {
	Namespaces []string `json:"namespaces"`
	// Restricted is true when the user may not list namespaces; Namespaces
	// then holds the ones known to be theirs.
	Restricted bool   `json:"restricted"`
	Message    string `json:"message,omitempty"`
}

// Namespaces lists the namespaces of a context's cluster.
func (c *Commands) Namespaces(contextName string) (NamespaceList, error) {
	return guard(c, "Namespaces", func() (NamespaceList, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return NamespaceList{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		list, err := conn.Clientset.CoreV1().Namespaces().List(ctx, metav1.ListOptions{})
		if apierrors.IsForbidden(err) {
			return c.knownNamespaces(ctx, conn)
		}
		if err != nil {
			return NamespaceList{}, describe(conn, err)
		}
		out := NamespaceList{Namespaces: make([]string, 0, len(list.Items))}
		for _, ns := range list.Items {
			out.Namespaces = append(out.Namespaces, ns.Name)
		}
		slices.Sort(out.Namespaces)
		return out, nil
	})
}

// APIResource is one kind the cluster serves, at its preferred version.
type APIResource struct {
	Group      string   `json:"group"`
	Version    string   `json:"version"`
	Kind       string   `json:"kind"`
	Resource   string   `json:"resource"`
	Namespaced bool     `json:"namespaced"`
	Verbs      []string `json:"verbs"`
	ShortNames []string `json:"shortNames,omitempty"`
}

// APIResourceList is what discovery found.
type APIResourceList struct {
	Resources []APIResource `json:"resources"`
	// Partial names API groups that could not be discovered.
	Partial []string `json:"partial,omitempty"`
}

// APIResources lists every kind the cluster serves (preferred versions).
func (c *Commands) APIResources(contextName string) (APIResourceList, error) {
	return guard(c, "APIResources", func() (APIResourceList, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return APIResourceList{}, err
		}
		lists, err := conn.Discovery.ServerPreferredResources()
		out := APIResourceList{Resources: []APIResource{}}
		var gdf *discovery.ErrGroupDiscoveryFailed
		if errors.As(err, &gdf) {
			for gv := range gdf.Groups {
				out.Partial = append(out.Partial, gv.String())
			}
		} else if err != nil {
			return out, describe(conn, err)
		}
		for _, l := range lists {
			group, version, _ := strings.Cut(l.GroupVersion, "/")
			if version == "" {
				group, version = "", group
			}
			for _, r := range l.APIResources {
				if strings.Contains(r.Name, "/") {
					continue
				}
				out.Resources = append(out.Resources, APIResource{
					Group: group, Version: version, Kind: r.Kind, Resource: r.Name,
					Namespaced: r.Namespaced, Verbs: r.Verbs, ShortNames: r.ShortNames,
				})
			}
		}
		return out, nil
	})
}

// ClusterInfo is who the user is on a cluster and what it runs.
type ClusterInfo struct {
	Server     string   `json:"server"`
	GitVersion string   `json:"gitVersion"`
	User       string   `json:"user"`
	Groups     []string `json:"groups"`
}

// ClusterInfo checks the cluster answers and says who the user is there.
func (c *Commands) ClusterInfo(contextName string) (ClusterInfo, error) {
	return guard(c, "ClusterInfo", func() (ClusterInfo, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return ClusterInfo{}, err
		}
		out := ClusterInfo{Server: conn.Config.Host, Groups: []string{}}
		ctx, cancel := timeout()
		defer cancel()
		v, err := discovery.ToServerVersionInterfaceWithContext(conn.Clientset.Discovery()).ServerVersionWithContext(ctx)
		if err != nil {
			return out, describe(conn, err)
		}
		out.GitVersion = v.GitVersion
		who, err := whoAmI(ctx, conn.Clientset)
		if err != nil {
			return out, describe(conn, err)
		}
		out.User = who.Username // "" when the cluster cannot tell
		out.Groups = append(out.Groups, who.Groups...)
		return out, nil
	})
}

// describe turns a client error into a message a user can act on.
func describe(conn *cluster.Conn, err error) error {
	switch {
	case apierrors.IsUnauthorized(err):
		return fmt.Errorf("the cluster at %s did not accept your credentials (401): sign in again", conn.Config.Host)
	}
	var st apierrors.APIStatus
	if errors.As(err, &st) {
		// The server answered: its message says what went wrong.
		return err
	}
	var ue *url.Error
	var ne net.Error
	if errors.As(err, &ue) || errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("cannot reach the cluster at %s: %w", conn.Config.Host, err)
	}
	// Not the network (a local file, a refusal of Kubedeck's own): as it is.
	return err
}
