package api

import (
	"context"
	"net/http"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

var crdGVR = schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}

// streamAPIResources serves GET /api/stream/apiresources?context= : the
// kinds the cluster serves now, and again whenever CRDs change (discovery is
// cached per cluster and dropped on such a change).
func (h *Handler) streamAPIResources(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	name := r.URL.Query().Get("context")
	conn, ok := connOf(w, sess, name)
	if !ok {
		return
	}
	out := ndjson.New(w)
	send := func() error {
		list, err := commands.For(sess).APIResources(name)
		if err != nil {
			return out.Send(errorLine(err))
		}
		return out.Send(APIResourcesLine{Type: "resources", List: list})
	}
	if err := send(); err != nil {
		return
	}
	changed := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	go watchCRDs(ctx, conn.Dynamic, changed)
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-changed:
			// Let a burst of CRD changes settle, then rediscover once.
			time.Sleep(500 * time.Millisecond)
			conn.Discovery.Invalidate()
			if err := send(); err != nil {
				return
			}
		case <-tick.C:
			if err := out.Send(heartbeat()); err != nil {
				return
			}
		}
	}
}

// watchCRDs signals changed on every CRD event after the initial state,
// until ctx ends. Users who may not watch CRDs get no live refresh.
func watchCRDs(ctx context.Context, dyn dynamic.Interface, changed chan<- struct{}) {
	for ctx.Err() == nil {
		list, err := dyn.Resource(crdGVR).List(ctx, metav1.ListOptions{Limit: 1})
		if err != nil {
			return
		}
		w, err := dyn.Resource(crdGVR).Watch(ctx, metav1.ListOptions{ResourceVersion: list.GetResourceVersion()})
		if err != nil {
			return
		}
		for ev := range w.ResultChan() {
			if ev.Type == watch.Error {
				break
			}
			select {
			case changed <- struct{}{}:
			default:
			}
		}
		w.Stop()
	}
}
