package rbac

import (
	"reflect"
	"slices"
	"sort"
	"testing"

	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func rule(groups, resources, verbs []string, names ...string) rbacv1.PolicyRule {
	return rbacv1.PolicyRule{APIGroups: groups, Resources: resources, Verbs: verbs, ResourceNames: names}
}

func l(s ...string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

var rw = l("get", "list", "watch", "create", "update", "patch", "delete")

var cols = []Column{
	{Group: "", Resource: "pods", Namespaced: true, Verbs: rw},
	{Group: "", Resource: "pods", Subresource: "log", Namespaced: true, Verbs: l("get")},
	{Group: "", Resource: "secrets", Namespaced: true, Verbs: rw},
	{Group: "apps", Resource: "deployments", Namespaced: true, Verbs: rw},
	{Group: "demo.kubedeck.io", Resource: "widgets", Namespaced: true, Verbs: rw},
}

func snapshot() Snapshot {
	meta := func(name string, lbl map[string]string) metav1.ObjectMeta {
		return metav1.ObjectMeta{Name: name, Labels: lbl}
	}
	return Snapshot{
		ClusterRoles: []rbacv1.ClusterRole{
			{ObjectMeta: meta("cluster-admin", map[string]string{bootstrapLabel: "rbac-defaults"}),
				Rules: []rbacv1.PolicyRule{rule(l("*"), l("*"), l("*")), {NonResourceURLs: l("*"), Verbs: l("*")}}},
			// An aggregated role, its rules not written by the controller yet.
			{ObjectMeta: meta("view", nil), AggregationRule: &rbacv1.AggregationRule{ClusterRoleSelectors: []metav1.LabelSelector{
				{MatchLabels: map[string]string{"aggregate-to-view": "true"}}}}},
			{ObjectMeta: meta("view-core", map[string]string{"aggregate-to-view": "true"}), Rules: []rbacv1.PolicyRule{rule(l(""), l("pods", "pods/log"), l("get", "list", "watch"))}},
			{ObjectMeta: meta("view-widgets", map[string]string{"aggregate-to-view": "true"}), Rules: []rbacv1.PolicyRule{rule(l("demo.kubedeck.io"), l("widgets"), l("get", "list", "watch"))}},
			{ObjectMeta: meta("secret-reader", nil), Rules: []rbacv1.PolicyRule{rule(l(""), l("secrets"), l("get", "list"))}},
			{ObjectMeta: meta("discovery", nil), Rules: []rbacv1.PolicyRule{{NonResourceURLs: l("/api", "/healthz"), Verbs: l("get")}}},
		},
		ClusterRoleBindings: []rbacv1.ClusterRoleBinding{
			{ObjectMeta: meta("masters", map[string]string{bootstrapLabel: "rbac-defaults"}), RoleRef: rbacv1.RoleRef{Kind: "ClusterRole", Name: "cluster-admin"},
				Subjects: []rbacv1.Subject{{Kind: "Group", Name: "system:masters"}}},
			{ObjectMeta: meta("viewers", nil), RoleRef: rbacv1.RoleRef{Kind: "ClusterRole", Name: "view"},
				Subjects: []rbacv1.Subject{{Kind: "User", Name: "viewer"}}},
			{ObjectMeta: meta("auditor-secrets", nil), RoleRef: rbacv1.RoleRef{Kind: "ClusterRole", Name: "secret-reader"},
				Subjects: []rbacv1.Subject{{Kind: "User", Name: "auditor"}}},
			{ObjectMeta: meta("everyone-discovers", nil), RoleRef: rbacv1.RoleRef{Kind: "ClusterRole", Name: "discovery"},
				Subjects: []rbacv1.Subject{{Kind: "Group", Name: "system:authenticated"}}},
		},
		Roles: []rbacv1.Role{
			{ObjectMeta: metav1.ObjectMeta{Name: "deployer", Namespace: "team-a"}, Rules: []rbacv1.PolicyRule{
				rule(l("apps"), l("deployments"), l("get", "update", "patch")),
				rule(l(""), l("secrets"), l("get"), "ci-token"),
				rule(l(""), l("*/log"), l("get")),
			}},
		},
		RoleBindings: []rbacv1.RoleBinding{
			{ObjectMeta: metav1.ObjectMeta{Name: "ci", Namespace: "team-a"}, RoleRef: rbacv1.RoleRef{Kind: "Role", Name: "deployer"},
				Subjects: []rbacv1.Subject{{Kind: "ServiceAccount", Name: "ci-bot", Namespace: "team-a"}}},
			{ObjectMeta: metav1.ObjectMeta{Name: "elsewhere", Namespace: "team-b"}, RoleRef: rbacv1.RoleRef{Kind: "ClusterRole", Name: "cluster-admin"},
				Subjects: []rbacv1.Subject{{Kind: "User", Name: "developer"}}},
			{ObjectMeta: metav1.ObjectMeta{Name: "ghost", Namespace: "team-a"}, RoleRef: rbacv1.RoleRef{Kind: "Role", Name: "gone"},
				Subjects: []rbacv1.Subject{{Kind: "User", Name: "developer"}}},
		},
	}
}

func rowOf(t *testing.T, m Matrix, s Subject) Row {
	t.Helper()
	for _, r := range m.Rows {
		if r.Subject == s {
			return r
		}
	}
	t.Fatalf("no row for %+v", s)
	return Row{}
}

func verbsAt(r Row, col int) []string {
	if r.Cells[col] == nil {
		return nil
	}
	var out []string
	for v := range r.Cells[col].Verbs {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func TestBuildAggregatesAndScopesToTheNamespace(t *testing.T) {
	m := Build(snapshot(), "team-a", cols)
	viewer := rowOf(t, m, Subject{Kind: User, Name: "viewer"})
	if got := verbsAt(viewer, 0); !reflect.DeepEqual(got, l("get", "list", "watch")) {
		t.Errorf("viewer on pods (aggregated view): %v", got)
	}
	if got := verbsAt(viewer, 4); !reflect.DeepEqual(got, l("get", "list", "watch")) {
		t.Errorf("viewer on widgets (aggregated from view-widgets): %v", got)
	}
	if got := verbsAt(viewer, 2); got != nil {
		t.Errorf("viewer on secrets: %v, want nothing", got)
	}
	// developer's cluster-admin is in team-b only; the team-a binding's role is gone.
	dev := rowOf(t, m, Subject{Kind: User, Name: "developer"})
	for c := range cols {
		if got := verbsAt(dev, c); got != nil {
			t.Errorf("developer in team-a on %s: %v, want nothing", cols[c].Resource, got)
		}
	}
	var ghost *Grant
	for i, g := range dev.Grants {
		if g.BindingName == "ghost" {
			ghost = &dev.Grants[i]
		}
		if g.BindingName == "elsewhere" {
			t.Errorf("team-b's binding counted in team-a: %+v", g)
		}
	}
	if ghost == nil || !ghost.Missing {
		t.Errorf("developer's grants: %+v, want the ghost binding marked missing", dev.Grants)
	}
	for _, r := range m.Rows {
		if r.Subject.Name == "developer" && r.Subject.Kind == User && len(r.Dangers) > 0 {
			t.Errorf("developer has dangers in team-a: %+v", r.Dangers)
		}
	}
}

func TestSubresourcesNamesAndImpliedGroups(t *testing.T) {
	m := Build(snapshot(), "team-a", cols)
	ci := rowOf(t, m, Subject{Kind: ServiceAccount, Namespace: "team-a", Name: "ci-bot"})
	if got := verbsAt(ci, 1); !reflect.DeepEqual(got, l("get")) {
		t.Errorf("ci-bot on pods/log (rule */log): %v", got)
	}
	if got := verbsAt(ci, 0); got != nil {
		t.Errorf("ci-bot on pods: %v, want nothing (*/log is not pods)", got)
	}
	if c := ci.Cells[2]; c == nil || c.Verbs != nil || !reflect.DeepEqual(c.Named["get"], l("ci-token")) {
		t.Errorf("ci-bot on secrets: %+v, want get on ci-token only", c)
	}
	if got := verbsAt(ci, 3); !reflect.DeepEqual(got, l("get", "patch", "update")) {
		t.Errorf("ci-bot on deployments: %v", got)
	}
	// The discovery grant reaches every user and service account through system:authenticated.
	var via []string
	for _, g := range ci.Grants {
		if g.Via != nil {
			via = append(via, g.Via.Name+"→"+g.BindingName)
		}
	}
	if !slices.Equal(via, l("system:authenticated→everyone-discovers")) {
		t.Errorf("ci-bot's grants through groups: %v", via)
	}
}

func TestDangers(t *testing.T) {
	m := Build(snapshot(), "", cols)
	kinds := func(r Row) (out []string) {
		for _, d := range r.Dangers {
			s := string(d.Kind)
			if d.Default {
				s += "(default)"
			}
			out = append(out, s)
		}
		sort.Strings(out)
		return out
	}
	if got := kinds(rowOf(t, m, Subject{Kind: Group, Name: "system:masters"})); !slices.Equal(got, l("cluster-admin(default)", "secrets-cluster-wide(default)", "wildcard-resources(default)", "wildcard-verbs(default)")) {
		t.Errorf("system:masters: %v", got)
	}
	if got := kinds(rowOf(t, m, Subject{Kind: User, Name: "auditor"})); !slices.Equal(got, l("secrets-cluster-wide")) {
		t.Errorf("auditor: %v", got)
	}
	if got := kinds(rowOf(t, m, Subject{Kind: Group, Name: "system:authenticated"})); !slices.Equal(got, l("all-authenticated")) {
		t.Errorf("system:authenticated: %v", got)
	}
	if got := kinds(rowOf(t, m, Subject{Kind: User, Name: "viewer"})); got != nil {
		t.Errorf("viewer: %v, want none", got)
	}
	// Cluster-wide, RoleBindings grant nothing: ci-bot has no row.
	for _, r := range m.Rows {
		if r.Subject.Name == "ci-bot" {
			t.Errorf("ci-bot in the cluster-wide matrix: %+v", r)
		}
	}
	if !rowOf(t, m, Subject{Kind: Group, Name: "system:masters"}).System || rowOf(t, m, Subject{Kind: User, Name: "viewer"}).System {
		t.Error("system flags wrong")
	}
}

func TestRulesForPrintsLikeKubectl(t *testing.T) {
	got := RulesFor(snapshot(), "team-a", Subject{Kind: ServiceAccount, Namespace: "team-a", Name: "ci-bot"})
	want := []RuleRow{
		{Resources: l("*/log"), NonResourceURLs: l(), ResourceNames: l(), Verbs: l("get")},
		{Resources: l("deployments.apps"), NonResourceURLs: l(), ResourceNames: l(), Verbs: l("get", "patch", "update")},
		{Resources: l("secrets"), NonResourceURLs: l(), ResourceNames: l("ci-token"), Verbs: l("get")},
		{Resources: l(), NonResourceURLs: l("/api"), ResourceNames: l(), Verbs: l("get")},
		{Resources: l(), NonResourceURLs: l("/healthz"), ResourceNames: l(), Verbs: l("get")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RulesFor:\n got %+v\nwant %+v", got, want)
	}
}

func TestGroupResourceAsKubectl(t *testing.T) {
	for in, want := range map[[2]string]string{
		{"pods/log", ""}: "pods/log", {"deployments", "apps"}: "deployments.apps", {"deployments/scale", "apps"}: "deployments.apps/scale", {"*", "*"}: "*.*",
	} {
		if got := groupResource(in[0], in[1]); got != want {
			t.Errorf("groupResource(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

func TestCompactMergesNamesWithTheSameVerbs(t *testing.T) {
	got := Compact([]rbacv1.PolicyRule{
		rule(l(""), l("configmaps"), l("get"), "a"),
		rule(l(""), l("configmaps"), l("get"), "b"),
		rule(l(""), l("configmaps"), l("get", "update"), "c"),
		rule(l(""), l("configmaps"), l("list")),
	})
	want := []RuleRow{
		{Resources: l("configmaps"), NonResourceURLs: l(), ResourceNames: l(), Verbs: l("list")},
		{Resources: l("configmaps"), NonResourceURLs: l(), ResourceNames: l("a", "b"), Verbs: l("get")},
		{Resources: l("configmaps"), NonResourceURLs: l(), ResourceNames: l("c"), Verbs: l("get", "update")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compact:\n got %+v\nwant %+v", got, want)
	}
}
