package helm

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// realistic is a stored release of the size a small real chart makes: a
// few templates, values and a rendered manifest of ~20 KiB.
func realistic(b *testing.B, i int) []byte {
	b.Helper()
	manifest := strings.Repeat(fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r%d}\ndata: {k: v}\n---\n", i), 200)
	tmpl := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("{{ .Values.x }}\n", 500)))
	// The members in the order of Helm's release struct, as Helm writes them.
	type file struct {
		Name string `json:"name"`
		Data string `json:"data"`
	}
	type chart struct {
		Metadata  map[string]any `json:"metadata"`
		Templates []file         `json:"templates"`
		Values    map[string]any `json:"values"`
	}
	type rel struct {
		Name     string         `json:"name"`
		Info     map[string]any `json:"info"`
		Chart    chart          `json:"chart"`
		Config   map[string]any `json:"config"`
		Manifest string         `json:"manifest"`
		Version  int            `json:"version"`
	}
	j, err := json.Marshal(rel{
		Name: fmt.Sprintf("r%d", i), Version: 1, Manifest: manifest,
		Config: map[string]any{"replicaCount": 2, "image": map[string]any{"tag": "1.27"}},
		Info:   map[string]any{"status": "deployed", "last_deployed": "2026-12-01T10:00:00Z", "description": "Install complete", "notes": strings.Repeat("note ", 200)},
		Chart: chart{Metadata: map[string]any{"name": "shop", "version": "1.2.0", "appVersion": "2.4.1"},
			Templates: []file{{Name: "templates/a.yaml", Data: tmpl}, {Name: "templates/b.yaml", Data: tmpl}},
			Values:    map[string]any{"replicaCount": 1}},
	})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(j)
	_ = zw.Close()
	return []byte(base64.StdEncoding.EncodeToString(buf.Bytes()))
}

// BenchmarkList500 is the list's cost for 500 releases of 3 revisions
// each (two superseded, not decoded): reducing every record as the
// informer delivers it, then building the rows.
func BenchmarkList500(b *testing.B) {
	const releases, revs = 500, 3
	secrets := make([]*corev1.Secret, 0, releases*revs)
	for i := range releases {
		data := realistic(b, i)
		for v := 1; v <= revs; v++ {
			status := "superseded"
			if v == revs {
				status = "deployed"
			}
			secrets = append(secrets, &corev1.Secret{
				ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("sh.helm.release.v1.r%d.v%d", i, v), Namespace: fmt.Sprintf("bench-%02d", i%50),
					Labels: map[string]string{"owner": "helm", "name": fmt.Sprintf("r%d", i), "version": fmt.Sprint(v), "status": status}},
				Data: map[string][]byte{"release": data},
			})
		}
	}
	reduceSecret := reduce(DriverSecret)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s := newState()
		for _, sec := range secrets {
			r, err := reduceSecret(sec)
			if err != nil {
				b.Fatal(err)
			}
			s.put(r)
		}
		if rows := s.all(); len(rows) != releases {
			b.Fatalf("%d rows", len(rows))
		}
	}
}
