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

// subjectIndex finds the bindings that name a subject: for each subject,
// the indexes into the bindings, in order.
type subjectIndex struct {
	bs    []binding
	names map[Subject][]int
}

func indexBindings(bs []binding) *subjectIndex {
	ix := &subjectIndex{bs: bs, names: map[Subject][]int{}}
	for i, b := range bs {
		for _, raw := range b.subjects {
			if s, ok := subjectOf(raw); ok {
				if l := ix.names[s]; len(l) == 0 || l[len(l)-1] != i {
					ix.names[s] = append(l, i)
				}
			}
		}
	}
	return ix
}

// grantsFor are the bindings that name sub, or a group it is implied to be
// in, in binding order.
func grantsFor(sub Subject, bx *subjectIndex, ix *roleIndex) []granted {
	via := map[int]*Subject{}
	var order []int
	for _, i := range bx.names[sub] {
		via[i] = nil
		order = append(order, i)
	}
	for _, g := range impliedGroups(sub) {
		for _, i := range bx.names[g] {
			if _, seen := via[i]; !seen {
				g := g
				via[i] = &g
				order = append(order, i)
			}
		}
	}
	sort.Ints(order)
	out := make([]granted, 0, len(order))
	for _, i := range order {
		b := bx.bs[i]
		rules, ok := ix.rules(b.role)
		out = append(out, granted{
			Grant: Grant{BindingKind: b.kind, BindingName: b.name, BindingNamespace: b.namespace, Role: b.role, Via: via[i], Missing: !ok},
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
	bx := indexBindings(bs)
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
	ec := &effectCache{cx: indexColumns(cols), memo: map[RoleRef][]effect{}}
	for _, sub := range subjects {
		m.Rows = append(m.Rows, buildRow(sub, grantsFor(sub, bx, ix), ec))
	}
	return m
}

func buildRow(sub Subject, gs []granted, ec *effectCache) Row {
	row := Row{Subject: sub, System: IsSystem(sub), Grants: make([]Grant, len(gs)), Cells: ec.cells(gs), Dangers: []Danger{}}
	for i, g := range gs {
		row.Grants[i] = g.Grant
		row.Dangers = append(row.Dangers, dangersOf(sub, i, g)...)
	}
	return row
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
	for _, g := range grantsFor(sub, indexBindings(bindingsIn(s, namespace)), newRoleIndex(s)) {
		rules = append(rules, g.rules...)
	}
	return Compact(rules)
}

// AllowedFor is what sub may do in namespace on each column, from the RBAC
// objects: the verbs allowed on every object name.
func AllowedFor(s Snapshot, namespace string, sub Subject, cols []Column) []Allowed {
	gs := grantsFor(sub, indexBindings(bindingsIn(s, namespace)), newRoleIndex(s))
	cells := (&effectCache{cx: indexColumns(cols), memo: map[RoleRef][]effect{}}).cells(gs)
	out := make([]Allowed, len(cols))
	for i, col := range cols {
		out[i] = Allowed{Column: col, Verbs: []string{}, Source: FromRBAC}
		if c := cells[i]; c != nil {
			for _, v := range col.Verbs {
				if len(c.Verbs[v]) > 0 {
					out[i].Verbs = append(out[i].Verbs, v)
				}
			}
		}
	}
	return out
}
