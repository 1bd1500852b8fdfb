package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/plugins"
)

// pluginApply serves POST /api/call/Apply for a plugin: every document's
// kind is mapped to its resource through the cluster's discovery and
// checked against the grant before anything is sent.
func (h *Handler) pluginApply(w http.ResponseWriter, r *http.Request, pr pluginRequest, _ http.Handler) {
	var (
		contextName, yaml, ns string
		dryRun                bool
	)
	if err := readArgs(w, r, "Apply", &contextName, &yaml, &ns, &dryRun); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	conn, ok := connOf(w, pr.sess, contextName)
	if !ok {
		return
	}
	objs, err := actions.Decode(yaml)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, err)
		return
	}
	for i, u := range objs {
		gvk := u.GroupVersionKind()
		m, err := conn.Mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
		if err != nil {
			writeError(w, http.StatusUnprocessableEntity, fmt.Errorf("document %d: the cluster does not serve %s: %w", i+1, gvk, err))
			return
		}
		if err := plugins.Allows(pr.grant, plugins.Request{Plugin: pr.id, Verb: plugins.Apply, Resource: m.Resource.GroupResource()}); err != nil {
			h.refuse(w, r, pr.id, err)
			return
		}
	}
	res, err := commands.PluginApply(r.Context(), commands.For(pr.sess), contextName, yaml, ns, dryRun)
	writeResult(w, res, err)
}

// pluginDelete serves POST /api/call/Delete for a plugin: every object's
// kind is checked before any is deleted.
func (h *Handler) pluginDelete(w http.ResponseWriter, r *http.Request, pr pluginRequest, _ http.Handler) {
	var (
		contextName, propagation string
		refs                     []actions.Ref
	)
	if err := readArgs(w, r, "Delete", &contextName, &refs, &propagation); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	for _, ref := range refs {
		gr := plugins.Request{Plugin: pr.id, Verb: plugins.Delete}
		gr.Resource.Group, gr.Resource.Resource = ref.Group, ref.Resource
		if err := plugins.Allows(pr.grant, gr); err != nil {
			h.refuse(w, r, pr.id, err)
			return
		}
	}
	res, err := commands.PluginDelete(r.Context(), commands.For(pr.sess), contextName, refs, propagation)
	writeResult(w, res, err)
}

// writeResult answers as POST /api/call/ does: the result, or 422 and the
// command's error.
func writeResult(w http.ResponseWriter, res []actions.Result, err error) {
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// readArgs decodes a call's body, a JSON array of exactly len(dst)
// arguments, into dst.
func readArgs(w http.ResponseWriter, r *http.Request, method string, dst ...any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 8<<20))
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	var args []json.RawMessage
	if err := json.Unmarshal(bytes.TrimSpace(body), &args); err != nil {
		return errors.New("the body must be a JSON array of arguments")
	}
	if len(args) != len(dst) {
		return fmt.Errorf("%s takes %d arguments, got %d", method, len(dst), len(args))
	}
	for i, raw := range args {
		if err := json.Unmarshal(raw, dst[i]); err != nil {
			return fmt.Errorf("%s argument %d: %w", method, i+1, err)
		}
	}
	return nil
}
