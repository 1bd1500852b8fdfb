package logs

import (
	"context"
	"sync"
	"time"
)

// maxBatch bounds the lines of one message.
const maxBatch = 2000

// heartbeat is how often an idle stream says it is alive (and notices a
// client that left: in the desktop an aborted request cancels nothing).
const heartbeat = 10 * time.Second

// batcher gathers lines from several readers and sends them in batches.
type batcher struct {
	sink Sink

	mu      sync.Mutex
	lines   []Line
	err     error
	lastOut time.Time
}

func newBatcher(sink Sink) *batcher { return &batcher{sink: sink, lastOut: time.Now()} }

func (b *batcher) add(l Line) {
	b.mu.Lock()
	b.lines = append(b.lines, l)
	full := len(b.lines) >= maxBatch
	b.mu.Unlock()
	if full {
		_ = b.flush()
	}
}

func (b *batcher) status(pod, msg string) error {
	if err := b.flush(); err != nil {
		return err
	}
	return b.send(Message{Type: "status", Pod: pod, Message: msg})
}

func (b *batcher) send(m Message) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	b.err = b.sink(m)
	b.lastOut = time.Now()
	return b.err
}

func (b *batcher) flush() error {
	b.mu.Lock()
	lines := b.lines
	b.lines = nil
	b.mu.Unlock()
	for len(lines) > 0 {
		n := min(len(lines), maxBatch)
		if err := b.send(Message{Type: "lines", Lines: lines[:n]}); err != nil {
			return err
		}
		lines = lines[n:]
	}
	return b.sinkErr()
}

func (b *batcher) sinkErr() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

func (b *batcher) run(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if err := b.flush(); err != nil {
				return err
			}
			b.mu.Lock()
			idle := time.Since(b.lastOut) > heartbeat
			b.mu.Unlock()
			if idle {
				if err := b.send(Message{Type: "heartbeat"}); err != nil {
					return err
				}
			}
		}
	}
}
