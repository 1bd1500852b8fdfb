package resources

import (
	"encoding/json"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

const canary = "aHVudGVyMg==" // base64 of hunter2

func obj(t *testing.T, s string) *unstructured.Unstructured {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return &unstructured.Unstructured{Object: m}
}

func TestRedactHidesSecretValuesInListsAndByResource(t *testing.T) {
	secretsGVR := schema.GroupVersionResource{Version: "v1", Resource: "secrets"}
	cases := map[string]struct {
		json string
		gvr  schema.GroupVersionResource
	}{
		"a Secret": {json: `{"apiVersion":"v1","kind":"Secret","data":{"p":"` + canary + `"}}`},
		// GET /api/v1/secrets decoded where one object was expected.
		"a SecretList, items without kind": {json: `{"apiVersion":"v1","kind":"SecretList","items":[{"metadata":{"name":"a"},"data":{"p":"` + canary + `"}}]}`},
		"a v1 List holding a Secret":       {json: `{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Secret","stringData":{"p":"` + canary + `"}}]}`},
		"read from secrets, kind missing": {
			json: `{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"data\":{\"p\":\"` + canary + `\"}}"}},"data":{"p":"` + canary + `"}}`,
			gvr:  secretsGVR,
		},
		"read from secrets, a list of unknown kind": {json: `{"kind":"Whatever","items":[{"data":{"p":"` + canary + `"}}]}`, gvr: secretsGVR},
	}
	for name, c := range cases {
		u := obj(t, c.json)
		RedactAs(c.gvr, u)
		b, _ := json.Marshal(u.Object)
		if strings.Contains(string(b), canary) || !strings.Contains(string(b), "hidden: ") {
			t.Errorf("%s: redacted to %s", name, b)
		}
	}
	// Other kinds keep their data (a ConfigMap is not secret).
	cm := obj(t, `{"apiVersion":"v1","kind":"ConfigMap","data":{"p":"visible"}}`)
	Redact(cm)
	if v, _, _ := unstructured.NestedString(cm.Object, "data", "p"); v != "visible" {
		t.Errorf("ConfigMap data = %q", v)
	}
}
