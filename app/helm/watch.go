package helm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

// Settle is how long changes are gathered before they are sent: an upgrade
// that writes two records sends one change.
const Settle = 100 * time.Millisecond

// MaxNamespaces bounds the namespaces one watch follows.
const MaxNamespaces = 32

// Update is what Watch sends: the whole list (Full, once synced), then the
// releases that changed and the keys of those gone.
type Update struct {
	Full     bool
	Releases []Release
	Deleted  []string
}

// Problem is a storage collection Watch cannot follow. Retrying problems
// (a dropped watch) heal by themselves; the others (Forbidden) are not
// tried again, and Message names the permission needed.
type Problem struct {
	Namespace string `json:"namespace"`
	Driver    string `json:"driver"`
	Message   string `json:"message"`
	Status    int    `json:"status"`
	Retrying  bool   `json:"retrying"`
	// Readable lists, when the user may not list a driver's records in
	// every namespace, the namespaces where it may: they are followed
	// instead (Partial). New namespaces are not picked up.
	Readable []string `json:"readable"`
	Partial  bool     `json:"partial"`
}

// Sink receives a watch's updates and problems, from one goroutine.
type Sink struct {
	Update  func(Update) error
	Problem func(Problem) error
}

// source is one collection followed: a driver's objects in a scope.
type source struct {
	namespace string // "" for all namespaces
	driver    string
}

// Watch follows the releases in namespaces (none: all namespaces) until
// ctx ends (nil) or the sink fails (its error).
func Watch(ctx context.Context, cs kubernetes.Interface, namespaces []string, sink Sink) error {
	if len(namespaces) > MaxNamespaces {
		return fmt.Errorf("at most %d namespaces at once", MaxNamespaces)
	}
	scopes := namespaces
	if len(scopes) == 0 {
		scopes = []string{metav1.NamespaceAll}
	}
	var sources []source
	for _, ns := range scopes {
		sources = append(sources, source{ns, DriverSecret}, source{ns, DriverConfigMap})
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st := newState()
	allowed, refused := probe(ctx, cs, sources)
	if len(namespaces) == 0 {
		allowed, refused = narrow(ctx, cs, allowed, refused)
	}
	for _, p := range refused {
		if err := sink.Problem(p); err != nil {
			return err
		}
	}
	problems := make(chan Problem, 8)
	var synced []cache.InformerSynced
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, src := range allowed {
		inf, err := informer(cs, src, st, problems)
		if err != nil {
			return err
		}
		synced = append(synced, inf.HasSynced)
		wg.Add(1)
		go func() { defer wg.Done(); inf.RunWithContext(ctx) }()
	}
	if !waitSynced(ctx, synced) {
		return nil
	}
	if err := sink.Update(Update{Full: true, Releases: st.all()}); err != nil {
		return err
	}
	return follow(ctx, st, problems, sink)
}

// syncPoll is how often waitSynced looks: client-go's WaitForCacheSync
// looks every 100 ms, which would be most of the first rows' time.
const syncPoll = 2 * time.Millisecond

// waitSynced waits until every informer has listed (true) or ctx ends.
func waitSynced(ctx context.Context, synced []cache.InformerSynced) bool {
	t := time.NewTicker(syncPoll)
	defer t.Stop()
	for {
		all := true
		for _, s := range synced {
			all = all && s()
		}
		if all {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
		}
	}
}

// follow sends the settled changes and the problems as they come.
func follow(ctx context.Context, st *state, problems <-chan Problem, sink Sink) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case p := <-problems:
			if err := sink.Problem(p); err != nil {
				return err
			}
		case <-st.changed:
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(Settle):
			}
			up, gone := st.takeChanges()
			if len(up) == 0 && len(gone) == 0 {
				continue
			}
			if err := sink.Update(Update{Releases: up, Deleted: gone}); err != nil {
				return err
			}
		}
	}
}

