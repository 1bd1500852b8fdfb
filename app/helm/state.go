package helm

import (
	"cmp"
	"slices"
	"sync"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/tools/cache"
)

// record is a storage object reduced to what the list needs: the
// informer's cache keeps these, never the release data.
type record struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	rev   revision
	valid bool // a Helm record (owner=helm, a name and a version)
}

// DeepCopyObject makes record a runtime.Object; its fields are values.
func (r *record) DeepCopyObject() runtime.Object { c := *r; return &c }

// reduce is the informers' Transform: a Secret or ConfigMap becomes its
// record as it arrives.
func reduce(driver string) cache.TransformFunc {
	return func(o any) (any, error) {
		var meta metav1.ObjectMeta
		var data []byte
		switch t := o.(type) {
		case *corev1.Secret:
			meta, data = t.ObjectMeta, t.Data[dataKey]
		case *corev1.ConfigMap:
			meta, data = t.ObjectMeta, []byte(t.Data[dataKey])
		default: // already reduced, or a tombstone
			return o, nil
		}
		rev, ok := revisionOf(meta.Namespace, meta.Labels, data, driver)
		return &record{
			ObjectMeta: metav1.ObjectMeta{Name: meta.Name, Namespace: meta.Namespace, ResourceVersion: meta.ResourceVersion, UID: meta.UID},
			rev:        rev, valid: ok,
		}, nil
	}
}

// state is the releases Watch knows, built from the records of every
// source, and which releases changed since they were last sent.
type state struct {
	mu        sync.Mutex
	records   map[string]revision            // by storage key
	byRelease map[string]map[string]struct{} // release key -> storage keys
	dirty     map[string]struct{}
	sent      map[string]struct{} // releases the sink knows
	changed   chan struct{}
}

func newState() *state {
	return &state{
		records: map[string]revision{}, byRelease: map[string]map[string]struct{}{},
		dirty: map[string]struct{}{}, sent: map[string]struct{}{}, changed: make(chan struct{}, 1),
	}
}

func storageKey(r *record) string { return r.rev.driver + "/" + r.Namespace + "/" + r.Name }

func releaseKey(namespace, name string) string {
	return Release{Namespace: namespace, Name: name}.Key()
}

func asRecord(o any) (*record, bool) {
	if t, ok := o.(cache.DeletedFinalStateUnknown); ok {
		o = t.Obj
	}
	r, ok := o.(*record)
	return r, ok && r.valid
}

func (s *state) put(o any) {
	r, ok := asRecord(o)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sk, rk := storageKey(r), releaseKey(r.rev.namespace, r.rev.name)
	s.records[sk] = r.rev
	if s.byRelease[rk] == nil {
		s.byRelease[rk] = map[string]struct{}{}
	}
	s.byRelease[rk][sk] = struct{}{}
	s.mark(rk)
}

func (s *state) remove(o any) {
	r, ok := asRecord(o)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sk, rk := storageKey(r), releaseKey(r.rev.namespace, r.rev.name)
	delete(s.records, sk)
	delete(s.byRelease[rk], sk)
	if len(s.byRelease[rk]) == 0 {
		delete(s.byRelease, rk)
	}
	s.mark(rk)
}

// mark notes a changed release; s.mu is held.
func (s *state) mark(rk string) {
	s.dirty[rk] = struct{}{}
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// release is the list row of rk from its newest revision; s.mu is held.
func (s *state) release(rk string) (Release, bool) {
	keys := s.byRelease[rk]
	if len(keys) == 0 {
		return Release{}, false
	}
	var newest revision
	for k := range keys {
		if r := s.records[k]; r.version > newest.version {
			newest = r
		}
	}
	out := Release{Name: newest.name, Namespace: newest.namespace, Revision: newest.version,
		Status: newest.status, Driver: newest.driver, Revisions: len(keys)}
	if sum := newest.sum; sum != nil {
		out.Chart, out.ChartVersion, out.AppVersion = sum.Chart, sum.ChartVersion, sum.AppVersion
		out.Updated, out.Description = sum.Updated, sum.Description
		if out.Status == "" {
			out.Status = sum.Status
		}
	} else if newest.err != nil {
		out.Description = newest.err.Error()
	}
	return out, true
}

// all is every release, by namespace and name; everything counts as sent.
func (s *state) all() []Release {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Release, 0, len(s.byRelease))
	for rk := range s.byRelease {
		if r, ok := s.release(rk); ok {
			out = append(out, r)
			s.sent[rk] = struct{}{}
		}
	}
	clear(s.dirty)
	slices.SortFunc(out, func(a, b Release) int {
		return cmp.Or(cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// takeChanges returns the releases changed since the last call and the
// keys of the sent ones that are gone.
func (s *state) takeChanges() (up []Release, gone []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for rk := range s.dirty {
		if r, ok := s.release(rk); ok {
			up = append(up, r)
			s.sent[rk] = struct{}{}
		} else if _, was := s.sent[rk]; was {
			gone = append(gone, rk)
			delete(s.sent, rk)
		}
	}
	clear(s.dirty)
	return up, gone
}
