package share

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func sharerAs(t *testing.T, role string) (*Sharer, kubernetes.Interface) {
	t.Helper()
	cfg := testcluster.Get(t).Config(t, role)
	cs := kubernetes.NewForConfigOrDie(cfg)
	return New(cs, cfg, "kubedeck"), cs
}

// kubectl runs kubectl with only the shared kubeconfig: the recipient's view.
func kubectl(t *testing.T, kubeconfig string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("kubectl", append([]string{"--kubeconfig", kubeconfig}, args...)...)
	cmd.Env = append(os.Environ(), "KUBECONFIG=")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// expClaim reads a JWT's exp without checking its signature.
func expClaim(t *testing.T, token string) time.Time {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %d parts", len(parts))
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims struct {
		Exp int64 `json:"exp"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	return time.Unix(claims.Exp, 0)
}

func TestSharedEditTokenWorksInItsNamespaceOnlyAndDiesOnRevoke(t *testing.T) {
	s, cs := sharerAs(t, testcluster.Admin)
	ctx := context.Background()
	req := Request{Recipient: "Dana Lee <dana@example.com>", Namespace: "team-a", RoleKind: "ClusterRole", RoleName: "edit", DurationSeconds: 600}

	p, err := s.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.Name, "share-dana-lee-dana-example-com-") || len(p.Objects) != 2 {
		t.Fatalf("preview %s: %+v", p.Name, p.Objects)
	}
	if p.Objects[0].Kind != "ServiceAccount" || !strings.Contains(p.Objects[0].YAML, "kubedeck.io/share: "+p.Name) ||
		p.Objects[1].Kind != "RoleBinding" || !strings.Contains(p.Objects[1].YAML, "name: edit") {
		t.Errorf("preview objects:\n%s\n%s", p.Objects[0].YAML, p.Objects[1].YAML)
	}
	// What it grants: edit's rules, deployments among them, no RBAC.
	deploy := false
	for _, g := range p.Grants {
		if len(g.Resources) == 1 && g.Resources[0] == "deployments.apps" && strings.Contains(strings.Join(g.Verbs, ","), "create") {
			deploy = true
		}
		if len(g.Resources) == 1 && strings.HasPrefix(g.Resources[0], "rolebindings.") {
			t.Errorf("edit grants %v", g)
		}
	}
	if !deploy {
		t.Errorf("the preview's grants lack creating deployments: %+v", p.Grants)
	}
	// A dry run creates nothing.
	if _, err := cs.CoreV1().ServiceAccounts("team-a").Get(ctx, p.Name, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("the preview created the ServiceAccount: %v", err)
	}

	req.Name = p.Name
	before := time.Now()
	made, err := s.Create(ctx, req, "admin")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.Revoke(context.Background(), "team-a", p.Name) })
	if made.Share.Name != p.Name || made.Share.Role != "ClusterRole/edit" || made.Share.SharedBy != "admin" || made.Share.ClusterWide {
		t.Errorf("share: %+v", made.Share)
	}
	if exp := expClaim(t, made.Token); exp.After(before.Add(10*time.Minute+time.Second)) || exp.Before(before.Add(9*time.Minute)) {
		t.Errorf("a 10-minute token expires at %v (%v after asking)", exp, exp.Sub(before))
	}
	kc := filepath.Join(t.TempDir(), "shared.kubeconfig")
	if err := os.WriteFile(kc, []byte(made.Kubeconfig), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := kubectl(t, kc, "get", "deployments"); err != nil || !strings.Contains(out, "web") {
		t.Errorf("the shared kubeconfig in team-a: %v\n%s", err, out)
	}
	if out, err := kubectl(t, kc, "auth", "can-i", "create", "deployments"); err != nil || strings.TrimSpace(out) != "yes" {
		t.Errorf("can-i create deployments in team-a: %v %s", err, out)
	}
	for _, args := range [][]string{{"get", "pods", "-n", "team-b"}, {"get", "rolebindings"}, {"create", "rolebinding", "x", "--clusterrole=admin", "--user=me"}} {
		if out, err := kubectl(t, kc, args...); err == nil || !strings.Contains(strings.ToLower(out), "forbidden") {
			t.Errorf("kubectl %v with the share: %v\n%s, want Forbidden", args, err, out)
		}
	}

	list, err := s.List(ctx, "team-a")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sh := range list {
		if sh.Name == p.Name {
			found = true
			if sh.Expired || sh.Recipient != req.Recipient || len(sh.Objects) != 2 {
				t.Errorf("listed share: %+v", sh)
			}
		}
	}
	if !found {
		t.Errorf("the share is not listed: %+v", list)
	}

	rev, err := s.Revoke(ctx, "team-a", p.Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(rev.Deleted) != 2 || rev.Deleted[0].Kind != "RoleBinding" || rev.Deleted[1].Kind != "ServiceAccount" {
		t.Errorf("revoked: %+v", rev.Deleted)
	}
	// The token dies with its ServiceAccount (once the deletion is seen).
	deadline := time.Now().Add(30 * time.Second) // the API server caches a token's sign-in for 10 s
	for {
		out, err := kubectl(t, kc, "get", "deployments")
		if err != nil && strings.Contains(out, "Unauthorized") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the token still works after revoke: %v\n%s", err, out)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestCustomClusterWideShareAndRefusals(t *testing.T) {
	s, cs := sharerAs(t, testcluster.Admin)
	ctx := context.Background()
	req := Request{Recipient: "auditor", Namespace: "team-b", ClusterWide: true,
		Rules: []Rule{{APIGroups: []string{""}, Resources: []string{"configmaps"}, Verbs: []string{"get", "list"}}}}
	p, err := s.Preview(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) == 0 || !strings.Contains(p.Warnings[0], "every namespace") {
		t.Errorf("warnings: %v", p.Warnings)
	}
	req.Name = p.Name
	made, err := s.Create(ctx, req, "")
	if err != nil {
		t.Fatal(err)
	}
	if !made.Share.ClusterWide || len(made.Share.Objects) != 3 {
		t.Errorf("share: %+v", made.Share)
	}
	if _, err := cs.RbacV1().ClusterRoles().Get(ctx, clusterName("team-b", p.Name), metav1.GetOptions{}); err != nil {
		t.Errorf("the custom ClusterRole: %v", err)
	}
	if _, err := s.Revoke(ctx, "team-b", p.Name); err != nil {
		t.Fatal(err)
	}
	if _, err := cs.RbacV1().ClusterRoles().Get(ctx, clusterName("team-b", p.Name), metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Errorf("the custom ClusterRole outlived the revoke: %v", err)
	}

	// Revoke refuses what is not a share.
	if _, err := s.Revoke(ctx, "team-a", "ci-bot"); !errors.Is(err, ErrName) {
		t.Errorf("revoke ci-bot = %v", err)
	}
	// Bad requests never reach the server.
	for _, bad := range []Request{
		{Namespace: "team-a", RoleKind: "ClusterRole", RoleName: "view"},
		{Recipient: "x", Namespace: "Team A", RoleKind: "ClusterRole", RoleName: "view"},
		{Recipient: "x", Namespace: "team-a", RoleKind: "ClusterRole", RoleName: "view", DurationSeconds: 60},
		{Recipient: "x", Namespace: "team-a", Rules: []Rule{{APIGroups: []string{"*"}, Resources: []string{"*"}, Verbs: []string{"get"}}}},
		{Recipient: "x", Namespace: "team-a", RoleKind: "Role", RoleName: "deployer", ClusterWide: true},
	} {
		if _, err := s.Preview(ctx, bad); err == nil {
			t.Errorf("preview of %+v passed", bad)
		}
	}
}

func TestTheDeveloperCannotShareWhatRBACWouldNotLetItGrant(t *testing.T) {
	s, _ := sharerAs(t, testcluster.Developer)
	ctx := context.Background()
	_, err := s.Preview(ctx, Request{Recipient: "friend", Namespace: "team-a", RoleKind: "ClusterRole", RoleName: "edit"})
	if !apierrors.IsForbidden(errors.Unwrap(err)) && (err == nil || !strings.Contains(err.Error(), "forbidden")) {
		t.Fatalf("developer preview = %v, want forbidden", err)
	}
	made, err := s.Create(ctx, Request{Recipient: "friend", Namespace: "team-a", RoleKind: "ClusterRole", RoleName: "edit"}, "developer")
	if err == nil {
		t.Fatalf("developer created a share: %+v", made.Share)
	}
	// Nothing was left behind: the ServiceAccount it could create was undone.
	admin, _ := sharerAs(t, testcluster.Admin)
	list, err := admin.List(ctx, "team-a")
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range list {
		if sh.Recipient == "friend" {
			t.Errorf("a half share was left: %+v", sh)
		}
	}
}
