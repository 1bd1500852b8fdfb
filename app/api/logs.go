package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kubedeck/kubedeck/app/logs"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

// streamLogs serves GET /api/stream/logs?context=&namespace=&pod= (or
// &selector= for every pod of a workload) &container=&previous=&follow=
// &tailLines=&sinceSeconds= as NDJSON batches of lines.
func (h *Handler) streamLogs(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	p := r.URL.Query()
	o := logs.Options{
		Namespace: p.Get("namespace"), Pod: p.Get("pod"), Selector: p.Get("selector"),
		Container: p.Get("container"), Previous: p.Get("previous") == "true", Follow: p.Get("follow") == "true",
	}
	if o.Namespace == "" || (o.Pod == "") == (o.Selector == "") {
		writeError(w, http.StatusBadRequest, errors.New("namespace and one of pod or selector are required"))
		return
	}
	for name, dst := range map[string]**int64{"tailLines": &o.TailLines, "sinceSeconds": &o.SinceSeconds} {
		if v := p.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				writeError(w, http.StatusBadRequest, errors.New(name+" must be a non-negative number"))
				return
			}
			*dst = &n
		}
	}
	conn, ok := connOf(w, sess, p.Get("context"))
	if !ok {
		return
	}
	out := ndjson.New(w)
	s := &logs.Streamer{CS: conn.Clientset}
	if err := s.Stream(r.Context(), o, func(m logs.Message) error { return out.Send(m) }); err != nil {
		h.log.Debug("log stream ended", "context", conn.Context.Name, "pod", o.Pod, "selector", o.Selector, "err", err)
	}
}
