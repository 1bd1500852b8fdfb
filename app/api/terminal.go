package api

import (
	"encoding/base64"
	"errors"
	"github.com/kubedeck/kubedeck/app/ndjson"
	"io"
	"net/http"
)

// streamTerminal serves GET /api/stream/terminal?id= : the session's output
// as {"type":"output","data":base64} lines, then {"type":"exit","code":N}.
func (h *Handler) streamTerminal(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	s, err := sess.Terminal(r.URL.Query().Get("id"))
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return
	}
	out := ndjson.New(w)
	ctx := r.Context()
	for {
		data, dropped, err := s.Read(ctx)
		if errors.Is(err, io.EOF) {
			code, msg := s.Exit()
			if out.Send(TerminalExit{Type: "exit", Code: code, Message: msg}) == nil {
				s.Release() // delivered: the session is done with
			}
			return
		}
		if err != nil {
			return
		}
		m := TerminalOutput{Type: "output", Data: base64.StdEncoding.EncodeToString(data), Dropped: dropped}
		if err := out.Send(m); err != nil {
			// The reader left (in the desktop a write error is how we learn
			// it): the terminal stays until closed or its command ends.
			return
		}
	}
}
