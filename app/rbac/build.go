package rbac

import (
	"sort"

	rbacv1 "k8s.io/api/rbac/v1"
)

// bootstrapLabel marks the RBAC objects the API server creates itself.
const bootstrapLabel = "kubernetes.io/bootstrapping"

// binding is a RoleBinding or ClusterRoleBinding, either way.
type binding struct {
	kind, name, namespace string
	role                  RoleRef
	subjects              []rbacv1.Subject
	isDefault             bool
}

// bindingsIn are the bindings that grant in namespace: every
// ClusterRoleBinding, and the namespace's RoleBindings ("" for none).
func bindingsIn(s Snapshot, namespace string) []binding {
	var out []binding
	for _, b := range s.ClusterRoleBindings {
		out = append(out, binding{kind: "ClusterRoleBinding", name: b.Name, role: RoleRef{Kind: b.RoleRef.Kind, Name: b.RoleRef.Name},
			subjects: b.Subjects, isDefault: b.Labels[bootstrapLabel] == "rbac-defaults"})
	}
	if namespace == "" {
		return out
	}
	for _, b := range s.RoleBindings {
		if b.Namespace != namespace {
			continue
		}
		ref := RoleRef{Kind: b.RoleRef.Kind, Name: b.RoleRef.Name}
		if ref.Kind == "Role" {
			ref.Namespace = b.Namespace
		}
		out = append(out, binding{kind: "RoleBinding", name: b.Name, namespace: b.Namespace, role: ref,
			subjects: b.Subjects, isDefault: b.Labels[bootstrapLabel] == "rbac-defaults"})
	}
	return out
}

// granted is a grant with the rules behind it.
type granted struct {
	Grant
	rules       []rbacv1.PolicyRule
	isDefault   bool
	clusterWide bool
}

// grantsFor are the bindings in bs that name sub, or a group it is
// implied to be in.
func grantsFor(sub Subject, bs []binding, ix *roleIndex) []granted {
	implied := impliedGroups(sub)
	var out []granted
	for _, b := range bs {
		var via *Subject
		match := false
		for _, raw := range b.subjects {
			s, ok := subjectOf(raw)
			if !ok {
				continue
			}
			if s == sub {
				match, via = true, nil
				break
			}
			for _, g := range implied {
				if s == g && !match {
					g := g
					match, via = true, &g
				}
			}
		}
		if !match {
			continue
		}
		rules, ok := ix.rules(b.role)
		out = append(out, granted{
			Grant: Grant{BindingKind: b.kind, BindingName: b.name, BindingNamespace: b.namespace, Role: b.role, Via: via, Missing: !ok},
			rules: rules, isDefault: b.isDefault, clusterWide: b.kind == "ClusterRoleBinding",
		})
	}
	return out
}

// Build computes who can do what in namespace ("" for the grants of
// ClusterRoleBindings, which hold in every namespace) over cols.
func Build(s Snapshot, namespace string, cols []Column) Matrix {
	ix := newRoleIndex(s)
	bs := bindingsIn(s, namespace)
	seen := map[Subject]bool{}
	var subjects []Subject
	for _, b := range bs {
		for _, raw := range b.subjects {
			if sub, ok := subjectOf(raw); ok && !seen[sub] {
				seen[sub] = true
				subjects = append(subjects, sub)
			}
		}
	}
	sort.Slice(subjects, func(i, j int) bool { return subjectLess(subjects[i], subjects[j]) })
	m := Matrix{Namespace: namespace, Columns: cols, Rows: make([]Row, 0, len(subjects)), Missing: append([]string{}, s.Missing...)}
	for _, sub := range subjects {
		m.Rows = append(m.Rows, buildRow(sub, grantsFor(sub, bs, ix), cols))
	}
	return m
}

func buildRow(sub Subject, gs []granted, cols []Column) Row {
	row := Row{Subject: sub, System: IsSystem(sub), Grants: make([]Grant, len(gs)), Cells: make([]*Cell, len(cols)), Dangers: []Danger{}}
	for i, g := range gs {
		row.Grants[i] = g.Grant
		row.Dangers = append(row.Dangers, dangersOf(sub, i, g)...)
	}
	for ci, col := range cols {
		row.Cells[ci] = cellOf(gs, col)
	}
	return row
}

func cellOf(gs []granted, col Column) *Cell {
	var c *Cell
	for _, verb := range col.Verbs {
		for gi, g := range gs {
			for _, rule := range g.rules {
				ok, named := allows(rule, verb, col)
				if !ok {
					continue
				}
				if c == nil {
					c = &Cell{}
				}
				if named {
					if c.Named == nil {
						c.Named = map[string][]string{}
					}
					c.Named[verb] = appendUnique(c.Named[verb], rule.ResourceNames...)
					continue
				}
				if c.Verbs == nil {
					c.Verbs = map[string][]int{}
				}
				if l := c.Verbs[verb]; len(l) == 0 || l[len(l)-1] != gi {
					c.Verbs[verb] = append(l, gi)
				}
			}
		}
		if c != nil && c.Verbs[verb] != nil {
			delete(c.Named, verb) // allowed on every name
		}
	}
	if c != nil && len(c.Named) == 0 {
		c.Named = nil
	}
	return c
}

func appendUnique(out []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, o := range out {
			if o == a {
				found = true
				break
			}
		}
		if !found {
			out = append(out, a)
		}
	}
	return out
}

// RulesFor is everything sub may do in namespace, as `kubectl auth can-i
// --list` prints it.
func RulesFor(s Snapshot, namespace string, sub Subject) []RuleRow {
	var rules []rbacv1.PolicyRule
	for _, g := range grantsFor(sub, bindingsIn(s, namespace), newRoleIndex(s)) {
		rules = append(rules, g.rules...)
	}
	return Compact(rules)
}

// AllowedFor is what sub may do in namespace on each column, from the RBAC
// objects: the verbs allowed on every object name.
func AllowedFor(s Snapshot, namespace string, sub Subject, cols []Column) []Allowed {
	gs := grantsFor(sub, bindingsIn(s, namespace), newRoleIndex(s))
	out := make([]Allowed, len(cols))
	for i, col := range cols {
		out[i] = Allowed{Column: col, Verbs: []string{}, Source: FromRBAC}
		if c := cellOf(gs, col); c != nil {
			for _, v := range col.Verbs {
				if len(c.Verbs[v]) > 0 {
					out[i].Verbs = append(out[i].Verbs, v)
				}
			}
		}
	}
	return out
}
