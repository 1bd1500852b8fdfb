package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

// streamDrain serves POST /api/stream/drain?context=&node= with the drain
// options as the JSON body: the drain's progress as NDJSON lines. Closing
// the request stops the drain (the node stays cordoned).
func (h *Handler) streamDrain(w http.ResponseWriter, r *http.Request) {
	cmds, err := h.resolve(r)
	if err != nil {
		writeError(w, http.StatusUnauthorized, err)
		return
	}
	node := r.URL.Query().Get("node")
	var o actions.DrainOptions
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&o); err != nil || node == "" {
		writeError(w, http.StatusBadRequest, errors.New("node and a JSON body of drain options are required"))
		return
	}
	conn, err := commands.DrainConn(cmds, r.URL.Query().Get("context"))
	if err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	out := ndjson.New(w)
	ctx := r.Context()
	h.log.Info("drain started", "context", conn.Context.Name, "node", node)
	err = actions.Drain(ctx, conn.Clientset, node, o, func(p actions.Progress) {
		_ = out.Send(p) // a failed write is noticed through ctx or the next step
	})
	if err != nil {
		_ = out.Send(actions.Progress{Type: "error", Message: err.Error()})
	}
}
