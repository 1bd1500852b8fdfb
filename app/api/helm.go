package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/kubedeck/kubedeck/app/helm"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

// HelmReleasesLine is every release the watch sees, once it has read
// them (and again after a watch restarts): {"type":"releases"}.
type HelmReleasesLine struct {
	Type     string         `json:"type"`
	Releases []helm.Release `json:"releases"`
}

// HelmChangesLine is the releases that changed since the last line and
// the keys ("namespace/name") of those gone: {"type":"changes"}.
type HelmChangesLine struct {
	Type     string         `json:"type"`
	Releases []helm.Release `json:"releases"`
	Deleted  []string       `json:"deleted"`
}

// HelmProblemLine is a namespace's storage the watch cannot follow:
// {"type":"problem"}.
type HelmProblemLine struct {
	Type string `json:"type"`
	helm.Problem
}

// streamHelm serves GET /api/stream/helm?context=&namespaces=a,b : the
// Helm releases of those namespaces (none: all), live (app/helm).
func (h *Handler) streamHelm(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	namespaces, err := namespacesParam(r.URL.Query().Get("namespaces"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	conn, ok := connOf(w, sess, r.URL.Query().Get("context"))
	if !ok {
		return
	}
	out := ndjson.New(w)
	ctx, cancel := context.WithCancel(r.Context())
	// The watch writes to w from its own goroutine: the handler returns
	// only after it has stopped, never while it may still write.
	var watchErr error
	finished := make(chan struct{})
	defer func() { cancel(); <-finished }()
	go func() {
		defer close(finished)
		watchErr = helm.Watch(ctx, conn.Clientset, namespaces, helm.Sink{
			Update: func(u helm.Update) error {
				if u.Full {
					return out.Send(HelmReleasesLine{Type: "releases", Releases: u.Releases})
				}
				return out.Send(HelmChangesLine{Type: "changes", Releases: u.Releases, Deleted: u.Deleted})
			},
			Problem: func(p helm.Problem) error { return out.Send(HelmProblemLine{Type: "problem", Problem: p}) },
		})
	}()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-finished:
			if watchErr != nil && !errors.Is(watchErr, context.Canceled) {
				_ = out.Send(errorLine(watchErr))
			}
			return
		case <-tick.C:
			if out.Send(heartbeat()) != nil {
				return
			}
		}
	}
}

// namespacesParam reads "a,b" into valid namespace names ("" is none).
func namespacesParam(v string) ([]string, error) {
	if v == "" {
		return nil, nil
	}
	parts := strings.Split(v, ",")
	if len(parts) > helm.MaxNamespaces {
		return nil, fmt.Errorf("at most %d namespaces at once", helm.MaxNamespaces)
	}
	for _, ns := range parts {
		if errs := validation.IsDNS1123Label(ns); len(errs) > 0 {
			return nil, fmt.Errorf("namespace %q: %s", ns, strings.Join(errs, "; "))
		}
	}
	return parts, nil
}
