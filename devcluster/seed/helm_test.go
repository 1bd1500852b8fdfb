package seed

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
)

// The embedded charts load and render without a cluster (a client-side dry
// run), and shop's values.schema.json refuses what it should.
func TestChartsRender(t *testing.T) {
	s := &Seeder{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx := context.Background()
	for _, name := range []string{"shop", "agent", "bench"} {
		ch, err := loadChart(name)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Metadata.Name != name || ch.Validate() != nil {
			t.Errorf("chart %s: %+v %v", name, ch.Metadata, ch.Validate())
		}
	}
	ch, _ := loadChart("shop")
	if ch.Metadata.Version != "1.2.0" || ch.Metadata.AppVersion != "2.4.1" || len(ch.Schema) == 0 {
		t.Errorf("shop: version %s, app version %s, schema %d bytes", ch.Metadata.Version, ch.Metadata.AppVersion, len(ch.Schema))
	}

	for _, r := range demoReleases() {
		for i, step := range r.steps {
			rel, err := s.renderRelease(ctx, r.chart, r.name, r.namespace, step.values)
			if err != nil {
				t.Errorf("%s revision %d: %v", r.name, i+1, err)
				continue
			}
			if r.name == "shop" {
				for _, want := range []string{"name: shop-api", "name: shop-config", "replicas: ", `image: "nginx:`} {
					if !strings.Contains(rel.Manifest, want) {
						t.Errorf("shop revision %d lacks %q:\n%s", i+1, want, rel.Manifest)
					}
				}
				if nodePort := strings.Contains(rel.Manifest, "type: NodePort") && strings.Contains(rel.Manifest, "nodePort: 99999"); nodePort != step.fail {
					t.Errorf("shop revision %d: NodePort 99999 rendered = %v:\n%s", i+1, nodePort, rel.Manifest)
				}
				if !strings.Contains(rel.Info.Notes, "release shop") {
					t.Errorf("shop's notes: %q", rel.Info.Notes)
				}
			}
		}
	}

	for _, tc := range []struct {
		name   string
		values map[string]any
	}{
		{"negative replicas", map[string]any{"replicaCount": -1}},
		{"replicas not an integer", map[string]any{"replicaCount": "two"}},
		{"image tag not a string", map[string]any{"image": map[string]any{"tag": 1.27}}},
	} {
		if _, err := s.renderRelease(ctx, "shop", "shop", "team-a", tc.values); err == nil || !strings.Contains(err.Error(), "schema") {
			t.Errorf("%s: %v, want a schema error", tc.name, err)
		}
	}
}
