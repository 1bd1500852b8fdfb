package rbaclive

import (
	"context"
	"errors"
	"fmt"
	"sync"

	authzv1 "k8s.io/api/authorization/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/access"
	"github.com/kubedeck/kubedeck/app/rbac"
)

// parallel bounds the SubjectAccessReviews in flight for one subject.
const parallel = 16

var sarCheck = access.Check{Verb: "create", Group: "authorization.k8s.io", Resource: "subjectaccessreviews"}

// ErrSubject is a subject that is not one RBAC knows.
var ErrSubject = errors.New("a subject is a User, Group or ServiceAccount with a name (and a namespace for a ServiceAccount)")

func checkSubject(s rbac.Subject) error {
	switch {
	case s.Name == "":
		return ErrSubject
	case s.Kind == rbac.ServiceAccount && s.Namespace == "":
		return ErrSubject
	case s.Kind != rbac.User && s.Kind != rbac.Group && s.Kind != rbac.ServiceAccount:
		return ErrSubject
	}
	return nil
}

// SubjectAccess is everything subject may do in namespace: its rules from
// the RBAC objects and, per column, the verbs the API server allows it
// (SubjectAccessReview) when the user may ask, else those computed from
// the RBAC objects.
func (c *Client) SubjectAccess(ctx context.Context, namespace string, subject rbac.Subject) (rbac.SubjectAccess, error) {
	if err := checkSubject(subject); err != nil {
		return rbac.SubjectAccess{}, err
	}
	cols, err := c.Columns(namespace != "")
	if err != nil {
		return rbac.SubjectAccess{}, err
	}
	snap, err := c.Load(ctx, namespace)
	if err != nil {
		return rbac.SubjectAccess{}, err
	}
	out := rbac.SubjectAccess{Subject: subject, Namespace: namespace, Rules: rbac.RulesFor(snap, namespace, subject), Missing: append([]string{}, snap.Missing...)}
	may, err := access.New(c.cs).Review(ctx, []access.Check{sarCheck})
	if err != nil {
		return rbac.SubjectAccess{}, err
	}
	if !may[0].Allowed {
		out.Source = rbac.FromRBAC
		out.Note = may[0].Reason
		out.Cells = rbac.AllowedFor(snap, namespace, subject, cols)
		return out, nil
	}
	cells := rbac.AllowedFor(snap, namespace, subject, cols)
	if err := c.askServer(ctx, namespace, subject, cells); err != nil {
		return rbac.SubjectAccess{}, err
	}
	out.Source, out.Cells = rbac.FromServer, cells
	out.Note = "the API server answered for the main resources; the others are computed from the RBAC objects"
	return out, nil
}

// askServer replaces the cells of the Key columns with the API server's
// answers: a SubjectAccessReview for each of their verbs.
func (c *Client) askServer(ctx context.Context, namespace string, subject rbac.Subject, cells []rbac.Allowed) error {
	type q struct{ col, verb int }
	var qs []q
	cols := make([]rbac.Column, len(cells))
	for i, a := range cells {
		cols[i] = a.Column
		if !Key[Name(a.Column)] {
			continue
		}
		for j := range a.Column.Verbs {
			qs = append(qs, q{i, j})
		}
	}
	allowed := make([]bool, len(qs))
	errs := make([]error, len(qs))
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	user, groups := rbac.Username(subject), rbac.Groups(subject)
	if subject.Kind == rbac.Group {
		user = ""
	}
	for n, x := range qs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			col := cols[x.col]
			sar := &authzv1.SubjectAccessReview{Spec: authzv1.SubjectAccessReviewSpec{
				User: user, Groups: groups,
				ResourceAttributes: &authzv1.ResourceAttributes{
					Namespace: namespace, Verb: col.Verbs[x.verb], Group: col.Group, Resource: col.Resource, Subresource: col.Subresource,
				},
			}}
			res, err := c.cs.AuthorizationV1().SubjectAccessReviews().Create(ctx, sar, metav1.CreateOptions{})
			if err != nil {
				errs[n] = fmt.Errorf("subject access review %s %s: %w", col.Verbs[x.verb], col.Resource, err)
				return
			}
			allowed[n] = res.Status.Allowed
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err // the first: they are alike
		}
	}
	for _, x := range qs {
		cells[x.col].Verbs, cells[x.col].Source = []string{}, rbac.FromServer
	}
	for n, x := range qs {
		if allowed[n] {
			cells[x.col].Verbs = append(cells[x.col].Verbs, cols[x.col].Verbs[x.verb])
		}
	}
	return nil
}

// MyAccess is what the user may do in namespace, from
// SelfSubjectRulesReview, in kubectl's can-i --list rows.
func (c *Client) MyAccess(ctx context.Context, namespace string) (rbac.RulesReview, error) {
	ns := namespace
	if ns == "" {
		ns = metav1.NamespaceDefault
	}
	review := &authzv1.SelfSubjectRulesReview{Spec: authzv1.SelfSubjectRulesReviewSpec{Namespace: ns}}
	res, err := c.cs.AuthorizationV1().SelfSubjectRulesReviews().Create(ctx, review, metav1.CreateOptions{})
	if err != nil {
		return rbac.RulesReview{}, fmt.Errorf("self subject rules review in %s: %w", ns, err)
	}
	var rules []rbacv1.PolicyRule
	for _, r := range res.Status.ResourceRules {
		rules = append(rules, rbacv1.PolicyRule{Verbs: r.Verbs, APIGroups: r.APIGroups, Resources: r.Resources, ResourceNames: r.ResourceNames})
	}
	for _, r := range res.Status.NonResourceRules {
		rules = append(rules, rbacv1.PolicyRule{Verbs: r.Verbs, NonResourceURLs: r.NonResourceURLs})
	}
	return rbac.RulesReview{Namespace: ns, Rules: rbac.Compact(rules), Incomplete: res.Status.Incomplete, EvaluationError: res.Status.EvaluationError}, nil
}
