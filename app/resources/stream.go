package resources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/rest"

	"github.com/kubedeck/kubedeck/app/internal/wait"
)

// Message is one line of a list stream.
type Message struct {
	// Type is columns, rows, synced, events, heartbeat or error.
	Type            string   `json:"type"`
	Columns         []Column `json:"columns,omitempty"`
	Rows            []Row    `json:"rows,omitempty"`
	Upserts         []Row    `json:"upserts,omitempty"`
	Deletes         []string `json:"deletes,omitempty"`
	ResourceVersion string   `json:"resourceVersion,omitempty"`
	Message         string   `json:"message,omitempty"`
	Status          int      `json:"status,omitempty"`
	// Retrying marks an error the stream recovers from by itself.
	Retrying bool `json:"retrying,omitempty"`
}

// Sink receives stream messages; an error from it ends the stream.
type Sink func(Message) error

// Lister streams a resource list followed by its watch.
type Lister struct {
	REST rest.Interface
	Log  *slog.Logger
	// FirstPage is the size of the first page (one screen of rows).
	FirstPage int64
	// PageSize is the size of the pages after the first.
	PageSize int64
	// FlushInterval is how long watch updates are coalesced before sending.
	FlushInterval time.Duration
	// MaxBackoff caps the wait between reconnection attempts.
	MaxBackoff time.Duration
}

func (l *Lister) defaults() {
	if l.FirstPage == 0 {
		l.FirstPage = 150
	}
	if l.PageSize == 0 {
		l.PageSize = 2500
	}
	if l.FlushInterval == 0 {
		l.FlushInterval = 100 * time.Millisecond
	}
	if l.MaxBackoff == 0 {
		l.MaxBackoff = 30 * time.Second
	}
	if l.Log == nil {
		l.Log = slog.Default()
	}
}

// Stream lists q and then follows it until ctx ends or the sink fails. It
// returns nil when ctx ends, the sink's error, or the error that ended the
// stream (after sending it to the sink as an error message). A list or
// watch that fails for a reason that may pass (a dropped connection, 429,
// 5xx, 410 Gone) is retried with backoff and reported as retrying.
func (l *Lister) Stream(ctx context.Context, q Query, sink Sink) error {
	l.defaults()
	if err := q.Validate(); err != nil {
		return l.fail(ctx, sink, apierrors.NewBadRequest(err.Error()))
	}
	st := &listState{known: map[string]string{}}
	backoff := NewBackoff(l.MaxBackoff)
	rv, err := l.listUntilOK(ctx, q, sink, st, backoff)
	if err != nil {
		return sinkErr(ctx, err)
	}
	for ctx.Err() == nil {
		next, werr := l.watch(ctx, q, rv, sink, st.known)
		if next != "" {
			rv = next
		}
		if ctx.Err() != nil || errors.Is(werr, errSink) {
			return sinkErr(ctx, werr)
		}
		switch {
		case werr == nil:
			backoff.Reset()
			continue
		case isGone(werr):
			l.Log.Debug("watch expired, relisting", "path", q.Path(), "rv", rv)
		case isTerminal(werr):
			return l.fail(ctx, sink, werr)
		default:
			if err := sink(errorMessage(werr, true)); err != nil {
				return err
			}
			if !wait.Sleep(ctx, backoff.Next()) {
				return nil
			}
		}
		rv, err = l.listUntilOK(ctx, q, sink, st, backoff)
		if err != nil {
			return sinkErr(ctx, err)
		}
	}
	return nil
}

// listState is what the receiver has of the list.
type listState struct {
	// known maps the key of every row the receiver has to its resourceVersion.
	known map[string]string
	// started is true once columns were sent: every later list (a retry of
	// a failed first list, a relist) sends only differences, as events.
	started bool
}

var errSink = errors.New("stream closed by the receiver")

// errContinueExpired marks a 410 Gone on a continue token.
var errContinueExpired = errors.New("the list's continue token expired")

func sinkErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

func (l *Lister) fail(ctx context.Context, sink Sink, err error) error {
	if ctx.Err() != nil || errors.Is(err, errSink) {
		return sinkErr(ctx, err)
	}
	_ = sink(errorMessage(err, false))
	return err
}

// listUntilOK lists until a list succeeds, the error is one retrying cannot
// fix (sent as final), ctx ends or the sink fails; between attempts it says
// why it retries and waits the stream's backoff.
func (l *Lister) listUntilOK(ctx context.Context, q Query, sink Sink, st *listState, b *Backoff) (string, error) {
	for {
		rv, err := l.list(ctx, q, sink, st)
		if err == nil {
			b.Reset()
			return rv, nil
		}
		if ctx.Err() != nil || errors.Is(err, errSink) {
			return "", err
		}
		if isTerminal(err) {
			return "", l.fail(ctx, sink, err)
		}
		l.Log.Debug("list failed, retrying", "path", q.Path(), "err", err)
		if err := sink(errorMessage(err, true)); err != nil {
			return "", errSink
		}
		if !wait.Sleep(ctx, b.Next()) {
			return "", ctx.Err()
		}
	}
}

