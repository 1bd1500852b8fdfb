package rbaclive

import (
	"context"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/rbac"
)

func clientAs(t *testing.T, role string) (*Client, kubernetes.Interface) {
	t.Helper()
	cfg := testcluster.Get(t).Config(t, role)
	cs := kubernetes.NewForConfigOrDie(cfg)
	return ClientOf(cs, memory.NewMemCacheClient(discovery.NewDiscoveryClientForConfigOrDie(cfg))), cs
}

// canI is kubectl auth can-i --list --as=user in namespace: resource.group
// -> verbs, for the rows not limited to resource names.
func canI(t *testing.T, as, namespace string) map[string][]string {
	t.Helper()
	c := testcluster.Get(t)
	out, err := exec.Command("kubectl", "--kubeconfig", c.Kubeconfig, "--context", c.Context(testcluster.Admin),
		"auth", "can-i", "--list", "--as="+as, "-n", namespace).CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl auth can-i --list --as=%s: %v\n%s", as, err, out)
	}
	row := regexp.MustCompile(`^(\S+)\s+\[(.*?)\]\s+\[(.*?)\]\s+\[(.*?)\]\s*$`)
	got := map[string][]string{}
	for _, line := range strings.Split(string(out), "\n")[1:] {
		m := row.FindStringSubmatch(line)
		if m == nil || m[3] != "" {
			continue // a non-resource URL, or limited to names
		}
		got[m[1]] = append(got[m[1]], strings.Fields(m[4])...)
	}
	return got
}

// kubectlAllows reads the can-i rows as the authorizer would.
func kubectlAllows(rows map[string][]string, col rbac.Column, verb string) bool {
	keys := []string{"*.*", "*", Name(col)}
	if col.Group != "" {
		keys = append(keys, "*."+col.Group)
	}
	for _, k := range keys {
		if vs, ok := rows[k]; ok && (slices.Contains(vs, verb) || slices.Contains(vs, "*")) {
			return true
		}
	}
	return false
}

// table is the resources the matrix is checked on, cell by cell.
var table = []string{"pods", "pods/log", "pods/exec", "configmaps", "secrets", "services", "serviceaccounts", "events",
	"persistentvolumeclaims", "deployments.apps", "statefulsets.apps", "jobs.batch", "roles.rbac.authorization.k8s.io",
	"rolebindings.rbac.authorization.k8s.io", "widgets.demo.kubedeck.io"}

// firstMatrix is the first matrix Watch sends.
func firstMatrix(t *testing.T, c *Client, namespace string) rbac.Matrix {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var m rbac.Matrix
	stop := context.Canceled
	err := c.Watch(ctx, namespace, func(x rbac.Matrix) error { m = x; return stop }, func(err error) { t.Logf("watch problem: %v", err) })
	if err != stop {
		t.Fatalf("Watch = %v", err)
	}
	return m
}

func TestMatrixMatchesKubectlCanIList(t *testing.T) {
	c, _ := clientAs(t, testcluster.Admin)
	m := firstMatrix(t, c, "team-a")
	subjects := map[string]rbac.Subject{
		"viewer":                              {Kind: rbac.User, Name: "viewer"},
		"developer":                           {Kind: rbac.User, Name: "developer"},
		"system:serviceaccount:team-a:ci-bot": {Kind: rbac.ServiceAccount, Namespace: "team-a", Name: "ci-bot"},
	}
	cols := map[string]int{}
	for i, col := range m.Columns {
		cols[Name(col)] = i
	}
	for as, sub := range subjects {
		oracle := canI(t, as, "team-a")
		var row *rbac.Row
		for i := range m.Rows {
			if m.Rows[i].Subject == sub {
				row = &m.Rows[i]
			}
		}
		if row == nil {
			t.Fatalf("no row for %s", as)
		}
		checked := 0
		for _, name := range table {
			ci, ok := cols[name]
			if !ok {
				t.Fatalf("no column %s in %v", name, slices.Collect(func(yield func(string) bool) {
					for k := range cols {
						if !yield(k) {
							return
						}
					}
				}))
			}
			col := m.Columns[ci]
			for _, verb := range Verbs {
				if !slices.Contains(col.Verbs, verb) {
					continue
				}
				cell := row.Cells[ci]
				ours := cell != nil && len(cell.Verbs[verb]) > 0
				if want := kubectlAllows(oracle, col, verb); ours != want {
					t.Errorf("%s: %s %s: matrix %v, kubectl %v", as, verb, name, ours, want)
				}
				checked++
			}
		}
		if checked < 60 {
			t.Errorf("%s: only %d cells checked", as, checked)
		}
	}
	// Named grants are kept apart: ci-bot may get and update app-config only.
	ci := m.Rows[slices.IndexFunc(m.Rows, func(r rbac.Row) bool { return r.Subject.Name == "ci-bot" })]
	if cell := ci.Cells[cols["configmaps"]]; cell == nil || !slices.Equal(cell.Named["update"], []string{"app-config"}) || cell.Verbs != nil {
		t.Errorf("ci-bot on configmaps: %+v", cell)
	}
}

