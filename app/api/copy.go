package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"sync"
	"time"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/filecopy"
	"github.com/kubedeck/kubedeck/app/ndjson"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// progressEvery bounds how often a copy's progress is sent.
const progressEvery = 100 * time.Millisecond

// CopyRequest is a file copy between a container and the user's machine
// (the body of POST /api/stream/copy; the query of the browser's download
// and upload).
type CopyRequest struct {
	Context   string `json:"context"`
	Namespace string `json:"namespace"`
	Pod       string `json:"pod"`
	Container string `json:"container"`
	// Direction is "download" (container to machine) or "upload".
	Direction string `json:"direction"`
	// Path in the container: the file or folder to download, the file to
	// write when uploading (relative to the container's working folder
	// unless absolute).
	Path string `json:"path"`
}

// CopyProgress is {"type":"progress"}: bytes moved, of total (-1 unknown).
type CopyProgress struct {
	Type  string `json:"type"`
	Bytes int64  `json:"bytes"`
	Total int64  `json:"total"`
	// Local is the file or folder on the user's machine.
	Local string `json:"local"`
}

// CopyDone is {"type":"done"}, the last line of a finished copy.
type CopyDone struct {
	Type   string          `json:"type"`
	Result filecopy.Result `json:"result"`
	Local  string          `json:"local"`
}

// CopyCancelled is {"type":"cancelled"}: the user closed the file dialog.
type CopyCancelled struct {
	Type string `json:"type"`
}

// copyTarget checks a copy request and returns the connection (writable:
// exec can change the container, so read-only contexts refuse copies)
// and the container's exec.
func copyTarget(sess *session.Session, q CopyRequest) (*cluster.Conn, filecopy.Exec, error) {
	if q.Namespace == "" || q.Pod == "" || q.Container == "" || q.Path == "" {
		return nil, nil, errors.New("namespace, pod, container and path are required")
	}
	conn, err := sess.Writable(q.Context)
	if err != nil {
		return nil, nil, err
	}
	ex := func(ctx context.Context, cmd []string, stdin io.Reader, stdout, stderr io.Writer) error {
		return terminal.Exec(ctx, conn.Config, conn.Clientset, q.Namespace, q.Pod, q.Container, cmd, stdin, stdout, stderr)
	}
	return conn, ex, nil
}

func copyQuery(r *http.Request, direction string) CopyRequest {
	p := r.URL.Query()
	return CopyRequest{Context: p.Get("context"), Namespace: p.Get("namespace"), Pod: p.Get("pod"),
		Container: p.Get("container"), Path: p.Get("path"), Direction: direction}
}

// copyDownload serves GET /api/copy/download?context=&namespace=&pod=
// &container=&path= (the browser shell): a file's bytes, or a folder as a
// tar of checked entries; X-Kubedeck-Size is a file's size when known.
func (h *Handler) copyDownload(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	q := copyQuery(r, "download")
	_, ex, err := copyTarget(sess, q)
	if err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	info, err := filecopy.Stat(r.Context(), ex, q.Path)
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return
	}
	name := path.Base(q.Path)
	download := filecopy.DownloadFile
	if info.Dir {
		name, download = name+".tar", filecopy.DownloadTar
		w.Header().Set("Content-Type", "application/x-tar")
	} else {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("X-Kubedeck-Size", strconv.FormatInt(info.Size, 10))
	}
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	res, err := download(r.Context(), ex, q.Path, w, nil)
	h.logCopy(q, res, err)
	if err != nil && res.Bytes == 0 {
		// Nothing was sent yet: an error answer is still possible.
		writeError(w, http.StatusBadGateway, err)
	}
}

