package kubeconfig

import (
	"sync"
)

// Store keeps the current Snapshot of a fixed list of kubeconfig paths and
// reloads it when any of the files changes (created, edited or removed).
type Store struct {
	paths []string

	mu    sync.Mutex
	snap  *Snapshot
	marks []fingerprint
	gen   uint64

	subs subscribers
}

// NewStore returns a store over paths (see Paths).
func NewStore(paths []string) *Store {
	return &Store{paths: paths}
}

// Paths returns the files the store reads, in precedence order.
func (s *Store) Paths() []string { return append([]string(nil), s.paths...) }

// Snapshot returns the current snapshot and its generation, reloading first
// if a file changed since the last load. Generations grow on every reload.
func (s *Store) Snapshot() (*Snapshot, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	marks := make([]fingerprint, len(s.paths))
	for i, p := range s.paths {
		marks[i] = stat(p)
	}
	if s.snap == nil || !equalMarks(marks, s.marks) {
		s.snap = Load(s.paths)
		s.marks = marks
		s.gen++
	}
	return s.snap, s.gen
}

func equalMarks(a, b []fingerprint) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
