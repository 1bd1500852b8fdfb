package api

// This file owns the stream multiplexer: many /api/stream/ GET streams over
// one connection. A browser opens at most six HTTP/1.1 connections to a
// host (and `kubedeck serve` on loopback speaks plain HTTP/1.1), and every
// live stream holds one for as long as it runs: a node's details page
// (its object, its pods, the context, kind and plugin lists) and a node
// shell's terminal took all six, and the shell's keystrokes queued behind
// them for ever. So the page opens one GET /api/stream/mux and asks for
// each stream with POST /api/stream/mux/open; the stream's handler runs as
// it would for its own request, and its bytes come back framed (MuxData
// announces n bytes, the n bytes follow). POST /api/stream/cancel stops
// one stream, as before; the end of the mux's request ends all of them.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/kubedeck/kubedeck/app/ndjson"
)

const (
	// maxMuxStreams bounds the streams open on one mux at a time.
	maxMuxStreams = 256
	// maxMuxes bounds the muxes of one session (one per open page).
	maxMuxes = 32
	// muxFlushAfter is how much one stream may write before the mux
	// flushes even without the handler's flush.
	muxFlushAfter = 64 << 10
)

// MuxReady is the mux's first line: opens may follow: {"type":"ready"}.
type MuxReady struct {
	Type string `json:"type"`
}

// MuxStart is a stream's answer status: {"type":"start"}.
type MuxStart struct {
	Type   string `json:"type"`
	Stream string `json:"stream"`
	Status int    `json:"status"`
}

// MuxData announces Size bytes of a stream's body, which follow the
// line's newline: {"type":"data"}.
type MuxData struct {
	Type   string `json:"type"`
	Stream string `json:"stream"`
	Size   int    `json:"size"`
}

// MuxEnd is a stream's end (its handler returned): {"type":"end"}.
type MuxEnd struct {
	Type   string `json:"type"`
	Stream string `json:"stream"`
}

// MuxOpenRequest is the body of POST /api/stream/mux/open?mux=: run the
// GET stream Path (with its query) as Stream, on the mux.
type MuxOpenRequest struct {
	Stream string `json:"stream"`
	Path   string `json:"path"`
	// Plugin names the plugin the stream is for (PluginHeader of a
	// direct request: served within that plugin's grant).
	Plugin string `json:"plugin,omitempty"`
}

// mux is one open GET /api/stream/mux.
type mux struct {
	ctx    context.Context // the mux request's, ended by close
	cancel context.CancelFunc
	req    *http.Request // the mux's own request

	mu      sync.Mutex // guards out, streams and closed
	out     *ndjson.Writer
	w       http.ResponseWriter
	streams map[string]bool // the ids running
	closed  bool
	wg      sync.WaitGroup
}

// muxes are the open muxes, by session and id.
type muxes struct {
	mu   sync.Mutex
	open map[streamKey]*mux
}

func newMuxes() *muxes { return &muxes{open: map[streamKey]*mux{}} }

func (ms *muxes) add(k streamKey, m *mux) error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	n := 0
	for key := range ms.open {
		if key.scope == k.scope {
			n++
		}
	}
	if n >= maxMuxes {
		return fmt.Errorf("too many open pages in this session (%d)", maxMuxes)
	}
	ms.open[k] = m
	return nil
}

func (ms *muxes) remove(k streamKey) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	delete(ms.open, k)
}

func (ms *muxes) get(k streamKey) *mux {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.open[k]
}

// streamMux serves GET /api/stream/mux with a StreamHeader id: the frames
// of the streams opened on it, until the client goes away.
func (h *Handler) streamMux(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	id := r.Header.Get(StreamHeader)
	if id == "" {
		writeError(w, http.StatusBadRequest, errors.New("a mux needs its id in "+StreamHeader))
		return
	}
	ctx, cancel := context.WithCancel(r.Context())
	m := &mux{ctx: ctx, cancel: cancel, req: r, w: w, streams: map[string]bool{}}
	k := streamKey{scope: sess, id: id}
	m.mu.Lock() // opens wait for the answer's start
	if err := h.muxes.add(k, m); err != nil {
		m.mu.Unlock()
		cancel()
		writeError(w, http.StatusTooManyRequests, err)
		return
	}
	m.out = ndjson.New(w)
	m.mu.Unlock()
	defer func() {
		h.muxes.remove(k)
		m.close()
	}()
	if err := m.send(MuxReady{Type: "ready"}); err != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if err := m.send(heartbeat()); err != nil {
				return
			}
		}
	}
}

// muxOpen serves POST /api/stream/mux/open?mux= with a MuxOpenRequest:
// it starts the stream and answers at once; its frames go to the mux.
func (h *Handler) muxOpen(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	var req MuxOpenRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("the body must be a mux open request: %w", err))
		return
	}
	u, err := muxTarget(req)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	m := h.muxes.get(streamKey{scope: sess, id: r.URL.Query().Get("mux")})
	if m == nil {
		writeError(w, http.StatusNotFound, errors.New("no such stream mux (the page's connection ended)"))
		return
	}
	inner := m.request(r, u, req)
	if status, err := m.startStream(req.Stream, func() { h.serveFramed(m, req.Stream, inner) }); err != nil {
		writeError(w, status, err)
		return
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

// muxTarget checks what a mux may run: a stream id as StreamHeader takes,
// and the path of a GET stream other than the mux itself.
func muxTarget(req MuxOpenRequest) (*url.URL, error) {
	if !streamID.MatchString(req.Stream) {
		return nil, errors.New("stream must be 1 to 64 letters, digits, - or _")
	}
	u, err := url.Parse(req.Path)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/api/stream/") || !cleanPath(u.Path) {
		return nil, fmt.Errorf("a mux runs /api/stream/ paths, not %q", req.Path)
	}
	if strings.HasPrefix(u.Path, "/api/stream/mux") {
		return nil, errors.New("a mux does not run a mux")
	}
	return u, nil
}

