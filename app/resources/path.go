package resources

import (
	"errors"
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/rest"
)

// ErrInvalidPath marks a request whose group, version, resource, namespace or
// name cannot be a single segment of an API path: client-go joins the
// segments with path.Join, so "." or ".." would walk to another endpoint
// (resource=. and name=secrets is GET /api/v1/secrets, every Secret).
var ErrInvalidPath = errors.New("invalid API path segment")

// CheckSegments checks that every part of an API path is one safe path
// segment (rest.IsValidPathSegmentName): group, namespace and name may be
// empty, version and resource may not. The one check behind every stream.
func CheckSegments(gvr schema.GroupVersionResource, namespace, name string) error {
	parts := []struct {
		what, value string
		required    bool
	}{
		{"group", gvr.Group, false},
		{"version", gvr.Version, true},
		{"resource", gvr.Resource, true},
		{"namespace", namespace, false},
		{"name", name, false},
	}
	for _, p := range parts {
		if p.value == "" {
			if p.required {
				return fmt.Errorf("%w: %s is required", ErrInvalidPath, p.what)
			}
			continue
		}
		if msgs := rest.IsValidPathSegmentName(p.value); len(msgs) > 0 {
			return fmt.Errorf("%w: %s %s %s", ErrInvalidPath, p.what, shorten(p.value), strings.Join(msgs, ", "))
		}
	}
	return nil
}

// shorten quotes a user-given value for a message, cut to a readable length.
func shorten(s string) string {
	const max = 80
	if len(s) > max {
		s = s[:max] + "…"
	}
	return fmt.Sprintf("%q", s)
}
