package access

import (
	"context"
	"fmt"
	"sync"
	"time"

	authzv1 "k8s.io/api/authorization/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	utilcache "k8s.io/apimachinery/pkg/util/cache"
	"k8s.io/client-go/kubernetes"
)

// TTL is how long an answer is reused: a role granted or taken away shows
// up within it.
const TTL = 60 * time.Second

// MaxEntries bounds the answers kept per connection.
const MaxEntries = 4096

// parallel bounds the reviews in flight per batch.
const parallel = 8

// Check is one question.
type Check struct {
	Verb        string `json:"verb"`
	Group       string `json:"group"`
	Resource    string `json:"resource"`
	Subresource string `json:"subresource,omitempty"`
	Namespace   string `json:"namespace,omitempty"`
	Name        string `json:"name,omitempty"`
}

// Decision is the answer to a Check.
type Decision struct {
	Check
	Allowed bool `json:"allowed"`
	// Reason names the missing permission when not allowed, e.g.
	// "needs: delete pods in team-a".
	Reason string `json:"reason,omitempty"`
}

// Reviewer asks and caches.
type Reviewer struct {
	cs kubernetes.Interface
	// now is the cache's clock (tests move it by hand).
	now   func() time.Time
	cache *utilcache.LRUExpireCache
}

type clockFunc func() time.Time

func (f clockFunc) Now() time.Time { return f() }

// New returns a reviewer asking through cs.
func New(cs kubernetes.Interface) *Reviewer {
	r := &Reviewer{cs: cs, now: time.Now}
	r.cache = utilcache.NewLRUExpireCacheWithClock(MaxEntries, clockFunc(func() time.Time { return r.now() }))
	return r
}

// Review answers every check, from the cache where it can.
func (r *Reviewer) Review(ctx context.Context, checks []Check) ([]Decision, error) {
	out := make([]Decision, len(checks))
	var todo []int
	for i, c := range checks {
		if d, ok := r.cache.Get(c); ok {
			out[i] = d.(Decision)
		} else {
			todo = append(todo, i)
		}
	}

	sem := make(chan struct{}, parallel)
	errs := make([]error, len(checks))
	var wg sync.WaitGroup
	for _, i := range todo {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = r.ask(ctx, checks[i])
		}()
	}
	wg.Wait()
	for _, i := range todo {
		if errs[i] != nil {
			return nil, errs[i]
		}
		r.cache.Add(checks[i], out[i], TTL)
	}
	return out, nil
}

// entries counts the unexpired answers kept.
func (r *Reviewer) entries() int { return len(r.cache.Keys()) }

func (r *Reviewer) ask(ctx context.Context, c Check) (Decision, error) {
	review := &authzv1.SelfSubjectAccessReview{Spec: authzv1.SelfSubjectAccessReviewSpec{
		ResourceAttributes: &authzv1.ResourceAttributes{
			Verb: c.Verb, Group: c.Group, Resource: c.Resource, Subresource: c.Subresource,
			Namespace: c.Namespace, Name: c.Name,
		},
	}}
	res, err := r.cs.AuthorizationV1().SelfSubjectAccessReviews().Create(ctx, review, metav1.CreateOptions{})
	if err != nil {
		return Decision{}, fmt.Errorf("access review %s %s: %w", c.Verb, c.Resource, err)
	}
	d := Decision{Check: c, Allowed: res.Status.Allowed}
	if !d.Allowed {
		d.Reason = Needs(c)
	}
	return d, nil
}

// Needs names the permission a check asks for, as a person would say it.
func Needs(c Check) string {
	res := c.Resource
	if c.Subresource != "" {
		res += "/" + c.Subresource
	}
	if c.Group != "" {
		res += "." + c.Group
	}
	where := " cluster-wide"
	if c.Namespace != "" {
		where = " in " + c.Namespace
	}
	return "needs: " + c.Verb + " " + res + where
}