// request is the GET the stream's handler sees: the open request's
// headers (its session's credentials), the stream id, in the mux's
// context (so the stream ends with the mux).
func (m *mux) request(open *http.Request, u *url.URL, req MuxOpenRequest) *http.Request {
	inner := m.req.Clone(m.ctx)
	inner.Method = http.MethodGet
	inner.URL = u
	inner.RequestURI = u.RequestURI()
	inner.Body, inner.ContentLength = http.NoBody, 0
	inner.Header = open.Header.Clone()
	inner.Header.Del("Content-Type")
	inner.Header.Del("Content-Length")
	inner.Header.Del(PluginHeader)
	inner.Header.Set("Accept", "application/x-ndjson")
	inner.Header.Set(StreamHeader, req.Stream)
	if req.Plugin != "" {
		inner.Header.Set(PluginHeader, req.Plugin)
	}
	return inner
}

// startStream runs serve as stream id unless the mux is full or gone, or
// runs a stream of that id already (the status and error say which).
func (m *mux) startStream(id string, serve func()) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.closed:
		return http.StatusNotFound, errors.New("the stream mux has ended")
	case m.streams[id]:
		return http.StatusConflict, errStreamIDInUse
	case len(m.streams) >= maxMuxStreams:
		return http.StatusTooManyRequests, fmt.Errorf("too many streams on one page (%d)", maxMuxStreams)
	}
	m.streams[id] = true
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		defer func() {
			m.mu.Lock()
			delete(m.streams, id)
			m.mu.Unlock()
		}()
		serve()
	}()
	return http.StatusOK, nil
}

// serveFramed runs the stream's handler with a writer that frames its
// answer onto the mux, then sends its end.
func (h *Handler) serveFramed(m *mux, stream string, r *http.Request) {
	fw := &frameWriter{m: m, stream: stream, header: http.Header{}}
	defer func() {
		fw.flushBody()
		_ = m.send(MuxEnd{Type: "end", Stream: stream})
	}()
	h.ServeHTTP(fw, r)
}

// send writes one line to the mux (nothing once it closed).
func (m *mux) send(v any) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return errors.New("the stream mux has ended")
	}
	return m.out.Send(v)
}

// sendData writes a data frame: its line, then the bytes.
func (m *mux) sendData(stream string, b []byte, flush bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return errors.New("the stream mux has ended")
	}
	line, err := json.Marshal(MuxData{Type: "data", Stream: stream, Size: len(b)})
	if err != nil {
		return err
	}
	if _, err := m.w.Write(append(line, '\n')); err != nil {
		return err
	}
	if _, err := m.w.Write(b); err != nil {
		return err
	}
	if flush {
		if err := http.NewResponseController(m.w).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
	}
	return nil
}

// close stops new frames, ends the streams' context and waits for them.
func (m *mux) close() {
	m.mu.Lock()
	m.closed = true
	m.mu.Unlock()
	m.cancel()
	m.wg.Wait()
}

// frameWriter is the http.ResponseWriter of one stream on a mux.
type frameWriter struct {
	m      *mux
	stream string
	header http.Header

	mu      sync.Mutex
	started bool
	status  int
	body    bytes.Buffer // written since the last frame
	failed  error
}

func (f *frameWriter) Header() http.Header { return f.header }

func (f *frameWriter) WriteHeader(code int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.startLocked(code)
}

func (f *frameWriter) startLocked(code int) {
	if f.started {
		return
	}
	f.started, f.status = true, code
	if err := f.m.send(MuxStart{Type: "start", Stream: f.stream, Status: code}); err != nil {
		f.failed = err
	}
}

// Write collects the body; whole buffers go out on Flush (the stream
// handlers flush after each line or batch) or past muxFlushAfter.
func (f *frameWriter) Write(b []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.startLocked(http.StatusOK)
	if f.failed != nil {
		return 0, f.failed
	}
	f.body.Write(b)
	if f.body.Len() >= muxFlushAfter {
		if err := f.frameLocked(false); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

// FlushError sends what was written as one frame (http.ResponseController).
func (f *frameWriter) FlushError() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.startLocked(http.StatusOK)
	if f.failed != nil {
		return f.failed
	}
	return f.frameLocked(true)
}

func (f *frameWriter) frameLocked(flush bool) error {
	if f.body.Len() == 0 {
		return nil
	}
	err := f.m.sendData(f.stream, f.body.Bytes(), flush)
	f.body.Reset()
	if err != nil {
		f.failed = err
	}
	return err
}

// flushBody sends what is left once the handler returned (an error
// answer is written without a flush).
func (f *frameWriter) flushBody() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.startLocked(http.StatusOK)
	if f.failed == nil {
		_ = f.frameLocked(true)
	}
}
