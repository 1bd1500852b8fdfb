package commands

import (
	"github.com/kubedeck/kubedeck/app/rbac"
	"github.com/kubedeck/kubedeck/app/rbaclive"
)

// SubjectAccess is everything one subject may do in a namespace ("" for
// cluster-wide): its rules as `kubectl auth can-i --list --as` prints them
// and the verbs allowed per resource, asked of the API server with
// SubjectAccessReviews when the user may create them, else computed from
// the RBAC objects (Source says which).
func (c *Commands) SubjectAccess(contextName, namespace string, subject rbac.Subject) (rbac.SubjectAccess, error) {
	return guard(c, "SubjectAccess", func() (rbac.SubjectAccess, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return rbac.SubjectAccess{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := rbaclive.ClientOf(conn.Clientset, conn.Discovery).SubjectAccess(ctx, namespace, subject)
		if err != nil {
			return rbac.SubjectAccess{}, describe(conn, err)
		}
		return out, nil
	})
}

// MyAccess is what the signed-in user may do in a namespace ("what can I
// do here"), from SelfSubjectRulesReview.
func (c *Commands) MyAccess(contextName, namespace string) (rbac.RulesReview, error) {
	return guard(c, "MyAccess", func() (rbac.RulesReview, error) {
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return rbac.RulesReview{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := rbaclive.ClientOf(conn.Clientset, conn.Discovery).MyAccess(ctx, namespace)
		if err != nil {
			return rbac.RulesReview{}, describe(conn, err)
		}
		return out, nil
	})
}
