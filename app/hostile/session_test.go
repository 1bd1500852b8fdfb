package hostile

import (
	"context"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/app/serve"
)

// setDuration sets a time.Duration field of serve.Options by name. The
// session expiry options are item 4 of issue 11: until they exist this
// fails, saying so (a reference by name would not compile).
func setDuration(t *testing.T, o *serve.Options, field string, d time.Duration) {
	t.Helper()
	f := reflect.ValueOf(o).Elem().FieldByName(field)
	if !f.IsValid() || f.Type() != reflect.TypeFor[time.Duration]() || !f.CanSet() {
		t.Fatalf("serve.Options has no %s time.Duration: sessions cannot be given an expiry (issue 11 item 4)", field)
	}
	f.SetInt(int64(d))
}

func versionCall(t *testing.T, sh *shell) answer {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, sh.base+"/api/call/Version", strings.NewReader("[]"))
	req.Header.Set("Origin", sh.base)
	return do(context.Background(), sh.client, req)
}

func wantExpired(t *testing.T, sh *shell, why string) {
	t.Helper()
	for _, target := range []string{"/api/call/Version", "/api/stream/contexts"} {
		method := http.MethodGet
		if strings.HasPrefix(target, "/api/call/") {
			method = http.MethodPost
		}
		req, _ := http.NewRequest(method, sh.base+target, strings.NewReader("[]"))
		req.Header.Set("Origin", sh.base)
		a := do(context.Background(), sh.client, req)
		if a.status != http.StatusUnauthorized || a.errorMessage() == "" {
			t.Errorf("%s after %s = %d %q, want 401 with a message", target, why, a.status, clip(a.body))
		}
	}
}

// TestIdleSessionExpires: a session unused for longer than its idle
// expiry is refused, with a clear 401.
func TestIdleSessionExpires(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "none")
	sh, _, _ := startBrowserShell(t, cfg, (&logBuffer{}).logger(), extras{}, func(o *serve.Options) {
		setDuration(t, o, "SessionIdle", time.Second)
	})
	if a := versionCall(t, sh); a.status != http.StatusOK {
		t.Fatalf("a fresh session: %d %q", a.status, clip(a.body))
	}
	time.Sleep(2500 * time.Millisecond)
	wantExpired(t, sh, "2.5 s idle (idle expiry 1 s)")
}

// TestSessionExpiresAtItsMaximumAge: a session in constant use still ends
// at its absolute expiry.
func TestSessionExpiresAtItsMaximumAge(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "none")
	sh, _, _ := startBrowserShell(t, cfg, (&logBuffer{}).logger(), extras{}, func(o *serve.Options) {
		setDuration(t, o, "SessionMax", 2*time.Second)
	})
	start := time.Now()
	for time.Since(start) < 3*time.Second {
		if a := versionCall(t, sh); a.status != http.StatusOK && time.Since(start) < 1500*time.Millisecond {
			t.Fatalf("the session ended after %s, before its maximum age of 2 s: %d", time.Since(start), a.status)
		}
		time.Sleep(300 * time.Millisecond)
	}
	wantExpired(t, sh, "3 s in use (maximum age 2 s)")
}
