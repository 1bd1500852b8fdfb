package helm

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	releaseutil "helm.sh/helm/v4/pkg/release/v1/util"
	"sigs.k8s.io/yaml"
)

// Object is one object a release's manifest declares.
type Object struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Namespace  string `json:"namespace"`
	Name       string `json:"name"`
	// Source is the template it came from ("shop/templates/service.yaml").
	Source string `json:"source"`
	// rendered is the object as the manifest has it (JSON-shaped).
	rendered map[string]any
}

// parseManifest reads the objects of a rendered manifest in its order.
// Objects without a namespace get the release's; the caller clears it for
// cluster-scoped kinds.
func parseManifest(manifest, namespace string) ([]Object, error) {
	docs := releaseutil.SplitManifests(manifest)
	keys := make([]string, 0, len(docs))
	for k := range docs {
		keys = append(keys, k)
	}
	// SplitManifests names them manifest-0, manifest-1, ...: keep that order.
	sort.Slice(keys, func(i, j int) bool { return docIndex(keys[i]) < docIndex(keys[j]) })
	out := make([]Object, 0, len(keys))
	for _, k := range keys {
		doc := docs[k]
		var m map[string]any
		if err := yaml.Unmarshal([]byte(doc), &m); err != nil {
			return nil, fmt.Errorf("read the release manifest (%s): %w", sourceOf(doc), err)
		}
		if len(m) == 0 {
			continue
		}
		m = normalize(m).(map[string]any)
		meta, _ := m["metadata"].(map[string]any)
		o := Object{Source: sourceOf(doc), rendered: m}
		o.APIVersion, _ = m["apiVersion"].(string)
		o.Kind, _ = m["kind"].(string)
		o.Name, _ = meta["name"].(string)
		o.Namespace, _ = meta["namespace"].(string)
		if o.Namespace == "" {
			o.Namespace = namespace
		}
		out = append(out, o)
	}
	return out, nil
}

func docIndex(key string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(key, "manifest-"))
	return n
}

// sourceOf is the "# Source: ..." comment Helm puts above each object.
func sourceOf(doc string) string {
	for line := range strings.SplitSeq(doc, "\n") {
		if s, ok := strings.CutPrefix(strings.TrimSpace(line), "# Source: "); ok {
			return s
		}
	}
	return ""
}

// normalize gives v JSON's shapes (numbers as float64, maps of string
// keys), so a rendered object and a live one compare field by field.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return v
	}
	return out
}
