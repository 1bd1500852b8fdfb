package rbaclive

import (
	"context"
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/access"
	"github.com/kubedeck/kubedeck/app/rbac"
)

const rbacGroup = "rbac.authorization.k8s.io"

// kinds are the RBAC collections a snapshot of namespace reads (Roles and
// RoleBindings only for a namespace).
func kinds(namespace string) []string {
	if namespace == "" {
		return []string{"clusterroles", "clusterrolebindings"}
	}
	return []string{"clusterroles", "clusterrolebindings", "roles", "rolebindings"}
}

// needs is the sentence for a collection the user may not list.
func needs(resource, namespace string) string {
	ns := namespace
	if resource == "clusterroles" || resource == "clusterrolebindings" {
		ns = ""
	}
	return access.Needs(access.Check{Verb: "list", Group: rbacGroup, Resource: resource, Namespace: ns})
}

// Load reads the RBAC objects of namespace once. Collections the user may
// not list are named in Missing; any other failure is an error.
func (c *Client) Load(ctx context.Context, namespace string) (rbac.Snapshot, error) {
	var s rbac.Snapshot
	r := c.cs.RbacV1()
	opts := metav1.ListOptions{}
	for _, k := range kinds(namespace) {
		var err error
		switch k {
		case "clusterroles":
			list, e := r.ClusterRoles().List(ctx, opts)
			if e == nil {
				s.ClusterRoles = list.Items
			}
			err = e
		case "clusterrolebindings":
			list, e := r.ClusterRoleBindings().List(ctx, opts)
			if e == nil {
				s.ClusterRoleBindings = list.Items
			}
			err = e
		case "roles":
			list, e := r.Roles(namespace).List(ctx, opts)
			if e == nil {
				s.Roles = list.Items
			}
			err = e
		case "rolebindings":
			list, e := r.RoleBindings(namespace).List(ctx, opts)
			if e == nil {
				s.RoleBindings = list.Items
			}
			err = e
		}
		switch {
		case apierrors.IsForbidden(err):
			s.Missing = append(s.Missing, needs(k, namespace))
		case err != nil:
			return rbac.Snapshot{}, fmt.Errorf("list %s: %w", k, err)
		}
	}
	return s, nil
}
