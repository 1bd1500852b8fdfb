package api

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
)

// namespaced tells whether gvr is namespaced, from cached discovery. When
// discovery fails it answers true, so the namespace the user chose is kept.
func namespaced(d discovery.DiscoveryInterface, gvr schema.GroupVersionResource) bool {
	list, err := d.ServerResourcesForGroupVersion(gvr.GroupVersion().String())
	if err != nil {
		return true
	}
	for _, r := range list.APIResources {
		if r.Name == gvr.Resource {
			return r.Namespaced
		}
	}
	return true
}
