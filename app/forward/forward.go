package forward

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/util/httpstream"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/portforward"
	"k8s.io/client-go/transport/spdy"

	"github.com/kubedeck/kubedeck/app/internal/wait"
)

// Request says what to forward.
type Request struct {
	Context   string `json:"context"`
	Namespace string `json:"namespace"`
	// Kind is "pod" or "service".
	Kind string `json:"kind"`
	Name string `json:"name"`
	// Port is the pod or service port: a number or a port name.
	Port string `json:"port"`
	// LocalPort is the local port; 0 picks a free one.
	LocalPort int `json:"localPort"`
}

// State is whether a forward runs: active, or failed (see its Message).
type State string

// Forward states.
const (
	StateActive State = "active"
	StateFailed State = "failed"
)

// Forward is one running (or ended) forward.
type Forward struct {
	ID        string  `json:"id"`
	Request   Request `json:"request"`
	Pod       string  `json:"pod"`
	PodPort   int     `json:"podPort"`
	LocalPort int     `json:"localPort"`
	URL       string  `json:"url"`
	State     State   `json:"state"`
	Message   string  `json:"message,omitempty"`
	Started   string  `json:"started"`

	stop chan struct{}
}

// maxActive bounds the forwards one Manager runs (active and starting);
// maxFailed bounds the failed ones it keeps listed (the oldest go first).
const (
	maxActive = 64
	maxFailed = 16
)

// Manager owns the forwards of one user scope.
type Manager struct {
	mu       sync.Mutex
	forwards map[string]*Forward
	starting int // forwards between reserve and their first answer
	max      int
}

// NewManager returns an empty manager.
func NewManager() *Manager { return &Manager{forwards: map[string]*Forward{}, max: maxActive} }

// reserve takes a place for a forward about to start.
func (m *Manager) reserve() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.active()+m.starting >= m.max {
		return fmt.Errorf("too many port-forwards (%d): stop one first", m.max)
	}
	m.starting++
	return nil
}

func (m *Manager) active() int {
	n := 0
	for _, f := range m.forwards {
		if f.State == StateActive {
			n++
		}
	}
	return n
}

// Start resolves the target and starts forwarding; it returns once the
// local port listens.
func (m *Manager) Start(ctx context.Context, cfg *rest.Config, cs kubernetes.Interface, r Request) (Forward, error) {
	if err := m.reserve(); err != nil {
		return Forward{}, err
	}
	f, err := m.start(ctx, cfg, cs, r)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.starting--
	if err != nil {
		return Forward{}, err
	}
	if f.State != StateActive { // ended before it was listed
		return Forward{}, errors.New(f.Message)
	}
	m.forwards[f.ID] = f
	go m.watchPod(cs, f)
	return *f, nil
}

func (m *Manager) start(ctx context.Context, cfg *rest.Config, cs kubernetes.Interface, r Request) (*Forward, error) {
	pod, port, err := resolve(ctx, cs, r)
	if err != nil {
		return nil, err
	}
	url := cs.CoreV1().RESTClient().Post().Resource("pods").Namespace(r.Namespace).Name(pod).SubResource("portforward").URL()
	dialer, err := dialer(cfg, url.String())
	if err != nil {
		return nil, err
	}
	f := &Forward{ID: randomID(), Request: r, Pod: pod, PodPort: port, State: StateActive,
		Started: time.Now().UTC().Format(time.RFC3339), stop: make(chan struct{})}
	ready := make(chan struct{})
	errOut := &lastLine{}
	pf, err := portforward.NewOnAddresses(dialer, []string{"127.0.0.1"}, []string{fmt.Sprintf("%d:%d", r.LocalPort, port)}, f.stop, ready, io.Discard, errOut)
	if err != nil {
		return nil, fmt.Errorf("port-forward: %w", err)
	}
	failed := make(chan error, 1)
	go func() {
		err := pf.ForwardPorts()
		if err == nil {
			err = errOut.err()
		}
		m.ended(f, err)
		failed <- err
	}()
	select {
	case <-ready:
	case err := <-failed:
		return nil, describe(r, err)
	case <-time.After(15 * time.Second):
		m.stopForward(f)
		return nil, errors.New("port-forward: the local port did not open within 15 s")
	}
	ports, err := pf.GetPorts()
	if err != nil || len(ports) == 0 {
		m.stopForward(f)
		return nil, fmt.Errorf("port-forward: %v", err)
	}
	m.mu.Lock()
	f.LocalPort = int(ports[0].Local)
	f.URL = fmt.Sprintf("http://127.0.0.1:%d/", f.LocalPort)
	m.mu.Unlock()
	return f, nil
}

