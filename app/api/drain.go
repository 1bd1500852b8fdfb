package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

// streamDrain serves POST /api/stream/drain?context=&node= with the drain
// options as the JSON body: the drain's progress as NDJSON lines. The drain
// stops (the node stays cordoned) when the request's context ends: the
// client closed it, POST /api/stream/cancel named its StreamHeader id (the
// desktop's way: Wails never cancels a request), a progress line could not
// be sent, or the drain's timeout passed.
func (h *Handler) streamDrain(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	node := r.URL.Query().Get("node")
	var o actions.DrainOptions
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&o); err != nil || node == "" {
		writeError(w, http.StatusBadRequest, errors.New("node and a JSON body of drain options are required"))
		return
	}
	conn, err := sess.DrainConn(r.URL.Query().Get("context"))
	if err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	out := ndjson.New(w)
	ctx := r.Context()
	h.log.Info("drain started", "context", conn.Context.Name, "node", node)
	err = actions.Drain(ctx, conn.Clientset, node, o, func(p actions.Progress) {
		_ = out.Send(p) // a failed send cancels ctx, which stops the drain
	})
	if err != nil {
		h.log.Info("drain ended", "context", conn.Context.Name, "node", node, "err", err)
		_ = out.Send(actions.Progress{Type: "error", Message: err.Error()})
		return
	}
	h.log.Info("drain done", "context", conn.Context.Name, "node", node)
}
