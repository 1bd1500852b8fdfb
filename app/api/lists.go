package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/resources"
)

// maxMultiplexed bounds the lists one multiplexed stream carries.
const maxMultiplexed = 16

// ListsQuery is one list of GET /api/stream/lists?queries=[...].
type ListsQuery struct {
	Group         string `json:"group"`
	Version       string `json:"version"`
	Resource      string `json:"resource"`
	Namespace     string `json:"namespace"`
	LabelSelector string `json:"labelSelector"`
	FieldSelector string `json:"fieldSelector"`
}

// ListsMessage is a list message marked with the index of its list.
type ListsMessage struct {
	Stream int `json:"stream"`
	resources.Message
}

// streamLists serves GET /api/stream/lists?context=&queries=[...] : several
// live lists over one connection (browsers allow six per host), each
// message ListsMessage with its list's index in "stream". Same messages as
// /api/stream/list; one list failing leaves the others running.
func (h *Handler) streamLists(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	var qs []ListsQuery
	if err := json.Unmarshal([]byte(r.URL.Query().Get("queries")), &qs); err != nil || len(qs) == 0 || len(qs) > maxMultiplexed {
		writeError(w, http.StatusBadRequest, fmt.Errorf("queries must be a JSON array of 1 to %d list queries", maxMultiplexed))
		return
	}
	for i, q := range qs {
		gvr := schema.GroupVersionResource{Group: q.Group, Version: q.Version, Resource: q.Resource}
		if err := resources.CheckSegments(gvr, q.Namespace, ""); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("query %d: %w", i, err))
			return
		}
	}
	conn, ok := connOf(w, sess, r.URL.Query().Get("context"))
	if !ok {
		return
	}
	rqs := make([]resources.Query, len(qs))
	refusals := make([]*refusal, len(qs))
	for i, q := range qs {
		gvr := schema.GroupVersionResource{Group: q.Group, Version: q.Version, Resource: q.Resource}
		t, refused := checkTarget(r.Context(), conn, gvr, q.Namespace, "", "list")
		if refused != nil && refused.status >= http.StatusInternalServerError {
			refused.write(w) // discovery is down: the whole stream retries
			return
		}
		refusals[i] = refused
		rqs[i] = resources.Query{GVR: t.gvr, Namespace: t.namespace, LabelSelector: q.LabelSelector, FieldSelector: q.FieldSelector}
	}
	out := ndjson.New(w)
	var wg sync.WaitGroup
	for i, rq := range rqs {
		if ref := refusals[i]; ref != nil {
			// A kind the cluster does not serve fails alone, as a list would.
			m := resources.Message{Type: "error", Message: ref.err.Error(), Status: ref.status}
			if out.Send(ListsMessage{Stream: i, Message: m}) != nil {
				return
			}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := &resources.Lister{REST: conn.REST, Log: h.log}
			_ = l.Stream(r.Context(), rq, func(m resources.Message) error { return out.Send(ListsMessage{Stream: i, Message: m}) })
		}()
	}
	wg.Wait()
}
