package terminal

import (
	"strings"
	"sync"
	"testing"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// Starts at the same moment may not pass the limit together: the check and
// the insertion are one step. (The sessions' commands fail at once, as no
// server listens, but an ended session stays until its output is read.)
func TestConcurrentStartsKeepTheLimit(t *testing.T) {
	cfg := &rest.Config{Host: "https://127.0.0.1:1"}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	m := NewManager()
	defer m.Close()
	const tries = 4 * maxSessions
	var (
		wg      sync.WaitGroup
		start   = make(chan struct{})
		mu      sync.Mutex
		started int
		refused int
	)
	for range tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, err := m.Start(cfg, cs, Request{Namespace: "ns", Pod: "p", Command: []string{"sh"}})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				started++
			case strings.Contains(err.Error(), "too many open terminals"):
				refused++
			default:
				t.Errorf("start: %v", err)
			}
		}()
	}
	close(start)
	wg.Wait()
	if started != maxSessions || refused != tries-maxSessions {
		t.Errorf("%d started and %d refused, want %d and %d", started, refused, maxSessions, tries-maxSessions)
	}
	m.mu.Lock()
	n := len(m.sessions)
	m.mu.Unlock()
	if n != maxSessions {
		t.Errorf("%d sessions kept, the limit is %d", n, maxSessions)
	}
}
