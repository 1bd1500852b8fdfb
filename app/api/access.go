package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/rbac"
	"github.com/kubedeck/kubedeck/app/rbaclive"
	"github.com/kubedeck/kubedeck/app/resources"
)

var roleBindingsGVR = schema.GroupVersionResource{Group: "rbac.authorization.k8s.io", Version: "v1", Resource: "rolebindings"}

// streamAccess serves GET /api/stream/access?context=&namespace= : who can
// do what in the namespace ("" for cluster-wide grants), now and after
// each change of a Role, ClusterRole or binding (app/rbaclive watches
// them). A watch that drops is reported as a retrying error line and
// picked up again by client-go.
func (h *Handler) streamAccess(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	ns := r.URL.Query().Get("namespace")
	if err := resources.CheckSegments(roleBindingsGVR, ns, ""); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	conn, ok := connOf(w, sess, r.URL.Query().Get("context"))
	if !ok {
		return
	}
	out := ndjson.New(w)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	latest := make(chan rbac.Matrix, 1)
	problems := make(chan error, 1)
	done := make(chan error, 1)
	go func() {
		done <- rbaclive.ClientOf(conn.Clientset, conn.Discovery).Watch(ctx, ns, func(m rbac.Matrix) error {
			select { // keep only the newest matrix: a slow reader skips stale ones
			case <-latest:
			default:
			}
			latest <- m
			return nil
		}, func(err error) {
			select {
			case problems <- err:
			default:
			}
		})
	}()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-ctx.Done():
			return
		case m := <-latest:
			err = out.Send(AccessMatrixLine{Type: "matrix", Matrix: m})
		case p := <-problems:
			err = out.Send(RetryingLine{Type: "error", Message: p.Error(), Retrying: true})
		case e := <-done:
			if e != nil && !errors.Is(e, context.Canceled) {
				_ = out.Send(RetryingLine{Type: "error", Message: e.Error()})
			}
			return
		case <-tick.C:
			err = out.Send(heartbeat())
		}
		if err != nil {
			return
		}
	}
}
