package cluster

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// stuck is a round trip that, like client-go waiting for an exec plugin,
// ignores the request's context until released.
type stuck struct{ release chan struct{} }

func (s stuck) RoundTrip(*http.Request) (*http.Response, error) {
	<-s.release
	return nil, errors.New("released")
}

func TestARequestEndsAtItsDeadlineWhileTheCredentialPluginHangs(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	rt := &pluginWait{next: stuck{release}, command: "/usr/local/bin/aws"}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://cluster.invalid/version", nil)
	done := make(chan error, 1)
	go func() {
		_, err := rt.RoundTrip(req)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "exec plugin aws has not answered") {
			t.Errorf("error = %v, want the plugin named and the deadline", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not end at its deadline while the plugin hung")
	}
}