// watchPod ends the forward, with the reason, when its pod is deleted: the
// forward could not reach anything any more (and some runtimes would keep
// answering, hiding that).
func (m *Manager) watchPod(cs kubernetes.Interface, f *Forward) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-f.stop
		cancel()
	}()
	for ctx.Err() == nil {
		w, err := cs.CoreV1().Pods(f.Request.Namespace).Watch(ctx, metav1.ListOptions{
			FieldSelector: fields.OneTermEqualSelector("metadata.name", f.Pod).String(),
		})
		if err != nil {
			if !wait.Sleep(ctx, 2*time.Second) {
				return
			}
			continue
		}
		gone := podGone(w)
		w.Stop()
		if gone {
			m.fail(f, fmt.Sprintf("pod %s went away; start the forward again to reach another pod", f.Pod))
			return
		}
	}
}

// podGone reads a pod's watch until the pod is deleted (true) or the watch
// ends (false).
func podGone(w watch.Interface) bool {
	for ev := range w.ResultChan() {
		p, ok := ev.Object.(*corev1.Pod)
		if ev.Type == watch.Deleted || (ok && p.DeletionTimestamp != nil) {
			return true
		}
	}
	return false
}

// fail stops an active forward and marks it failed with msg.
func (m *Manager) fail(f *Forward, msg string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if f.State != StateActive {
		return
	}
	f.State, f.Message = StateFailed, msg
	closeStop(f)
	m.pruneFailed()
}

// stopForward ends a forward that is not listed (yet).
func (m *Manager) stopForward(f *Forward) {
	m.mu.Lock()
	defer m.mu.Unlock()
	closeStop(f)
}

// closeStop ends a forward's port-forward and its pod watch; m.mu is held.
func closeStop(f *Forward) {
	select {
	case <-f.stop:
	default:
		close(f.stop)
	}
}

// pruneFailed drops the oldest failed forwards beyond maxFailed; m.mu is held.
func (m *Manager) pruneFailed() {
	var failed []*Forward
	for _, f := range m.forwards {
		if f.State == StateFailed {
			failed = append(failed, f)
		}
	}
	if len(failed) <= maxFailed {
		return
	}
	slices.SortFunc(failed, func(a, b *Forward) int { return strings.Compare(a.Started+a.ID, b.Started+b.ID) })
	for _, f := range failed[:len(failed)-maxFailed] {
		delete(m.forwards, f.ID)
	}
}

func dialer(cfg *rest.Config, url string) (httpstream.Dialer, error) {
	u, err := parse(url)
	if err != nil {
		return nil, err
	}
	transport, upgrader, err := spdy.RoundTripperFor(cfg)
	if err != nil {
		return nil, fmt.Errorf("port-forward: %w", err)
	}
	spdyDialer := spdy.NewDialer(upgrader, &http.Client{Transport: transport}, http.MethodPost, u)
	ws, err := portforward.NewSPDYOverWebsocketDialer(u, cfg)
	if err != nil {
		return nil, fmt.Errorf("port-forward: %w", err)
	}
	return portforward.NewFallbackDialer(ws, spdyDialer, func(err error) bool {
		return httpstream.IsUpgradeFailure(err) || httpstream.IsHTTPSProxyError(err)
	}), nil
}

// describe makes the usual failures readable.
func describe(r Request, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if containsAny(msg, "address already in use", "bind:", "unable to listen on any of the requested ports") {
		return fmt.Errorf("local port %d is in use: choose another or let Kubedeck pick a free one", r.LocalPort)
	}
	return fmt.Errorf("port-forward to %s %s: %w", r.Kind, r.Name, err)
}

func (m *Manager) ended(f *Forward, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if f.State == StateFailed {
		return // already failed with its reason
	}
	select {
	case <-f.stop:
		delete(m.forwards, f.ID) // stopped on purpose
		return
	default:
	}
	f.State = StateFailed
	f.Message = "the forward ended"
	if err != nil {
		f.Message = describe(f.Request, err).Error()
	}
	closeStop(f) // its pod watch too
	m.pruneFailed()
}

// List returns every forward, oldest first.
func (m *Manager) List() []Forward {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Forward, 0, len(m.forwards))
	for _, f := range m.forwards {
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b Forward) int {
		if a.Started != b.Started {
			if a.Started < b.Started {
				return -1
			}
			return 1
		}
		if a.ID < b.ID {
			return -1
		}
		return 1
	})
	return out
}

// Stop ends a forward (or forgets a failed one).
func (m *Manager) Stop(id string) error {
	m.mu.Lock()
	f, ok := m.forwards[id]
	delete(m.forwards, id)
	m.mu.Unlock()
	if !ok {
		return fmt.Errorf("no port-forward %q", id)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	closeStop(f)
	return nil
}

// Close stops every forward (app exit).
func (m *Manager) Close() {
	for _, f := range m.List() {
		_ = m.Stop(f.ID)
	}
}

func randomID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// lastLine keeps the last error line portforward writes.
type lastLine struct {
	mu   sync.Mutex
	line string
}

func (l *lastLine) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.line = string(p)
	return len(p), nil
}

func (l *lastLine) err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.line == "" {
		return nil
	}
	return errors.New(l.line)
}
