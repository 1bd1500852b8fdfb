// Package resources lists and watches any Kubernetes resource as server-side
// Table rows (the columns `kubectl get` prints) and streams them to a Sink:
// the first page quickly, the rest after it, then coalesced watch updates,
// relisting on 410 Gone and reconnecting with backoff when the watch drops.
package resources

import (
	"encoding/json"
	"net/url"
	"path"

	"k8s.io/apimachinery/pkg/runtime/schema"
)

// TableAccept asks the API server for server-side Table output.
const TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"

// Query names what to list.
type Query struct {
	GVR schema.GroupVersionResource
	// Namespace limits a namespaced resource; empty means all namespaces.
	Namespace     string
	LabelSelector string
	FieldSelector string
}

// Path returns the API path of the collection.
func (q Query) Path() string {
	var p string
	if q.GVR.Group == "" {
		p = path.Join("/api", q.GVR.Version)
	} else {
		p = path.Join("/apis", q.GVR.Group, q.GVR.Version)
	}
	if q.Namespace != "" {
		p = path.Join(p, "namespaces", q.Namespace)
	}
	return path.Join(p, q.GVR.Resource)
}

func (q Query) params() url.Values {
	v := url.Values{}
	if q.LabelSelector != "" {
		v.Set("labelSelector", q.LabelSelector)
	}
	if q.FieldSelector != "" {
		v.Set("fieldSelector", q.FieldSelector)
	}
	return v
}

// Column is one server-side Table column.
type Column struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Format      string `json:"format"`
	Priority    int32  `json:"priority"`
	Description string `json:"description"`
}

// Row is one object as a Table row plus the metadata the UI needs.
type Row struct {
	Key       string            `json:"key"`
	UID       string            `json:"uid"`
	Namespace string            `json:"namespace,omitempty"`
	Name      string            `json:"name"`
	Created   string            `json:"created,omitempty"`
	Deleting  bool              `json:"deleting,omitempty"`
	Cells     []json.RawMessage `json:"cells"`

	resourceVersion string
}

// wireTable is the JSON of a meta.k8s.io/v1 Table with raw cells.
type wireTable struct {
	Kind     string `json:"kind"`
	Metadata struct {
		ResourceVersion string `json:"resourceVersion"`
		Continue        string `json:"continue"`
	} `json:"metadata"`
	ColumnDefinitions []Column `json:"columnDefinitions"`
	Rows              []struct {
		Cells  []json.RawMessage `json:"cells"`
		Object struct {
			Metadata objectMeta `json:"metadata"`
		} `json:"object"`
	} `json:"rows"`
}

type objectMeta struct {
	Name              string  `json:"name"`
	Namespace         string  `json:"namespace"`
	UID               string  `json:"uid"`
	ResourceVersion   string  `json:"resourceVersion"`
	CreationTimestamp string  `json:"creationTimestamp"`
	DeletionTimestamp *string `json:"deletionTimestamp"`
}

func (t *wireTable) rows() []Row {
	out := make([]Row, 0, len(t.Rows))
	for _, r := range t.Rows {
		m := r.Object.Metadata
		key := m.Name
		if m.Namespace != "" {
			key = m.Namespace + "/" + m.Name
		}
		out = append(out, Row{
			Key:             key,
			UID:             m.UID,
			Namespace:       m.Namespace,
			Name:            m.Name,
			Created:         m.CreationTimestamp,
			Deleting:        m.DeletionTimestamp != nil,
			Cells:           r.Cells,
			resourceVersion: m.ResourceVersion,
		})
	}
	return out
}
