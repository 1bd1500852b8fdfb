package terminal

import (
	"context"
	"io"
	"net/url"
	"sync"
)

// maxBuffered bounds output waiting for its reader; beyond it the oldest
// bytes are dropped (and the reader told).
const maxBuffered = 1 << 20

// output is a bounded buffer between the command and the stream reader.
type output struct {
	mu      sync.Mutex
	buf     []byte
	dropped bool
	closed  bool
	wake    chan struct{}
}

func newOutput() *output { return &output{wake: make(chan struct{}, 1)} }

// Write implements io.Writer for the command's output.
func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	o.buf = append(o.buf, p...)
	if over := len(o.buf) - maxBuffered; over > 0 {
		o.buf = append([]byte(nil), o.buf[over:]...)
		o.dropped = true
	}
	o.mu.Unlock()
	o.signal()
	return len(p), nil
}

// unread is how many bytes wait for the reader.
func (o *output) unread() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.buf)
}

func (o *output) signal() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *output) close() {
	o.mu.Lock()
	o.closed = true
	o.mu.Unlock()
	o.signal()
}

// read returns buffered output (and whether some was dropped), waiting for
// some if there is none; io.EOF once the command ended and all was read.
func (o *output) read(ctx context.Context) ([]byte, bool, error) {
	for {
		o.mu.Lock()
		if len(o.buf) > 0 {
			b, dropped := o.buf, o.dropped
			o.buf, o.dropped = nil, false
			o.mu.Unlock()
			return b, dropped, nil
		}
		closed := o.closed
		o.mu.Unlock()
		if closed {
			return nil, false, io.EOF
		}
		select {
		case <-ctx.Done():
			return nil, false, ctx.Err()
		case <-o.wake:
		}
	}
}

func parseURL(s string) (*url.URL, error) { return url.Parse(s) }
