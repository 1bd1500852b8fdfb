package rbac

import (
	"fmt"
	"testing"

	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// bigSnapshot is a large cluster's RBAC: 200 ClusterRoles of 5 rules, 1,000
// RoleBindings in one namespace and 200 ClusterRoleBindings, 2 subjects each.
func bigSnapshot() (Snapshot, []Column) {
	var s Snapshot
	for i := range 200 {
		cr := rbacv1.ClusterRole{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("role-%d", i)}}
		for j := range 5 {
			cr.Rules = append(cr.Rules, rule(l("", "apps"), l(fmt.Sprintf("res-%d", (i+j)%60), "pods"), l("get", "list", "watch", "update")))
		}
		s.ClusterRoles = append(s.ClusterRoles, cr)
		s.ClusterRoleBindings = append(s.ClusterRoleBindings, rbacv1.ClusterRoleBinding{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("crb-%d", i)},
			RoleRef:  rbacv1.RoleRef{Kind: "ClusterRole", Name: cr.Name},
			Subjects: []rbacv1.Subject{{Kind: "User", Name: fmt.Sprintf("cu-%d", i)}, {Kind: "Group", Name: fmt.Sprintf("g-%d", i%20)}}})
	}
	for i := range 1000 {
		s.RoleBindings = append(s.RoleBindings, rbacv1.RoleBinding{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("rb-%d", i), Namespace: "big"},
			RoleRef:  rbacv1.RoleRef{Kind: "ClusterRole", Name: fmt.Sprintf("role-%d", i%200)},
			Subjects: []rbacv1.Subject{{Kind: "User", Name: fmt.Sprintf("u-%d", i)}, {Kind: "ServiceAccount", Namespace: "big", Name: fmt.Sprintf("sa-%d", i%300)}}})
	}
	var cols []Column
	for i := range 60 {
		cols = append(cols, Column{Resource: fmt.Sprintf("res-%d", i), Namespaced: true, Verbs: rw})
	}
	return s, cols
}

// BenchmarkBuild is one rebuild of the matrix after a change, on a large
// cluster: the price of each live update.
func BenchmarkBuild(b *testing.B) {
	s, cols := bigSnapshot()
	b.ReportAllocs()
	for b.Loop() {
		m := Build(s, "big", cols)
		if len(m.Rows) < 1000 {
			b.Fatalf("%d rows", len(m.Rows))
		}
	}
}
