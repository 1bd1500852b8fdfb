package resources

import (
	"encoding/json"
	"net/url"
	"path"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
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

// Validate checks every path segment of the query.
func (q Query) Validate() error { return CheckSegments(q.GVR, q.Namespace, "") }

// Path returns the API path of the collection (Validate it first).
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

// wireTable is the JSON of a meta.k8s.io/v1 Table with raw cells, or of what
// a server that ignores as=Table answers instead: a plain list (items) or,
// in a watch event, one plain object. Only metadata is decoded from those.
type wireTable struct {
	Kind     string `json:"kind"`
	Metadata struct {
		objectMeta
		Continue string `json:"continue"`
	} `json:"metadata"`
	ColumnDefinitions []Column `json:"columnDefinitions"`
	Rows              []struct {
		Cells  []json.RawMessage `json:"cells"`
		Object struct {
			Metadata objectMeta `json:"metadata"`
		} `json:"object"`
	} `json:"rows"`
	Items []struct {
		Metadata objectMeta `json:"metadata"`
	} `json:"items"`
}

type objectMeta struct {
	Name              string  `json:"name"`
	Namespace         string  `json:"namespace"`
	UID               string  `json:"uid"`
	ResourceVersion   string  `json:"resourceVersion"`
	CreationTimestamp string  `json:"creationTimestamp"`
	DeletionTimestamp *string `json:"deletionTimestamp"`
}

// fallbackColumns are what kubectl prints for an object it has no Table for
// (its default metadata printer): Name and Age. The UI adds Namespace when
// it lists several namespaces, as kubectl does with -A.
var fallbackColumns = []Column{
	{Name: "Name", Type: "string", Format: "name", Description: metav1.ObjectMeta{}.SwaggerDoc()["name"]},
	{Name: "Age", Type: "date", Description: metav1.ObjectMeta{}.SwaggerDoc()["creationTimestamp"]},
}

func (t *wireTable) isTable() bool { return t.Kind == "Table" }

// isList tells a plain list (an answer without Table support) apart; an
// empty one may come with "items": null.
func (t *wireTable) isList() bool { return t.Items != nil || strings.HasSuffix(t.Kind, "List") }

func (t *wireTable) columns() []Column {
	if t.isTable() {
		return t.ColumnDefinitions
	}
	return fallbackColumns
}

func (t *wireTable) rows() []Row {
	if !t.isTable() {
		return t.plainRows()
	}
	out := make([]Row, 0, len(t.Rows))
	for _, r := range t.Rows {
		out = append(out, newRow(r.Object.Metadata, r.Cells))
	}
	return out
}

// plainRows gives the rows of a plain list, or of one plain object.
func (t *wireTable) plainRows() []Row {
	metas := make([]objectMeta, 0, len(t.Items))
	for _, it := range t.Items {
		metas = append(metas, it.Metadata)
	}
	if t.Items == nil && t.Metadata.Name != "" {
		metas = append(metas, t.Metadata.objectMeta)
	}
	out := make([]Row, 0, len(metas))
	for _, m := range metas {
		name, _ := json.Marshal(m.Name)
		created, _ := json.Marshal(m.CreationTimestamp)
		out = append(out, newRow(m, []json.RawMessage{name, created}))
	}
	return out
}

func newRow(m objectMeta, cells []json.RawMessage) Row {
	key := m.Name
	if m.Namespace != "" {
		key = m.Namespace + "/" + m.Name
	}
	return Row{
		Key:             key,
		UID:             m.UID,
		Namespace:       m.Namespace,
		Name:            m.Name,
		Created:         m.CreationTimestamp,
		Deleting:        m.DeletionTimestamp != nil,
		Cells:           cells,
		resourceVersion: m.ResourceVersion,
	}
}
