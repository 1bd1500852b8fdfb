package helm

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/tools/cache"
)

// encoded is a release record as Helm stores it: base64 of gzip of JSON.
func encoded(t *testing.T, chart, version, status string) []byte {
	t.Helper()
	j, err := json.Marshal(map[string]any{
		"info":  map[string]any{"status": status, "last_deployed": "2026-12-01T10:00:00Z", "description": "Upgrade complete"},
		"chart": map[string]any{"metadata": map[string]any{"name": chart, "version": version, "appVersion": "9"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = zw.Write(j)
	_ = zw.Close()
	return []byte(base64.StdEncoding.EncodeToString(b.Bytes()))
}

func secret(name, rel, version, status string, data []byte) *corev1.Secret {
	return &corev1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "ns", Labels: map[string]string{
			"owner": "helm", "name": rel, "version": version, "status": status}},
		Data: map[string][]byte{"release": data},
	}
}

func put(t *testing.T, s *state, o any) {
	t.Helper()
	r, err := reduce(DriverSecret)(o)
	if err != nil {
		t.Fatal(err)
	}
	s.put(r)
}

func TestStateShowsTheNewestRevisionAndDecodesOnlyWhatCanBeShown(t *testing.T) {
	s := newState()
	// A superseded record is not decoded: its data may even be unreadable.
	put(t, s, secret("sh.helm.release.v1.web.v1", "web", "1", "superseded", []byte("not base64!")))
	put(t, s, secret("sh.helm.release.v1.web.v2", "web", "2", "deployed", encoded(t, "web", "1.0.0", "deployed")))
	put(t, s, &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "other", Namespace: "ns", Labels: map[string]string{"owner": "someone"}}})
	all := s.all()
	if len(all) != 1 {
		t.Fatalf("releases %+v", all)
	}
	if r := all[0]; r.Name != "web" || r.Revision != 2 || r.Status != "deployed" || r.Chart != "web" || r.ChartVersion != "1.0.0" || r.Revisions != 2 || r.Description != "Upgrade complete" || r.Updated.IsZero() {
		t.Errorf("row %+v", r)
	}
	if up, gone := s.takeChanges(); len(up)+len(gone) != 0 {
		t.Errorf("changes right after all(): %v %v", up, gone)
	}

	// A failed upgrade is the newest revision; its status shows.
	put(t, s, secret("sh.helm.release.v1.web.v3", "web", "3", "failed", encoded(t, "web", "1.1.0", "failed")))
	up, _ := s.takeChanges()
	if len(up) != 1 || up[0].Revision != 3 || up[0].Status != "failed" || up[0].ChartVersion != "1.1.0" {
		t.Errorf("after a failed upgrade: %+v", up)
	}

	// Uninstalled: every record deleted (one as a tombstone); the key goes.
	for _, n := range []string{"v1", "v2"} {
		r, _ := reduce(DriverSecret)(secret("sh.helm.release.v1.web."+n, "web", n[1:], "superseded", nil))
		s.remove(r)
	}
	r, _ := reduce(DriverSecret)(secret("sh.helm.release.v1.web.v3", "web", "3", "failed", nil))
	s.remove(cache.DeletedFinalStateUnknown{Key: "ns/sh.helm.release.v1.web.v3", Obj: r})
	up, gone := s.takeChanges()
	if len(up) != 0 || len(gone) != 1 || gone[0] != "ns/web" {
		t.Errorf("after uninstall: up %+v gone %v", up, gone)
	}
}

func TestUnreadableNewestRecordSaysWhy(t *testing.T) {
	s := newState()
	put(t, s, secret("sh.helm.release.v1.bad.v1", "bad", "1", "deployed", []byte("%%%")))
	all := s.all()
	if len(all) != 1 || all[0].Status != "deployed" || all[0].Description == "" {
		t.Errorf("row of an unreadable record: %+v", all)
	}
}
