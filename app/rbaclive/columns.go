package rbaclive

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"

	"github.com/kubedeck/kubedeck/app/rbac"
)

// Verbs are the verbs of the matrix, in the order it shows them.
var Verbs = []string{"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"}

// subresources are the subresources that get a column of their own: the
// ones that hand out a shell, logs, a tunnel or a token.
var subresources = map[string]bool{
	"pods/exec": true, "pods/attach": true, "pods/log": true, "pods/portforward": true, "serviceaccounts/token": true,
}

// Columns are the resources discovery lists (the preferred version of
// each group), namespaced ones only when namespaced, with the matrix verbs
// each supports, plus the subresource columns. Groups that failed to
// answer are left out.
func (c *Client) Columns(namespaced bool) ([]rbac.Column, error) {
	lists, err := c.disc.ServerPreferredResources()
	var gdf *discovery.ErrGroupDiscoveryFailed
	if err != nil && !errors.As(err, &gdf) {
		return nil, fmt.Errorf("discover the resources: %w", err)
	}
	// Preferred resources leave subresources out; the core group's list
	// has them.
	core, err := c.disc.ServerResourcesForGroupVersion("v1")
	if err != nil {
		return nil, fmt.Errorf("discover the core resources: %w", err)
	}
	lists = append(lists, &metav1.APIResourceList{GroupVersion: "v1", APIResources: slices.DeleteFunc(slices.Clone(core.APIResources),
		func(r metav1.APIResource) bool { return !subresources[r.Name] })})
	var out []rbac.Column
	seen := map[string]bool{}
	for _, l := range lists {
		group, _, found := strings.Cut(l.GroupVersion, "/")
		if !found {
			group = ""
		}
		for _, r := range l.APIResources {
			if namespaced && !r.Namespaced {
				continue
			}
			res, sub, isSub := strings.Cut(r.Name, "/")
			if isSub && !subresources[r.Name] {
				continue
			}
			var verbs []string
			for _, v := range Verbs {
				if slices.Contains(r.Verbs, v) {
					verbs = append(verbs, v)
				}
			}
			if len(verbs) == 0 {
				continue
			}
			key := group + "/" + r.Name
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, rbac.Column{Group: group, Resource: res, Subresource: sub, Namespaced: r.Namespaced, Verbs: verbs})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Subresource < b.Subresource
	})
	return out, nil
}

// Key are the columns the API server is asked about for one subject (a
// SubjectAccessReview per verb; the rest come from the RBAC objects): the
// workloads, their shells and logs, configuration, Secrets, tokens and
// RBAC itself.
var Key = map[string]bool{
	"pods": true, "pods/exec": true, "pods/attach": true, "pods/log": true, "pods/portforward": true,
	"deployments.apps": true, "statefulsets.apps": true, "daemonsets.apps": true, "jobs.batch": true, "cronjobs.batch": true,
	"services": true, "ingresses.networking.k8s.io": true, "configmaps": true, "secrets": true,
	"persistentvolumeclaims": true, "serviceaccounts": true, "serviceaccounts/token": true,
	"roles.rbac.authorization.k8s.io": true, "rolebindings.rbac.authorization.k8s.io": true,
	"clusterroles.rbac.authorization.k8s.io": true, "clusterrolebindings.rbac.authorization.k8s.io": true,
	"namespaces": true, "nodes": true, "events": true,
}

// Name is a column as kubectl names it: resource[.group][/subresource].
func Name(c rbac.Column) string {
	n := c.Resource
	if c.Group != "" {
		n += "." + c.Group
	}
	if c.Subresource != "" {
		n += "/" + c.Subresource
	}
	return n
}
