package helm

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"helm.sh/helm/v4/pkg/storage/driver"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func TestDeveloperSeesOnlyTheNamespacesItMayRead(t *testing.T) {
	admin := clientAs(t, testcluster.Admin)
	name := fmt.Sprintf("dev-probe-%d", time.Now().UnixNano()%100000)
	install(t, admin.c, "team-a", name, "")
	t.Cleanup(func() { _, _ = admin.c.Uninstall(Ref{Namespace: "team-a", Name: name}, false) })
	other := namespace(t, admin.cs)
	install(t, admin.c, other, "hidden", "")

	dev := clientAs(t, testcluster.Developer)
	all := watchReleases(t, dev.cs)
	all.until(t, "an empty list", func(m map[string]Release) bool { return len(m) == 0 })
	all.mu.Lock()
	problems := append([]Problem(nil), all.problems...)
	all.mu.Unlock()
	if len(problems) != 2 {
		t.Fatalf("problems for all namespaces: %+v", problems)
	}
	for _, p := range problems {
		if p.Status != http.StatusForbidden || p.Retrying || !strings.Contains(p.Message, "cluster-wide") {
			t.Errorf("problem %+v", p)
		}
	}
	teamA := watchReleases(t, dev.cs, "team-a")
	teamA.until(t, name+" in team-a", func(m map[string]Release) bool { return m["team-a/"+name].Revision == 1 })

	// Its actions run as the developer: allowed in team-a, refused elsewhere.
	if _, err := dev.c.Upgrade(context.Background(), Ref{Namespace: "team-a", Name: name}, UpgradeRequest{Values: "replicaCount: 2"}); err != nil {
		t.Errorf("developer's upgrade in team-a: %v", err)
	}
	if _, err := dev.c.Rollback(Ref{Namespace: other, Name: "hidden"}, 1); err == nil || !apierrors.IsForbidden(unwrapAPI(err)) {
		t.Errorf("developer's rollback in %s: %v, want forbidden", other, err)
	}
}

// The viewer may read Helm's records in team-a and platform only (the
// devcluster's kubedeck:helm-release-reader bindings): "all namespaces"
// shows those namespaces' releases and says why it shows no others.
func TestViewerSeesReleasesWhereItMayReadThemButMayNotChangeThem(t *testing.T) {
	admin := clientAs(t, testcluster.Admin)
	name := fmt.Sprintf("seen-%d", time.Now().UnixNano()%100000)
	install(t, admin.c, "team-a", name, "")
	t.Cleanup(func() { _, _ = admin.c.Uninstall(Ref{Namespace: "team-a", Name: name}, false) })
	upgrade(t, admin.c, Ref{Namespace: "team-a", Name: name}, "replicaCount: 2")
	hidden := namespace(t, admin.cs)
	install(t, admin.c, hidden, "unseen", "")

	viewer := clientAs(t, testcluster.Viewer)
	w := watchReleases(t, viewer.cs)
	w.until(t, name+" at revision 2", func(m map[string]Release) bool { return m["team-a/"+name].Revision == 2 })
	w.mu.Lock()
	_, leaked := w.releases[hidden+"/unseen"]
	problems := append([]Problem(nil), w.problems...)
	w.mu.Unlock()
	if leaked {
		t.Errorf("the viewer sees a release in %s", hidden)
	}
	var secrets *Problem
	for i, p := range problems {
		if p.Driver == DriverSecret {
			secrets = &problems[i]
		}
	}
	if secrets == nil || !secrets.Partial || secrets.Status != http.StatusForbidden || !slices.Contains(secrets.Readable, "team-a") ||
		!slices.Contains(secrets.Readable, "platform") || slices.Contains(secrets.Readable, hidden) || !strings.Contains(secrets.Message, "team-a") {
		t.Errorf("the viewer's problems: %+v", problems)
	}
	if _, err := viewer.c.Details(Ref{Namespace: "team-a", Name: name}); err != nil {
		t.Errorf("viewer's details: %v", err)
	}
	if _, err := viewer.c.Rollback(Ref{Namespace: "team-a", Name: name}, 1); err == nil || !apierrors.IsForbidden(unwrapAPI(err)) {
		t.Errorf("viewer's rollback: %v, want forbidden", err)
	}
}

// unwrapAPI finds the API status error inside Helm's wrapping.
func unwrapAPI(err error) error {
	for e := err; e != nil; {
		if _, ok := e.(apierrors.APIStatus); ok {
			return e
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			break
		}
		e = u.Unwrap()
	}
	return err
}

// The list's own decoder reads what Helm's storage driver reads.
func TestSummaryIsWhatHelmsDriverDecodes(t *testing.T) {
	e := clientAs(t, testcluster.Admin)
	ns := namespace(t, e.cs)
	install(t, e.c, ns, "dec", "")
	upgrade(t, e.c, Ref{Namespace: ns, Name: "dec"}, "image: {tag: '1.27'}")
	secrets, err := e.cs.CoreV1().Secrets(ns).List(context.Background(), metav1.ListOptions{LabelSelector: "owner=helm"})
	if err != nil {
		t.Fatal(err)
	}
	if len(secrets.Items) != 2 {
		t.Fatalf("%d release secrets", len(secrets.Items))
	}
	d := driver.NewSecrets(e.cs.CoreV1().Secrets(ns))
	for _, s := range secrets.Items {
		sum, err := decodeSummary(s.Data[dataKey])
		if err != nil {
			t.Fatal(err)
		}
		r, err := d.Get(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		rel, err := v1(r)
		if err != nil {
			t.Fatal(err)
		}
		want := rowOf(rel, "", 0)
		if sum.Chart != want.Chart || sum.ChartVersion != want.ChartVersion || sum.AppVersion != want.AppVersion ||
			!sum.Updated.Equal(want.Updated) || sum.Status != want.Status || sum.Description != want.Description {
			t.Errorf("%s: decoded %+v, Helm's driver %+v", s.Name, sum, want)
		}
	}
}
