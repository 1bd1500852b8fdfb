package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"

	"github.com/kubedeck/kubedeck/app/internal/wait"
	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// maxPluginObjects bounds one objects list (plugins get whole objects, not
// table rows, so a list is heavier than the UI's own).
const maxPluginObjects = 2000

// objectsMessage is one line of GET /api/stream/objects.
type objectsMessage struct {
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
// hidden) for the plugin cluster client, then (watch=1) their changes. The
// UI's own lists use table rows (/api/stream/list); plugins that compute
// from a kind's fields (a node's taints, a pod's restarts) need the objects.
func (h *Handler) streamObjects(w http.ResponseWriter, r *http.Request) {
	conn, gvr, ok := h.kindTarget(w, r)
	if !ok {
		return
	}
	p := r.URL.Query()
	ns := p.Get("namespace")
	if ns != "" && !namespaced(conn.Discovery, gvr) {
		ns = ""
	}
	out := ndjson.New(w)
	res := conn.Dynamic.Resource(gvr).Namespace(ns)
	opts := metav1.ListOptions{LabelSelector: p.Get("labelSelector")}
	streamPluginObjects(r.Context(), res, opts, p.Get("watch") == "1", out.Send)
}

func objectsError(err error) objectsMessage {
	m := objectsMessage{Type: "error", Message: err.Error()}
	var st apierrors.APIStatus
	if errors.As(err, &st) {
		m.Status = int(st.Status().Code)
	}
	return m
}

func streamPluginObjects(ctx context.Context, res dynamic.ResourceInterface, opts metav1.ListOptions, follow bool, send func(any) error) {
	delay := time.Second
	for ctx.Err() == nil {
		list, err := res.List(ctx, metav1.ListOptions{LabelSelector: opts.LabelSelector, Limit: maxPluginObjects})
		if err != nil {
			m := objectsError(err)
			if send(m) != nil || m.Status == http.StatusForbidden || m.Status == http.StatusNotFound || !follow {
				return
			}
			if !wait.Sleep(ctx, delay) {
				return
			}
			delay = min(delay*2, 10*time.Second)
			continue
		}
		items := make([]map[string]any, 0, len(list.Items))
		for i := range list.Items {
			resources.Redact(&list.Items[i])
			items = append(items, list.Items[i].Object)
		}
		if send(objectsMessage{Type: "objects", Items: items, Truncated: list.GetContinue() != ""}) != nil || !follow {
			return
		}
		delay = time.Second
		if err := watchPluginObjects(ctx, res, opts.LabelSelector, list.GetResourceVersion(), send); err != nil {
			return
		}
	}
}

// watchPluginObjects sends events until the watch ends (nil: list again)
// or the client is gone (an error).
func watchPluginObjects(ctx context.Context, res dynamic.ResourceInterface, selector, rv string, send func(any) error) error {
	wt, err := res.Watch(ctx, metav1.ListOptions{LabelSelector: selector, ResourceVersion: rv, AllowWatchBookmarks: false})
	if err != nil {
		return nil
	}
	defer wt.Stop()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			if err := send(objectsMessage{Type: "heartbeat"}); err != nil {
				return err
			}
		case ev, ok := <-wt.ResultChan():
			if !ok {
				return nil
			}
			u, isObj := ev.Object.(*unstructured.Unstructured)
			if !isObj {
				return nil // an error event (e.g. 410 Gone): list again
			}
			name := map[watch.EventType]string{watch.Added: "added", watch.Modified: "modified", watch.Deleted: "deleted"}[ev.Type]
			if name == "" {
				continue
			}
			resources.Redact(u)
			if err := send(objectsMessage{Type: "event", Event: name, Object: u.Object}); err != nil {
				return err
			}
		}
	}
}
