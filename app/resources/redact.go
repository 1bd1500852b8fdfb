package resources

import (
	"encoding/base64"
	"fmt"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Redact prepares an object for the UI: managedFields go (the YAML tab shows
// them on demand), and Secret values are replaced by their size, so secret
// data reaches the UI only when the user reveals one value. A list (kind
// *List, or any object with items) has each of its items redacted.
func Redact(u *unstructured.Unstructured) { redactObject(u.Object, false) }

// RedactAs is Redact for an object read from gvr: what was read from core
// Secrets is masked as a Secret whatever kind the answer claims to be.
func RedactAs(gvr schema.GroupVersionResource, u *unstructured.Unstructured) {
	redactObject(u.Object, IsSecret(gvr))
}

func redactObject(obj map[string]any, secret bool) {
	unstructured.RemoveNestedField(obj, "metadata", "managedFields")
	kind, _ := obj["kind"].(string)
	apiVersion, _ := obj["apiVersion"].(string)
	if items, ok := obj["items"].([]any); ok {
		// Items of a SecretList carry no kind of their own.
		itemSecret := secret || (apiVersion == "v1" && kind == "SecretList")
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				redactObject(m, itemSecret)
			}
		}
	}
	if secret || (kind == "Secret" && apiVersion == "v1") {
		maskSecret(obj)
	}
}

func maskSecret(obj map[string]any) {
	for _, field := range []string{"data", "stringData"} {
		m, ok := obj[field].(map[string]any)
		if !ok {
			if _, present := obj[field]; present {
				obj[field] = "<hidden>"
			}
			continue
		}
		masked := make(map[string]any, len(m))
		for k, v := range m {
			s, _ := v.(string)
			n := len(s)
			if field == "data" {
				if b, err := base64.StdEncoding.DecodeString(s); err == nil {
					n = len(b)
				}
			}
			masked[k] = fmt.Sprintf("<hidden: %d bytes>", n)
		}
		obj[field] = masked
	}
	if md, ok := obj["metadata"].(map[string]any); ok {
		if ann, ok := md["annotations"].(map[string]any); ok {
			// kubectl apply keeps the whole object, values included, here.
			delete(ann, "kubectl.kubernetes.io/last-applied-configuration")
		}
	}
}
