package rbac

import (
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// roleIndex finds the effective rules of roles: a ClusterRole with an
// aggregationRule has the rules of every ClusterRole its selectors match
// (as the clusterrole-aggregation controller writes them), besides its own.
type roleIndex struct {
	cluster map[string]*rbacv1.ClusterRole
	roles   map[[2]string]*rbacv1.Role // namespace, name
	all     []rbacv1.ClusterRole
	memo    map[string][]rbacv1.PolicyRule
}

func newRoleIndex(s Snapshot) *roleIndex {
	ix := &roleIndex{cluster: map[string]*rbacv1.ClusterRole{}, roles: map[[2]string]*rbacv1.Role{}, all: s.ClusterRoles, memo: map[string][]rbacv1.PolicyRule{}}
	for i := range s.ClusterRoles {
		ix.cluster[s.ClusterRoles[i].Name] = &s.ClusterRoles[i]
	}
	for i := range s.Roles {
		r := &s.Roles[i]
		ix.roles[[2]string{r.Namespace, r.Name}] = r
	}
	return ix
}

// rules returns what ref grants, and false when the role is unknown (not
// found, or not readable).
func (ix *roleIndex) rules(ref RoleRef) ([]rbacv1.PolicyRule, bool) {
	if ref.Kind == "Role" {
		r, ok := ix.roles[[2]string{ref.Namespace, ref.Name}]
		if !ok {
			return nil, false
		}
		return r.Rules, true
	}
	if _, ok := ix.cluster[ref.Name]; !ok {
		return nil, false
	}
	return ix.clusterRules(ref.Name, map[string]bool{}), true
}

func (ix *roleIndex) clusterRules(name string, visiting map[string]bool) []rbacv1.PolicyRule {
	if r, ok := ix.memo[name]; ok {
		return r
	}
	cr := ix.cluster[name]
	if cr == nil || visiting[name] {
		return nil
	}
	visiting[name] = true
	defer delete(visiting, name)
	out := append([]rbacv1.PolicyRule{}, cr.Rules...)
	if cr.AggregationRule != nil {
		for _, sel := range cr.AggregationRule.ClusterRoleSelectors {
			s, err := metav1.LabelSelectorAsSelector(&sel)
			if err != nil {
				continue
			}
			for i := range ix.all {
				other := &ix.all[i]
				if other.Name != name && s.Matches(labels.Set(other.Labels)) {
					out = appendNew(out, ix.clusterRules(other.Name, visiting)...)
				}
			}
		}
	}
	ix.memo[name] = out
	return out
}

// appendNew appends the rules out does not have yet.
func appendNew(out []rbacv1.PolicyRule, rules ...rbacv1.PolicyRule) []rbacv1.PolicyRule {
	for _, r := range rules {
		dup := false
		for _, o := range out {
			if equalRule(o, r) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

func equalRule(a, b rbacv1.PolicyRule) bool {
	eq := func(x, y []string) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	return eq(a.Verbs, b.Verbs) && eq(a.APIGroups, b.APIGroups) && eq(a.Resources, b.Resources) &&
		eq(a.ResourceNames, b.ResourceNames) && eq(a.NonResourceURLs, b.NonResourceURLs)
}
