package rbac

import (
	"sort"
	"strings"

	rbacv1 "k8s.io/api/rbac/v1"
)

// The matching below is the RBAC authorizer's (k8s.io/kubernetes
// plugin/pkg/auth/authorizer/rbac): a wildcard matches everything, a rule's
// resource "pods" does not match the subresource "pods/log", "*/log" does.

func hasOrStar(list []string, v string) bool {
	for _, x := range list {
		if x == rbacv1.VerbAll || x == v {
			return true
		}
	}
	return false
}

func resourceMatches(rule rbacv1.PolicyRule, resource, subresource string) bool {
	combined := resource
	if subresource != "" {
		combined = resource + "/" + subresource
	}
	for _, r := range rule.Resources {
		switch {
		case r == rbacv1.ResourceAll, r == combined:
			return true
		case subresource != "" && r == "*/"+subresource:
			return true
		}
	}
	return false
}

// allows says whether rule grants verb on the column, and whether only for
// the rule's resource names.
func allows(rule rbacv1.PolicyRule, verb string, col Column) (ok, named bool) {
	if len(rule.NonResourceURLs) > 0 && len(rule.Resources) == 0 {
		return false, false
	}
	if !hasOrStar(rule.Verbs, verb) || !hasOrStar(rule.APIGroups, col.Group) || !resourceMatches(rule, col.Resource, col.Subresource) {
		return false, false
	}
	return true, len(rule.ResourceNames) > 0
}

// Compact lists rules the way `kubectl auth can-i --list` prints them:
// broken down to one group, resource and resource name each, merged back
// per (resource.group, resource name) with their verbs, and rows of one
// resource with the same verbs joined into one list of names.
func Compact(rules []rbacv1.PolicyRule) []RuleRow {
	type key struct{ resource, name, url string }
	verbs := map[key]map[string]struct{}{}
	add := func(k key, vs []string) {
		if verbs[k] == nil {
			verbs[k] = map[string]struct{}{}
		}
		for _, v := range vs {
			verbs[k][v] = struct{}{}
		}
	}
	for _, r := range rules {
		for _, u := range r.NonResourceURLs {
			add(key{url: u}, r.Verbs)
		}
		for _, g := range r.APIGroups {
			for _, res := range r.Resources {
				rg := groupResource(res, g)
				if len(r.ResourceNames) == 0 {
					add(key{resource: rg}, r.Verbs)
				}
				for _, n := range r.ResourceNames {
					add(key{resource: rg, name: n}, r.Verbs)
				}
			}
		}
	}
	type group struct{ resource, url, verbs string }
	rows := map[group]*RuleRow{}
	for k, vs := range verbs {
		sorted := sortedKeys(vs)
		g := group{resource: k.resource, url: k.url, verbs: strings.Join(sorted, ",")}
		if k.name == "" {
			g.verbs += "|all" // unrestricted rows never merge with named ones
		}
		row, ok := rows[g]
		if !ok {
			row = &RuleRow{Resources: []string{}, NonResourceURLs: []string{}, ResourceNames: []string{}, Verbs: sorted}
			if k.url != "" {
				row.NonResourceURLs = []string{k.url}
			} else {
				row.Resources = []string{k.resource}
			}
			rows[g] = row
		}
		if k.name != "" {
			row.ResourceNames = append(row.ResourceNames, k.name)
		}
	}
	out := make([]RuleRow, 0, len(rows))
	for _, r := range rows {
		sort.Strings(r.ResourceNames)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return ruleLess(out[i], out[j]) })
	return out
}

// ruleLess puts resource rows first, then non-resource URLs, as kubectl.
func ruleLess(a, b RuleRow) bool {
	if ra, rb := len(a.Resources) > 0, len(b.Resources) > 0; ra != rb {
		return ra
	}
	ka := strings.Join(a.Resources, ",") + "\x00" + strings.Join(a.NonResourceURLs, ",") + "\x00" + strings.Join(a.ResourceNames, ",")
	kb := strings.Join(b.Resources, ",") + "\x00" + strings.Join(b.NonResourceURLs, ",") + "\x00" + strings.Join(b.ResourceNames, ",")
	if ka != kb {
		return ka < kb
	}
	return strings.Join(a.Verbs, ",") < strings.Join(b.Verbs, ",")
}

func sortedKeys(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// groupResource names a resource as kubectl does: "deployments.apps",
// "deployments.apps/scale", "pods/log".
func groupResource(resource, group string) string {
	if group == "" {
		return resource
	}
	res, sub, found := strings.Cut(resource, "/")
	if found {
		return res + "." + group + "/" + sub
	}
	return resource + "." + group
}
