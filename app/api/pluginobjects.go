package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"

	"github.com/kubedeck/kubedeck/app/internal/wait"
	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// maxPluginObjects bounds one objects list (plugins get whole objects, not
// table rows, so a list is heavier than the UI's own).
const maxPluginObjects = 2000

// ObjectsMessage is one line of GET /api/stream/objects.
type ObjectsMessage struct {
	// Type is objects (the whole list), event (added, modified, deleted),
	// heartbeat or error.
	Type    string           `json:"type"`
	Items   []map[string]any `json:"items,omitempty"`
	Event   string           `json:"event,omitempty"`
	Object  map[string]any   `json:"object,omitempty"`
	Message string           `json:"message,omitempty"`
	Status  int              `json:"status,omitempty"`
	// Truncated says the list held more than maxPluginObjects.
	Truncated bool `json:"truncated,omitempty"`
}

// streamObjects serves GET /api/stream/objects?context=&group=&version=
// &resource=&namespace=&labelSelector=&watch= : whole objects (Secret values
// hidden unless a plugin was granted them) for the plugin cluster client, then (watch=1) their changes. The
// UI's own lists use table rows (/api/stream/list); plugins that compute
// from a kind's fields (a node's taints, a pod's restarts) need the objects.
func (h *Handler) streamObjects(w http.ResponseWriter, r *http.Request) {
	t, ok := h.kindTarget(w, r, "list", false)
	if !ok {
		return
	}
	p := r.URL.Query()
	out := ndjson.New(w)
	res := t.conn.Dynamic.Resource(t.gvr).Namespace(t.namespace)
	opts := metav1.ListOptions{LabelSelector: p.Get("labelSelector")}
	streamPluginObjects(r.Context(), t.gvr, res, opts, p.Get("watch") == "1", out.Send)
}

func objectsError(err error) ObjectsMessage {
	m := ObjectsMessage{Type: "error", Message: err.Error()}
	var st apierrors.APIStatus
	if errors.As(err, &st) {
		m.Status = int(st.Status().Code)
	}
	return m
}

// redactFor hides Secret values (resources.RedactAs) unless the request is
// a plugin's that was granted them; managed fields go either way.
func redactFor(ctx context.Context, gvr schema.GroupVersionResource, u *unstructured.Unstructured) {
	if revealsSecrets(ctx) {
		unstructured.RemoveNestedField(u.Object, "metadata", "managedFields")
		return
	}
	resources.RedactAs(gvr, u)
}

// streamPluginObjects lists (and, with follow, watches) res, read from gvr:
// items are redacted as what gvr holds. Failures are retried with the
// streams' one backoff.
func streamPluginObjects(ctx context.Context, gvr schema.GroupVersionResource, res dynamic.ResourceInterface, opts metav1.ListOptions, follow bool, send func(any) error) {
	b := resources.NewBackoff(10 * time.Second)
	for ctx.Err() == nil {
		list, err := res.List(ctx, metav1.ListOptions{LabelSelector: opts.LabelSelector, Limit: maxPluginObjects})
		if err != nil {
			m := objectsError(err)
			if send(m) != nil || m.Status == http.StatusForbidden || m.Status == http.StatusNotFound || !follow {
				return
			}
			if !wait.Sleep(ctx, b.Next()) {
				return
			}
			continue
		}
		items := make([]map[string]any, 0, len(list.Items))
		for i := range list.Items {
			redactFor(ctx, gvr, &list.Items[i])
			items = append(items, list.Items[i].Object)
		}
		if send(ObjectsMessage{Type: "objects", Items: items, Truncated: list.GetContinue() != ""}) != nil || !follow {
			return
		}
		started, err := watchPluginObjects(ctx, gvr, res, opts.LabelSelector, list.GetResourceVersion(), send)
		if err != nil {
			return
		}
		if started {
			b.Reset()
		} else if !wait.Sleep(ctx, b.Next()) {
			return // the watch did not start: do not relist in a tight loop
		}
	}
}

// watchPluginObjects sends events until the watch ends (nil: list again)
// or the client is gone (an error); started says whether it began at all.
func watchPluginObjects(ctx context.Context, gvr schema.GroupVersionResource, res dynamic.ResourceInterface, selector, rv string, send func(any) error) (started bool, err error) {
	wt, err := res.Watch(ctx, metav1.ListOptions{LabelSelector: selector, ResourceVersion: rv, AllowWatchBookmarks: false})
	if err != nil {
		return false, nil
	}
	defer wt.Stop()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return true, ctx.Err()
		case <-tick.C:
			if err := send(ObjectsMessage{Type: "heartbeat"}); err != nil {
				return true, err
			}
		case ev, ok := <-wt.ResultChan():
			if !ok {
				return true, nil
			}
			u, isObj := ev.Object.(*unstructured.Unstructured)
			if !isObj {
				return true, nil // an error event (e.g. 410 Gone): list again
			}
			name := map[watch.EventType]string{watch.Added: "added", watch.Modified: "modified", watch.Deleted: "deleted"}[ev.Type]
			if name == "" {
				continue
			}
			redactFor(ctx, gvr, u)
			if err := send(ObjectsMessage{Type: "event", Event: name, Object: u.Object}); err != nil {
				return true, err
			}
		}
	}
}
