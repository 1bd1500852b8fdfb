package kubeconfig

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// debounce groups the several file events one save makes.
const debounce = 150 * time.Millisecond

// Watch reports changes to the store's files until ctx ends: it watches the
// folders that hold them (so files created, replaced by an editor's rename or
// removed are seen) and, after each burst of events, reloads the snapshot and
// tells subscribers if its generation moved.
func (s *Store) Watch(ctx context.Context, log *slog.Logger) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch kubeconfig files: %w", err)
	}
	dirs := map[string]bool{}
	for _, p := range s.paths {
		d := filepath.Dir(p)
		if dirs[d] {
			continue
		}
		dirs[d] = true
		if err := w.Add(d); err != nil {
			// The folder may not exist yet (no ~/.kube): nothing to see there.
			log.Debug("cannot watch kubeconfig folder", "dir", d, "err", err)
		}
	}
	go func() {
		defer w.Close()
		var timer <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if s.isOurs(ev.Name) {
					timer = time.After(debounce)
				}
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				log.Warn("kubeconfig watch", "err", err)
			case <-timer:
				timer = nil
				s.reloadAndNotify()
			}
		}
	}()
	return nil
}

func (s *Store) isOurs(name string) bool {
	clean := filepath.Clean(name)
	for _, p := range s.paths {
		if filepath.Clean(p) == clean {
			return true
		}
	}
	return false
}

func (s *Store) reloadAndNotify() {
	s.mu.Lock()
	before := s.gen
	s.mu.Unlock()
	_, gen := s.Snapshot()
	if gen != before {
		s.notify(gen)
	}
}

// subscribers are channels told of new generations (latest value wins).
type subscribers struct {
	mu   sync.Mutex
	subs map[chan uint64]struct{}
}

// Subscribe returns a channel that receives the generation after every
// change, until ctx ends. Slow receivers only miss intermediate values.
func (s *Store) Subscribe(ctx context.Context) <-chan uint64 {
	ch := make(chan uint64, 1)
	s.subs.mu.Lock()
	if s.subs.subs == nil {
		s.subs.subs = map[chan uint64]struct{}{}
	}
	s.subs.subs[ch] = struct{}{}
	s.subs.mu.Unlock()
	go func() {
		<-ctx.Done()
		s.subs.mu.Lock()
		delete(s.subs.subs, ch)
		s.subs.mu.Unlock()
	}()
	return ch
}

func (s *Store) notify(gen uint64) {
	s.subs.mu.Lock()
	defer s.subs.mu.Unlock()
	for ch := range s.subs.subs {
		select {
		case <-ch:
		default:
		}
		ch <- gen
	}
}
