package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/resources"
)

// target is what a stream reads, checked: every path segment is one safe
// segment and the resource is one the cluster's discovery serves, with the
// verb the stream needs.
type target struct {
	conn *cluster.Conn
	gvr  schema.GroupVersionResource
	// kind is the kind discovery says the resource holds.
	kind string
	// namespace is empty for a cluster-scoped resource.
	namespace string
	name      string
}

// refusal is a request the API answers itself, with its HTTP status.
type refusal struct {
	status int
	err    error
}

func (r *refusal) write(w http.ResponseWriter) { writeError(w, r.status, r.err) }

// checkTarget is the one check every stream of a kind passes (object, list,
// lists, plugin objects): 400 for a path segment that is not one (".",
// "..", "/", "%"), a missing namespace or a verb the resource lacks; 404
// for a group, version or resource the cluster does not serve; 503 when
// discovery cannot answer now. A cluster-scoped resource drops namespace.
func checkTarget(ctx context.Context, conn *cluster.Conn, gvr schema.GroupVersionResource, namespace, name, verb string) (target, *refusal) {
	if err := resources.CheckSegments(gvr, namespace, name); err != nil {
		return target{}, &refusal{http.StatusBadRequest, err}
	}
	res, ref := served(ctx, conn.Discovery, gvr)
	if ref != nil {
		return target{}, ref
	}
	if len(res.Verbs) > 0 && !slices.Contains(res.Verbs, verb) {
		return target{}, &refusal{http.StatusBadRequest, fmt.Errorf("%s do not support %s (they support %s)", gvr.Resource, verb, strings.Join(res.Verbs, ", "))}
	}
	if !res.Namespaced {
		namespace = ""
	} else if name != "" && namespace == "" {
		return target{}, &refusal{http.StatusBadRequest, fmt.Errorf("%s are namespaced: namespace is required", gvr.Resource)}
	}
	return target{conn: conn, gvr: gvr, kind: res.Kind, namespace: namespace, name: name}, nil
}

// served finds gvr in the connection's cached discovery.
func served(ctx context.Context, d discovery.CachedDiscoveryInterface, gvr schema.GroupVersionResource) (metav1.APIResource, *refusal) {
	gv := gvr.GroupVersion().String()
	list, err := discovery.ToServerResourcesInterfaceWithContext(d).ServerResourcesForGroupVersionWithContext(ctx, gv)
	switch {
	case errors.Is(err, memory.ErrCacheNotFound) || apierrors.IsNotFound(err):
		return metav1.APIResource{}, &refusal{http.StatusNotFound, fmt.Errorf("the cluster serves no API group version %q", gv)}
	case err != nil:
		return metav1.APIResource{}, &refusal{http.StatusServiceUnavailable, fmt.Errorf("cannot check %s against the cluster's discovery: %w", gvr.Resource, err)}
	}
	for _, r := range list.APIResources {
		if r.Name == gvr.Resource {
			return r, nil
		}
	}
	return metav1.APIResource{}, &refusal{http.StatusNotFound, fmt.Errorf("the cluster serves no resource %q in %s", gvr.Resource, gv)}
}

func errRequired(what string) error {
	return fmt.Errorf("%w: %s is required", resources.ErrInvalidPath, what)
}
