// Package access answers "may this user do that?" with
// SelfSubjectAccessReviews, asked in parallel and cached per connection (a
// connection carries one identity; signing in or out makes a new one, so the
// cache is dropped with it). The UI uses it to disable forbidden actions
// with the missing permission named, and to mark kinds the user cannot list.
package access

import (
	"context"
	"fmt"
	"sync"
	"time"

	authzv1 "k8s.io/api/authorization/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// TTL is how long an answer is reused.
const TTL = 2 * time.Minute

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
	cs  kubernetes.Interface
	now func() time.Time

	mu    sync.Mutex
	cache map[Check]cached
}

type cached struct {
	d   Decision
	exp time.Time
}

// New returns a reviewer asking through cs.
func New(cs kubernetes.Interface) *Reviewer {
	return &Reviewer{cs: cs, now: time.Now, cache: map[Check]cached{}}
}

// Review answers every check, from the cache where it can.
func (r *Reviewer) Review(ctx context.Context, checks []Check) ([]Decision, error) {
	out := make([]Decision, len(checks))
	var todo []int
	r.mu.Lock()
	now := r.now()
	for i, c := range checks {
		if e, ok := r.cache[c]; ok && now.Before(e.exp) {
			out[i] = e.d
		} else {
			todo = append(todo, i)
		}
	}
	r.mu.Unlock()

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
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, i := range todo {
		if errs[i] != nil {
			return nil, errs[i]
		}
		r.cache[checks[i]] = cached{d: out[i], exp: now.Add(TTL)}
	}
	return out, nil
}

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
