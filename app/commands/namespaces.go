package commands

import (
	"context"
	"slices"

	authzv1 "k8s.io/api/authorization/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/cluster"
)

// knownNamespaces builds the namespace list of a user who may not list
// namespaces: the context's namespace, namespaces added by hand, and those of
// other contexts on the same server where SelfSubjectRulesReview shows the
// user may list something.
func (c *Commands) knownNamespaces(ctx context.Context, conn *cluster.Conn) (NamespaceList, error) {
	out := NamespaceList{Namespaces: []string{}, Restricted: true,
		Message: "You may not list namespaces in this cluster: showing your context's namespace, the ones you added, and the ones where you have access."}
	prefs, _ := c.s.Settings().Load()
	candidates := []string{}
	add := func(ns string) {
		if ns != "" && !slices.Contains(candidates, ns) {
			candidates = append(candidates, ns)
		}
	}
	add(conn.Context.Namespace)
	for _, ns := range prefs.Contexts[conn.Context.Name].ExtraNamespaces {
		add(ns)
	}
	snap, _ := c.s.Clusters().Store().Snapshot()
	for _, other := range snap.Contexts {
		if other.Server == conn.Context.Server {
			add(other.Namespace)
		}
	}
	for _, ns := range candidates {
		if ns == conn.Context.Namespace || slices.Contains(prefs.Contexts[conn.Context.Name].ExtraNamespaces, ns) || canListIn(ctx, conn, ns) {
			out.Namespaces = append(out.Namespaces, ns)
		}
	}
	slices.Sort(out.Namespaces)
	return out, nil
}

// canListIn asks SelfSubjectRulesReview whether the user may list anything
// in ns.
func canListIn(ctx context.Context, conn *cluster.Conn, ns string) bool {
	r, err := conn.Clientset.AuthorizationV1().SelfSubjectRulesReviews().Create(ctx,
		&authzv1.SelfSubjectRulesReview{Spec: authzv1.SelfSubjectRulesReviewSpec{Namespace: ns}}, metav1.CreateOptions{})
	if err != nil {
		return false
	}
	for _, rule := range r.Status.ResourceRules {
		if slices.Contains(rule.Verbs, "list") || slices.Contains(rule.Verbs, "*") {
			for _, res := range rule.Resources {
				// Discovery rules grant list on nothing namespaced; any real
				// namespaced resource counts.
				if res != "selfsubjectaccessreviews" && res != "selfsubjectrulesreviews" {
					return true
				}
			}
		}
	}
	return false
}
