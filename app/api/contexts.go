package api

import (
	"net/http"
	"time"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

// keepAlive is how often an idle stream sends a heartbeat, so dead clients
// are noticed (a write fails) and proxies keep the connection.
const keepAlive = 30 * time.Second

// streamContexts serves GET /api/stream/contexts: the context list now and
// again after every change to the kubeconfig files.
func (h *Handler) streamContexts(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	store := sess.Clusters().Store()
	changes := store.Subscribe(r.Context())
	out := ndjson.New(w)
	send := func() error {
		list, err := commands.For(sess).Contexts()
		if err != nil {
			return out.Send(errorLine(err))
		}
		return out.Send(ContextsLine{Type: "contexts", List: list})
	}
	if err := send(); err != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-changes:
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