func TestMatrixFollowsRBACChanges(t *testing.T) {
	c, cs := clientAs(t, testcluster.Admin)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	name := "live-" + strings.ToLower(time.Now().Format("150405.000000"))
	name = strings.ReplaceAll(name, ".", "")
	matrices := make(chan rbac.Matrix, 16)
	done := make(chan error, 1)
	go func() {
		done <- c.Watch(ctx, "team-a", func(m rbac.Matrix) error { matrices <- m; return nil }, func(error) {})
	}()
	has := func(m rbac.Matrix) bool {
		for _, r := range m.Rows {
			if r.Subject.Kind == rbac.User && r.Subject.Name == name {
				return true
			}
		}
		return false
	}
	if first := <-matrices; has(first) {
		t.Fatal("the user is in the matrix before its binding exists")
	}
	rb := &rbacv1.RoleBinding{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "team-a"},
		RoleRef:  rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "ClusterRole", Name: "view"},
		Subjects: []rbacv1.Subject{{APIGroup: rbacv1.GroupName, Kind: "User", Name: name}}}
	if _, err := cs.RbacV1().RoleBindings("team-a").Create(ctx, rb, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	defer cs.RbacV1().RoleBindings("team-a").Delete(context.Background(), name, metav1.DeleteOptions{})
	for m := range matrices {
		if has(m) {
			break
		}
	}
	if err := cs.RbacV1().RoleBindings("team-a").Delete(ctx, name, metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	for m := range matrices {
		if !has(m) {
			break
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch ended with %v, want nil on cancel", err)
	}
}

func TestViewerReadsTheMatrixButNotTheServersAnswers(t *testing.T) {
	c, _ := clientAs(t, testcluster.Viewer)
	m := firstMatrix(t, c, "team-a")
	if len(m.Missing) != 0 || len(m.Rows) == 0 {
		t.Fatalf("viewer's matrix: %d rows, missing %v", len(m.Rows), m.Missing)
	}
	sa, err := c.SubjectAccess(context.Background(), "team-a", rbac.Subject{Kind: rbac.User, Name: "developer"})
	if err != nil {
		t.Fatal(err)
	}
	if sa.Source != rbac.FromRBAC || !strings.Contains(sa.Note, "needs: create subjectaccessreviews") {
		t.Errorf("viewer's SubjectAccess source %q note %q", sa.Source, sa.Note)
	}
	// The developer cannot list RBAC objects: the matrix says what it lacks.
	dev, _ := clientAs(t, testcluster.Developer)
	dm := firstMatrix(t, dev, "team-a")
	if !slices.Contains(dm.Missing, "needs: list clusterroles.rbac.authorization.k8s.io cluster-wide") || !slices.Contains(dm.Missing, "needs: list rolebindings.rbac.authorization.k8s.io in team-a") {
		t.Errorf("developer's missing: %v", dm.Missing)
	}
}

func TestSubjectAccessAsksTheServer(t *testing.T) {
	c, _ := clientAs(t, testcluster.Admin)
	sa, err := c.SubjectAccess(context.Background(), "team-a", rbac.Subject{Kind: rbac.ServiceAccount, Namespace: "team-a", Name: "ci-bot"})
	if err != nil {
		t.Fatal(err)
	}
	if sa.Source != rbac.FromServer {
		t.Fatalf("source %q (%s)", sa.Source, sa.Note)
	}
	// The server's answers and the RBAC objects agree (RBAC is the only authorizer here).
	snap, err := c.Load(context.Background(), "team-a")
	if err != nil {
		t.Fatal(err)
	}
	cols := make([]rbac.Column, len(sa.Cells))
	for i, a := range sa.Cells {
		cols[i] = a.Column
	}
	computed := rbac.AllowedFor(snap, "team-a", sa.Subject, cols)
	asked := 0
	for i := range sa.Cells {
		if sa.Cells[i].Source == rbac.FromServer {
			asked++
		}
		if !slices.Equal(sa.Cells[i].Verbs, computed[i].Verbs) {
			t.Errorf("%s: server %v, computed %v", Name(cols[i]), sa.Cells[i].Verbs, computed[i].Verbs)
		}
	}
	if asked < 20 {
		t.Errorf("the server answered %d columns", asked)
	}
	if i := slices.IndexFunc(sa.Rules, func(r rbac.RuleRow) bool { return slices.Equal(r.Resources, []string{"deployments.apps"}) }); i < 0 ||
		!slices.Equal(sa.Rules[i].Verbs, []string{"get", "list", "patch", "update", "watch"}) {
		t.Errorf("ci-bot's rules: %+v", sa.Rules)
	}
}

func TestMyAccess(t *testing.T) {
	c, _ := clientAs(t, testcluster.Developer)
	r, err := c.MyAccess(context.Background(), "team-a")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(r.Rules, func(x rbac.RuleRow) bool { return slices.Equal(x.Resources, []string{"deployments.apps"}) })
	if i < 0 || !slices.Contains(r.Rules[i].Verbs, "create") {
		t.Errorf("developer's rules in team-a: %+v", r.Rules)
	}
	other, err := c.MyAccess(context.Background(), "team-b")
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(other.Rules, func(x rbac.RuleRow) bool { return slices.Equal(x.Resources, []string{"deployments.apps"}) }) {
		t.Errorf("developer may touch deployments in team-b: %+v", other.Rules)
	}
}
