package rbac

import (
	"strings"

	rbacv1 "k8s.io/api/rbac/v1"
)

// The groups the API server adds to authenticated requests.
const (
	groupAuthenticated   = "system:authenticated"
	groupUnauthenticated = "system:unauthenticated"
	groupServiceAccounts = "system:serviceaccounts"
	saUserPrefix         = "system:serviceaccount:"
)

func subjectOf(s rbacv1.Subject) (Subject, bool) {
	switch s.Kind {
	case rbacv1.UserKind:
		if ns, name, ok := strings.Cut(strings.TrimPrefix(s.Name, saUserPrefix), ":"); ok && strings.HasPrefix(s.Name, saUserPrefix) {
			return Subject{Kind: ServiceAccount, Namespace: ns, Name: name}, true
		}
		return Subject{Kind: User, Name: s.Name}, true
	case rbacv1.GroupKind:
		return Subject{Kind: Group, Name: s.Name}, true
	case rbacv1.ServiceAccountKind:
		ns := s.Namespace
		if ns == "" {
			// A RoleBinding's subject without a namespace is invalid
			// (the API server rejects it); keep it out.
			return Subject{}, false
		}
		return Subject{Kind: ServiceAccount, Namespace: ns, Name: s.Name}, true
	}
	return Subject{}, false
}

// impliedGroups are the groups every request of s carries besides the
// ones its authenticator gives it (unknown here).
func impliedGroups(s Subject) []Subject {
	g := func(n string) Subject { return Subject{Kind: Group, Name: n} }
	switch s.Kind {
	case User:
		if s.Name == "system:anonymous" {
			return []Subject{g(groupUnauthenticated)}
		}
		return []Subject{g(groupAuthenticated)}
	case ServiceAccount:
		return []Subject{g(groupServiceAccounts), g(groupServiceAccounts + ":" + s.Namespace), g(groupAuthenticated)}
	}
	return nil
}

// IsSystem says whether s is Kubernetes' own: a system: user or group, or
// a service account of a kube- namespace.
func IsSystem(s Subject) bool {
	if strings.HasPrefix(s.Name, "system:") {
		return true
	}
	return s.Kind == ServiceAccount && strings.HasPrefix(s.Namespace, "kube-")
}

// Username is how the API server names s in a request (service accounts
// are users system:serviceaccount:NS:NAME).
func Username(s Subject) string {
	if s.Kind == ServiceAccount {
		return saUserPrefix + s.Namespace + ":" + s.Name
	}
	return s.Name
}

// Groups are the groups to ask a SubjectAccessReview with for s.
func Groups(s Subject) []string {
	var out []string
	if s.Kind == Group {
		out = append(out, s.Name)
	}
	for _, g := range impliedGroups(s) {
		out = append(out, g.Name)
	}
	return out
}

func subjectLess(a, b Subject) bool {
	order := map[SubjectKind]int{User: 0, Group: 1, ServiceAccount: 2}
	if order[a.Kind] != order[b.Kind] {
		return order[a.Kind] < order[b.Kind]
	}
	if a.Namespace != b.Namespace {
		return a.Namespace < b.Namespace
	}
	return a.Name < b.Name
}