// copyUpload serves POST /api/copy/upload?context=&namespace=&pod=
// &container=&path= with the file as the body (Content-Length required):
// the Result as JSON.
func (h *Handler) copyUpload(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	q := copyQuery(r, "upload")
	_, ex, err := copyTarget(sess, q)
	if err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	if r.ContentLength < 0 {
		writeError(w, http.StatusLengthRequired, errors.New("the upload needs a Content-Length"))
		return
	}
	res, err := filecopy.Upload(r.Context(), ex, r.Body, r.ContentLength, q.Path, nil)
	h.logCopy(q, res, err)
	if err != nil {
		writeError(w, http.StatusBadGateway, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(res)
}

// streamCopy serves POST /api/stream/copy with a CopyRequest body (the
// desktop shell): the native dialog asks where (or what), then the copy's
// progress as NDJSON lines, then done, cancelled or error. The copy stops
// when the stream is cancelled (POST /api/stream/cancel).
func (h *Handler) streamCopy(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	var q CopyRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&q); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("a JSON copy request is required: %w", err))
		return
	}
	files := sess.Files()
	if files == nil {
		writeError(w, http.StatusBadRequest, errors.New("this shell has no file dialogs: use /api/copy/download and /api/copy/upload"))
		return
	}
	_, ex, err := copyTarget(sess, q)
	if err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	out := ndjson.New(w)
	res, local, err := h.copyWithDialog(r, files, ex, q, out)
	switch {
	case err != nil:
		_ = out.Send(errorLine(err))
	case local == "":
		_ = out.Send(CopyCancelled{Type: "cancelled"})
	default:
		_ = out.Send(CopyDone{Type: "done", Result: res, Local: local})
	}
	if local != "" {
		h.logCopy(q, res, err)
	}
}

// copyWithDialog asks for the local side and copies; local is "" when the
// user cancelled the dialog.
func (h *Handler) copyWithDialog(r *http.Request, files session.FilePicker, ex filecopy.Exec, q CopyRequest, out *ndjson.Writer) (filecopy.Result, string, error) {
	ctx := r.Context()
	switch q.Direction {
	case "download":
		info, err := filecopy.Stat(ctx, ex, q.Path)
		if err != nil {
			return filecopy.Result{}, "", err
		}
		var local string
		if info.Dir {
			local, err = files.OpenFolder("Copy " + path.Base(q.Path) + " into…")
		} else {
			local, err = files.SaveFile("Save "+path.Base(q.Path), path.Base(q.Path))
		}
		if err != nil || local == "" {
			return filecopy.Result{}, "", err
		}
		p := throttled(out, info.Size, local)
		if info.Dir {
			res, err := filecopy.DownloadTree(ctx, ex, q.Path, local, p)
			return res, local, err
		}
		res, err := filecopy.SaveFile(ctx, ex, q.Path, local, p)
		return res, local, err
	case "upload":
		local, err := files.OpenFile("Copy a file to " + q.Pod + ":" + q.Path)
		if err != nil || local == "" {
			return filecopy.Result{}, "", err
		}
		f, err := os.Open(local)
		if err != nil {
			return filecopy.Result{}, local, fmt.Errorf("open %s: %w", local, err)
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return filecopy.Result{}, local, fmt.Errorf("%s is not a regular file", local)
		}
		res, err := filecopy.Upload(ctx, ex, f, fi.Size(), q.Path, throttled(out, fi.Size(), local))
		return res, local, err
	}
	return filecopy.Result{}, "", fmt.Errorf("direction must be download or upload, not %q", q.Direction)
}

// throttled sends progress lines at most every progressEvery.
func throttled(out *ndjson.Writer, total int64, local string) filecopy.Progress {
	var mu sync.Mutex
	var last time.Time
	return func(done int64) {
		mu.Lock()
		defer mu.Unlock()
		if now := time.Now(); now.Sub(last) >= progressEvery || done == total {
			last = now
			_ = out.Send(CopyProgress{Type: "progress", Bytes: done, Total: total, Local: local})
		}
	}
}

func (h *Handler) logCopy(q CopyRequest, res filecopy.Result, err error) {
	h.log.Info("file copy", "context", q.Context, "namespace", q.Namespace, "pod", q.Pod, "container", q.Container,
		"direction", q.Direction, "path", q.Path, "bytes", res.Bytes, "err", err)
}
