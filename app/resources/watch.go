package resources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

type wireEvent struct {
	Type   string          `json:"type"`
	Object json.RawMessage `json:"object"`
}

// watch follows q from rv until the server ends the watch (nil), the
// connection fails, or the server reports an error (410 Gone among them). It
// returns the last resourceVersion seen.
func (l *Lister) watch(ctx context.Context, q Query, rv string, sink Sink, known map[string]string) (string, error) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req := l.REST.Get().AbsPath(q.Path()).SetHeader("Accept", TableAccept).
		Param("watch", "true").
		Param("resourceVersion", rv).
		Param("allowWatchBookmarks", "true").
		Param("timeoutSeconds", strconv.Itoa(300+rand.IntN(300)))
	for k, vs := range q.params() {
		req = req.Param(k, vs[0])
	}
	body, err := req.Stream(wctx)
	if err != nil {
		return rv, fmt.Errorf("watch %s: %w", q.GVR.Resource, err)
	}
	defer body.Close()

	c := &coalescer{}
	flushed := make(chan error, 1)
	go func() {
		err := c.run(wctx, l.FlushInterval, sink)
		if err != nil {
			cancel() // the receiver is gone: stop reading the watch
		}
		flushed <- err
	}()

	last, werr := decodeEvents(body, rv, c, known)
	cancel()
	if ferr := <-flushed; ferr != nil {
		return last, errSink
	}
	// Send what arrived just before the watch ended.
	if err := c.flush(sink); err != nil {
		return last, errSink
	}
	if ctx.Err() != nil {
		return last, nil
	}
	return last, werr
}

func decodeEvents(body io.Reader, rv string, c *coalescer, known map[string]string) (string, error) {
	dec := json.NewDecoder(body)
	for {
		var ev wireEvent
		if err := dec.Decode(&ev); err != nil {
			if errors.Is(err, io.EOF) {
				return rv, nil
			}
			return rv, fmt.Errorf("watch connection: %w", err)
		}
		switch ev.Type {
		case "ERROR":
			var st metav1.Status
			if err := json.Unmarshal(ev.Object, &st); err != nil {
				return rv, fmt.Errorf("watch error event: %w", err)
			}
			return rv, &apierrors.StatusError{ErrStatus: st}
		case "BOOKMARK":
			if v := bookmarkRV(ev.Object); v != "" {
				rv = v
			}
		case "ADDED", "MODIFIED", "DELETED":
			var t wireTable
			if err := json.Unmarshal(ev.Object, &t); err != nil {
				return rv, fmt.Errorf("watch event: decode table: %w", err)
			}
			for _, r := range t.rows() {
				if r.resourceVersion != "" {
					rv = r.resourceVersion
				}
				if ev.Type == "DELETED" {
					delete(known, r.Key)
					c.remove(r.Key)
				} else {
					known[r.Key] = r.resourceVersion
					c.upsert(r)
				}
			}
		}
	}
}

// bookmarkRV reads the resourceVersion from a bookmark, which may come as a
// Table (list metadata or its one row) or as a plain object.
func bookmarkRV(raw json.RawMessage) string {
	var t wireTable
	if json.Unmarshal(raw, &t) == nil {
		if t.Metadata.ResourceVersion != "" {
			return t.Metadata.ResourceVersion
		}
		if len(t.Rows) > 0 {
			return t.Rows[0].Object.Metadata.ResourceVersion
		}
	}
	var o struct {
		Metadata objectMeta `json:"metadata"`
	}
	if json.Unmarshal(raw, &o) == nil {
		return o.Metadata.ResourceVersion
	}
	return ""
}

// coalescer merges watch updates per key between flushes, so a burst of
// changes to one object reaches the UI once.
type coalescer struct {
	mu      sync.Mutex
	order   []string
	pending map[string]*Row // nil value: deleted
}

func (c *coalescer) upsert(r Row) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(r.Key, &r)
}

func (c *coalescer) remove(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(key, nil)
}

func (c *coalescer) put(key string, r *Row) {
	if c.pending == nil {
		c.pending = map[string]*Row{}
	}
	if _, ok := c.pending[key]; !ok {
		c.order = append(c.order, key)
	}
	c.pending[key] = r
}

func (c *coalescer) take() Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := Message{Type: "events"}
	for _, k := range c.order {
		if r := c.pending[k]; r != nil {
			m.Upserts = append(m.Upserts, *r)
		} else {
			m.Deletes = append(m.Deletes, k)
		}
	}
	c.order, c.pending = nil, nil
	return m
}

// Heartbeat is how often a quiet stream says it is alive. Besides telling
// the UI the stream is live, the write is how a stream notices its client
// left: in the desktop webview an aborted request does not cancel its context.
const Heartbeat = 10 * time.Second

func (c *coalescer) flush(sink Sink) error {
	m := c.take()
	if len(m.Upserts) == 0 && len(m.Deletes) == 0 {
		return nil
	}
	return sink(m)
}

func (c *coalescer) run(ctx context.Context, every time.Duration, sink Sink) error {
	t := time.NewTicker(every)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return nil
		case now := <-t.C:
			m := c.take()
			switch {
			case len(m.Upserts) > 0 || len(m.Deletes) > 0:
			case now.Sub(last) >= Heartbeat:
				m = Message{Type: "heartbeat"}
			default:
				continue
			}
			last = now
			if err := sink(m); err != nil {
				return err
			}
		}
	}
}