// list pages through the collection. When its continue token expires (410
// Gone after the first page), it lists again from scratch in one request,
// as client-go's pager does.
func (l *Lister) list(ctx context.Context, q Query, sink Sink, st *listState) (string, error) {
	rv, err := l.pages(ctx, q, sink, st, l.FirstPage)
	if errors.Is(err, errContinueExpired) {
		l.Log.Debug("continue token expired, listing again in one request", "path", q.Path())
		rv, err = l.pages(ctx, q, sink, st, 0)
	}
	return rv, err
}

// pages lists page by page, the first of size first (0: everything at
// once). The first list sends columns, rows and synced; any later one only
// what changed against st.known, as events, then synced.
func (l *Lister) pages(ctx context.Context, q Query, sink Sink, st *listState, first int64) (string, error) {
	send := func(m Message) error {
		if err := sink(m); err != nil {
			return errSink
		}
		return nil
	}
	diff := st.started
	seen := make(map[string]struct{}, len(st.known))
	var upserts []Row
	cont, limit := "", first
	for {
		t, err := l.getPage(ctx, q, cont, limit)
		if err != nil {
			if cont != "" && isGone(err) {
				return "", fmt.Errorf("%w: %w", errContinueExpired, err)
			}
			return "", err
		}
		if !st.started {
			st.started = true
			if err := send(Message{Type: "columns", Columns: t.columns()}); err != nil {
				return "", err
			}
		}
		rows := t.rows()
		if diff {
			for _, r := range rows {
				seen[r.Key] = struct{}{}
				if st.known[r.Key] != r.resourceVersion {
					upserts = append(upserts, r)
				}
			}
		} else if len(rows) > 0 {
			for _, r := range rows {
				st.known[r.Key] = r.resourceVersion
			}
			if err := send(Message{Type: "rows", Rows: rows}); err != nil {
				return "", err
			}
		}
		if t.Metadata.Continue == "" {
			if diff {
				if err := l.sendDiff(send, upserts, st.known, seen); err != nil {
					return "", err
				}
			}
			rv := t.Metadata.ResourceVersion
			return rv, send(Message{Type: "synced", ResourceVersion: rv})
		}
		cont, limit = t.Metadata.Continue, l.PageSize
	}
}

// sendDiff sends upserts and the deletes of rows not seen, and records them
// in known.
func (l *Lister) sendDiff(send func(Message) error, upserts []Row, known map[string]string, seen map[string]struct{}) error {
	var deletes []string
	for k := range known {
		if _, ok := seen[k]; !ok {
			deletes = append(deletes, k)
			delete(known, k)
		}
	}
	for _, r := range upserts {
		known[r.Key] = r.resourceVersion
	}
	const chunk = 1000
	for len(upserts) > 0 || len(deletes) > 0 {
		n := min(chunk, len(upserts))
		m := Message{Type: "events", Upserts: upserts[:n]}
		upserts = upserts[n:]
		if len(upserts) == 0 {
			m.Deletes, deletes = deletes, nil
		}
		if err := send(m); err != nil {
			return err
		}
	}
	return nil
}

func (l *Lister) getPage(ctx context.Context, q Query, cont string, limit int64) (*wireTable, error) {
	req := l.REST.Get().AbsPath(q.Path()).SetHeader("Accept", TableAccept)
	for k, vs := range q.params() {
		req = req.Param(k, vs[0])
	}
	req = req.Param("limit", strconv.FormatInt(limit, 10))
	if cont != "" {
		req = req.Param("continue", cont)
	}
	body, err := req.DoRaw(ctx)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", q.GVR.Resource, statusFromBody(body, err))
	}
	var t wireTable
	if err := json.Unmarshal(body, &t); err != nil {
		return nil, fmt.Errorf("list %s: decode table: %w", q.GVR.Resource, err)
	}
	if !t.isTable() && !t.isList() {
		return nil, fmt.Errorf("list %s: %w: the server answered %q", q.GVR.Resource, errNotAList, t.Kind)
	}
	return &t, nil
}

// statusFromBody prefers the Status the server sent: client-go does not
// decode it for requests that asked for a Table, and says "unknown".
func statusFromBody(body []byte, err error) error {
	var st metav1.Status
	if len(body) > 0 && json.Unmarshal(body, &st) == nil && st.Kind == "Status" && st.Code != 0 {
		return &apierrors.StatusError{ErrStatus: st}
	}
	return err
}

// errorMessage turns an error into a stream error message with its HTTP status.
func errorMessage(err error, retrying bool) Message {
	m := Message{Type: "error", Message: err.Error(), Retrying: retrying}
	var st apierrors.APIStatus
	if errors.As(err, &st) {
		m.Status = int(st.Status().Code)
		if msg := st.Status().Message; msg != "" {
			m.Message = msg
		}
	}
	return m
}

func isGone(err error) bool {
	return apierrors.IsGone(err) || apierrors.IsResourceExpired(err)
}

// errNotAList marks a list answered with something else: asking again gets
// the same.
var errNotAList = errors.New("neither a Table nor a list")

// isTerminal tells errors that retrying cannot fix.
func isTerminal(err error) bool {
	if errors.Is(err, errNotAList) {
		return true
	}
	var st apierrors.APIStatus
	if !errors.As(err, &st) {
		return false
	}
	switch st.Status().Code {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusBadRequest, http.StatusMethodNotAllowed:
		return true
	}
	return false
}
