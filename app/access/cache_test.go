package access

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	authzv1 "k8s.io/api/authorization/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) step(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fakeServer answers every SelfSubjectAccessReview with allowed and counts them.
type fakeServer struct {
	allowed atomic.Bool
	asked   atomic.Int64
}

func (s *fakeServer) reviewer(clock *fakeClock) *Reviewer {
	cs := fake.NewClientset()
	cs.PrependReactor("create", "selfsubjectaccessreviews", func(a k8stesting.Action) (bool, runtime.Object, error) {
		s.asked.Add(1)
		review := a.(k8stesting.CreateAction).GetObject().(*authzv1.SelfSubjectAccessReview)
		review.Status.Allowed = s.allowed.Load()
		return true, review, nil
	})
	r := New(cs)
	r.now = clock.Now
	return r
}

func TestAnswersExpireSoRBACChangesShow(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_000_000, 0)}
	srv := &fakeServer{}
	r := srv.reviewer(clock)
	check := []Check{{Verb: "delete", Resource: "pods", Namespace: "team-a"}}
	ask := func() bool {
		t.Helper()
		d, err := r.Review(context.Background(), check)
		if err != nil {
			t.Fatal(err)
		}
		return d[0].Allowed
	}
	if ask() {
		t.Fatal("allowed before the role was granted")
	}
	srv.allowed.Store(true) // an admin grants the role
	clock.step(30 * time.Second)
	if ask() || srv.asked.Load() != 1 {
		t.Fatalf("within the TTL the cached answer is used: asked %d times", srv.asked.Load())
	}
	clock.step(31 * time.Second)
	if !ask() {
		t.Error("61 s after the first answer the grant still does not show")
	}
	if srv.asked.Load() != 2 {
		t.Errorf("asked %d times, want 2", srv.asked.Load())
	}
}

func TestCacheKeepsAtMostMaxEntriesAndEvictsTheLeastRecentlyUsed(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1_000_000, 0)}
	srv := &fakeServer{}
	r := srv.reviewer(clock)
	checks := make([]Check, MaxEntries+50)
	for i := range checks {
		checks[i] = Check{Verb: "get", Resource: "pods", Namespace: "ns", Name: fmt.Sprintf("pod-%d", i)}
	}
	for start := 0; start < len(checks); start += 200 {
		if _, err := r.Review(context.Background(), checks[start:min(start+200, len(checks))]); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.entries(); n > MaxEntries {
		t.Errorf("cache holds %d answers, more than %d", n, MaxEntries)
	}
	asked := srv.asked.Load()
	// The newest answer is still cached; the oldest was evicted and is asked again.
	if _, err := r.Review(context.Background(), checks[len(checks)-1:]); err != nil || srv.asked.Load() != asked {
		t.Errorf("the newest answer was asked again (err %v)", err)
	}
	if _, err := r.Review(context.Background(), checks[:1]); err != nil || srv.asked.Load() != asked+1 {
		t.Errorf("the least recently used answer was not evicted (err %v)", err)
	}
}
