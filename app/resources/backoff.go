package resources

import (
	"math/rand/v2"
	"time"
)

// Backoff is the one reconnect delay of every stream (lists, watches,
// objects, plugin objects): 250 ms doubling up to a cap, with up to a
// quarter of jitter, back to the start after a success.
type Backoff struct {
	cur, max time.Duration
}

// NewBackoff returns a backoff capped at max.
func NewBackoff(max time.Duration) *Backoff { return &Backoff{max: max} }

// Reset starts over after a success.
func (b *Backoff) Reset() { b.cur = 0 }

// Next is the wait before the next attempt.
func (b *Backoff) Next() time.Duration {
	if b.cur == 0 {
		b.cur = 250 * time.Millisecond
	} else {
		b.cur = min(b.cur*2, b.max)
	}
	jitter := time.Duration(rand.Int64N(int64(b.cur) / 4))
	return b.cur + jitter
}