// probe sorts the sources into those the user may list and problems for
// the others, asking the server for one object of each, all at once.
func probe(ctx context.Context, cs kubernetes.Interface, sources []source) (allowed []source, refused []Problem) {
	errs := make([]error, len(sources))
	sem := make(chan struct{}, maxParallelGets)
	var wg sync.WaitGroup
	for i, src := range sources {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			opts := metav1.ListOptions{LabelSelector: labelOwner + "=" + ownerHelm, Limit: 1}
			if src.driver == DriverSecret {
				_, errs[i] = cs.CoreV1().Secrets(src.namespace).List(ctx, opts)
			} else {
				_, errs[i] = cs.CoreV1().ConfigMaps(src.namespace).List(ctx, opts)
			}
		}()
	}
	wg.Wait()
	for i, src := range sources {
		if errs[i] == nil {
			allowed = append(allowed, src)
			continue
		}
		refused = append(refused, problemOf(src, errs[i], false))
	}
	return allowed, refused
}

func problemOf(src source, err error, retrying bool) Problem {
	p := Problem{Namespace: src.namespace, Driver: src.driver, Message: err.Error(), Retrying: retrying, Status: http.StatusBadGateway}
	var st apierrors.APIStatus
	if errors.As(err, &st) {
		p.Status = int(st.Status().Code)
	}
	if apierrors.IsForbidden(err) {
		where := "in " + src.namespace
		if src.namespace == "" {
			where = "cluster-wide"
		}
		kind := "secrets"
		if src.driver == DriverConfigMap {
			kind = "configmaps"
		}
		p.Message = fmt.Sprintf("Helm keeps its releases in %s: needs list %s %s", kind, kind, where)
	}
	return p
}

// helmOnly lists and watches the objects labelled owner=helm.
func helmOnly[L runtime.Object](list func(context.Context, metav1.ListOptions) (L, error), watchFn func(context.Context, metav1.ListOptions) (watch.Interface, error)) *cache.ListWatch {
	sel := func(o metav1.ListOptions) metav1.ListOptions {
		o.LabelSelector = labelOwner + "=" + ownerHelm
		return o
	}
	return &cache.ListWatch{
		ListWithContextFunc:  func(ctx context.Context, o metav1.ListOptions) (runtime.Object, error) { return list(ctx, sel(o)) },
		WatchFuncWithContext: func(ctx context.Context, o metav1.ListOptions) (watch.Interface, error) { return watchFn(ctx, sel(o)) },
	}
}

// informer follows one source into st. Each object is reduced to its
// revision as it arrives (the Transform), so the cache holds no release
// data.
func informer(cs kubernetes.Interface, src source, st *state, problems chan<- Problem) (cache.SharedIndexInformer, error) {
	var lw *cache.ListWatch
	var obj runtime.Object
	if src.driver == DriverSecret {
		c := cs.CoreV1().Secrets(src.namespace)
		obj, lw = &corev1.Secret{}, helmOnly(c.List, c.Watch)
	} else {
		c := cs.CoreV1().ConfigMaps(src.namespace)
		obj, lw = &corev1.ConfigMap{}, helmOnly(c.List, c.Watch)
	}
	inf := cache.NewSharedIndexInformer(lw, obj, 0, cache.Indexers{})
	if err := inf.SetTransform(reduce(src.driver)); err != nil {
		return nil, fmt.Errorf("watch %s records: %w", src.driver, err)
	}
	if err := inf.SetWatchErrorHandlerWithContext(func(_ context.Context, _ *cache.Reflector, err error) {
		select { // one report in flight is enough: the reflector retries with backoff
		case problems <- problemOf(src, err, true):
		default:
		}
	}); err != nil {
		return nil, fmt.Errorf("watch %s records: %w", src.driver, err)
	}
	_, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(o any) { st.put(o) },
		UpdateFunc: func(_, o any) { st.put(o) },
		DeleteFunc: func(o any) { st.remove(o) },
	})
	if err != nil {
		return nil, fmt.Errorf("watch %s records: %w", src.driver, err)
	}
	return inf, nil
}
