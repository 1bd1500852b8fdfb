package access

import (
	"context"
	"testing"

	"k8s.io/client-go/kubernetes"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func reviewer(t *testing.T, role string) *Reviewer {
	t.Helper()
	cfg := testcluster.Get(t).Config(t, role)
	return New(kubernetes.NewForConfigOrDie(cfg))
}

func TestReviewAsTheAPIServerDecides(t *testing.T) {
	checks := []Check{
		{Verb: "list", Resource: "pods", Namespace: "team-a"},
		{Verb: "delete", Resource: "pods", Namespace: "team-a"},
		{Verb: "delete", Resource: "pods", Namespace: "team-b"},
		{Verb: "patch", Group: "apps", Resource: "deployments", Subresource: "scale", Namespace: "team-a"},
		{Verb: "list", Resource: "nodes"},
	}
	cases := map[string][]bool{
		testcluster.Admin:     {true, true, true, true, true},
		testcluster.Viewer:    {true, false, false, false, false},
		testcluster.Developer: {true, true, false, true, false},
	}
	for role, want := range cases {
		r := reviewer(t, role)
		got, err := r.Review(context.Background(), checks)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range got {
			if d.Allowed != want[i] {
				t.Errorf("%s: %+v allowed=%v, want %v", role, checks[i], d.Allowed, want[i])
			}
			if !d.Allowed && d.Reason == "" {
				t.Errorf("%s: %+v denied without a reason", role, checks[i])
			}
		}
	}
	r := reviewer(t, testcluster.Viewer)
	got, _ := r.Review(context.Background(), checks[2:3])
	if got[0].Reason != "needs: delete pods in team-b" {
		t.Errorf("reason = %q", got[0].Reason)
	}
	// Cached: a second batch asks the server nothing new.
	if _, err := r.Review(context.Background(), checks[2:3]); err != nil || r.entries() != 1 {
		t.Errorf("cache = %d entries, err %v", r.entries(), err)
	}
}

func TestNeeds(t *testing.T) {
	if got := Needs(Check{Verb: "patch", Group: "apps", Resource: "deployments", Subresource: "scale", Namespace: "x"}); got != "needs: patch deployments/scale.apps in x" {
		t.Errorf("Needs = %q", got)
	}
	if got := Needs(Check{Verb: "list", Resource: "nodes"}); got != "needs: list nodes cluster-wide" {
		t.Errorf("Needs = %q", got)
	}
}
