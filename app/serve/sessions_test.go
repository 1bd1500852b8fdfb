package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestLaunchTokenWorksOnceAndTheNextAddressIsPrinted(t *testing.T) {
	out := &syncBuffer{}
	srv := startWith(t, Options{Out: out}, nil)
	first := srv.URL()

	alice := newBrowser(t, srv)
	alice.signIn(first)
	if got := out.String(); !strings.HasPrefix(got, "Next sign-in address (works once): "+base(srv)+"/?token=") {
		t.Fatalf("after the first sign-in the server printed %q, want the next address", got)
	}
	next := strings.TrimSpace(strings.TrimPrefix(out.String(), "Next sign-in address (works once): "))
	if next == first || srv.URL() != next {
		t.Fatalf("the next address is not a new one (URL() = next: %v, next = first: %v)", srv.URL() == next, next == first)
	}

	// The used address, say from the browser's history, signs no one in.
	mallory := newBrowser(t, srv)
	code, body := mallory.get(first)
	if code != http.StatusUnauthorized || !strings.Contains(body, "already used") {
		t.Errorf("the used address again = %d %q, want 401 saying it was already used", code, body)
	}
	if mallory.session() != nil {
		t.Error("the used address opened a session")
	}

	// The browser that used it opens it again: still signed in, and the
	// next address stays unspent.
	before := alice.session()
	alice.signIn(first)
	if alice.session() != before {
		t.Error("opening the used address in the signed-in browser replaced its session")
	}
	if srv.URL() != next {
		t.Error("opening an address in a signed-in browser spent the next token")
	}

	bob := newBrowser(t, srv)
	bob.signIn(next)
	if bob.session() == nil || bob.session() == alice.session() {
		t.Error("the printed next address gave no session of its own")
	}
	if strings.Count(out.String(), "\n") != 2 {
		t.Errorf("printed %d addresses after two sign-ins, want 2", strings.Count(out.String(), "\n"))
	}
}

func TestFixedTokenStaysReusableAndIsNotReprinted(t *testing.T) {
	out := &syncBuffer{}
	srv := startWith(t, Options{Token: "team-token-0123456789", Out: out}, nil)
	a, b := newBrowser(t, srv), newBrowser(t, srv)
	a.signIn(srv.URL())
	b.signIn(srv.URL())
	if a.session() == nil || b.session() == nil || a.session() == b.session() {
		t.Error("two sign-ins with the fixed token did not give two sessions")
	}
	if out.String() != "" {
		t.Errorf("a fixed token printed %q; it never changes", out.String())
	}
}

func TestShortFixedTokenIsRefused(t *testing.T) {
	_, err := Listen(testOptions(t, Options{Token: "short"}))
	if err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Fatalf("Listen with a 5-character token: %v, want an error asking for 16", err)
	}
}

func TestIdleSessionsEndAndSaySo(t *testing.T) {
	clk, rec := newClock(), &closed{}
	srv := startWith(t, Options{}, seams(clk, rec))
	b := newBrowser(t, srv)
	b.signIn(srv.URL())
	sess := b.session()

	for range 3 { // activity keeps it alive past 30 minutes in all
		clk.Advance(29 * time.Minute)
		if code, _ := b.get(base(srv) + "/"); code != http.StatusOK {
			t.Fatalf("after 29 idle minutes = %d, want 200", code)
		}
	}
	clk.Advance(30 * time.Minute)
	code, body := b.get(base(srv) + "/")
	if code != http.StatusUnauthorized || !strings.Contains(body, "Your session ended after 30 minutes idle.") ||
		!strings.Contains(body, "Open the address again") {
		t.Errorf("after 30 idle minutes = %d %q, want 401 saying it ended after 30 minutes idle", code, body)
	}
	if !rec.has(sess.scope) {
		t.Error("the idle session's terminals and forwards were not closed")
	}
	if code, body := b.get(base(srv) + "/api/call/Version"); code != http.StatusUnauthorized || !strings.Contains(body, `"error":"Your session ended after 30 minutes idle.`) {
		t.Errorf("the API after expiry = %d %q, want 401 with a JSON error saying why", code, body)
	}
}

func TestSessionsEndAfterTheMaximumAgeEvenWhenBusy(t *testing.T) {
	clk, rec := newClock(), &closed{}
	srv := startWith(t, Options{SessionIdle: 10 * time.Minute, SessionMax: time.Hour}, seams(clk, rec))
	b := newBrowser(t, srv)
	b.signIn(srv.URL())
	sess := b.session()
	for range 11 {
		clk.Advance(5 * time.Minute)
		if code, _ := b.get(base(srv) + "/"); code != http.StatusOK {
			t.Fatalf("active session before an hour = %d, want 200", code)
		}
	}
	clk.Advance(5 * time.Minute)
	code, body := b.get(base(srv) + "/")
	if code != http.StatusUnauthorized || !strings.Contains(body, "Your session ended after 1 hour, the longest a session lasts.") {
		t.Errorf("after an hour = %d %q, want 401 saying the session reached its maximum age", code, body)
	}
	if !rec.has(sess.scope) {
		t.Error("the expired session's Commands were not closed")
	}
}

func TestARequestInFlightIsActivity(t *testing.T) {
	clk := newClock()
	s := newSessions(testOptions(t, Options{}).NewSession, 30*time.Minute, 12*time.Hour, 4)
	s.now = clk.Now
	id, err := s.create()
	if err != nil {
		t.Fatal(err)
	}
	sess := s.byID[id]
	s.begin(sess) // an open watch or terminal stream
	clk.Advance(2 * time.Hour)
	s.sweep()
	if s.live() != 1 {
		t.Fatal("a session with a stream open for 2 hours was ended as idle")
	}
	s.done(sess)
	clk.Advance(30 * time.Minute)
	s.sweep()
	if s.live() != 0 {
		t.Error("30 minutes after its last request ended, the session is still live")
	}
}

func TestJanitorClosesExpiredSessionsAndStopsWithTheServer(t *testing.T) {
	clk, rec := newClock(), &closed{}
	ticks := make(chan time.Time)
	srv, err := Listen(testOptions(t, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	seams(clk, rec)(srv)
	srv.ticks = func() (<-chan time.Time, func()) { return ticks, func() {} }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	defer cancel()

	b := newBrowser(t, srv)
	b.signIn(srv.URL())
	sess := b.session()
	clk.Advance(31 * time.Minute)
	ticks <- clk.Now()
	ticks <- clk.Now() // taken only once the first round is over
	if srv.sessions.live() != 0 || !rec.has(sess.scope) {
		t.Fatalf("after a janitor round: %d live sessions, closed: %v; want the idle one gone and closed", srv.sessions.live(), rec.has(sess.scope))
	}
	if err := sess.ctx.Err(); err == nil {
		t.Error("the expired session's context is still live: its streams go on")
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	select {
	case ticks <- clk.Now():
		t.Error("the janitor still runs after Serve returned")
	default:
	}
}

func TestLogoutEndsTheSessionItsStreamsAndItsCookie(t *testing.T) {
	rec := &closed{}
	srv := startWith(t, Options{}, seams(newClock(), rec))
	b := newBrowser(t, srv)
	b.signIn(srv.URL())
	sess := b.session()

	if resp, _ := b.post("/logout", "http://evil.example"); resp.StatusCode != http.StatusForbidden || b.session() == nil {
		t.Fatalf("cross-origin logout = %d (session live: %v), want 403 and the session kept", resp.StatusCode, b.session() != nil)
	}
	if code, _ := b.get(base(srv) + "/logout"); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /logout = %d, want 405", code)
	}
	cookie := "" // kept to replay after the logout
	for _, c := range b.client.Jar.Cookies(mustParse(t, base(srv)+"/")) {
		cookie = c.Value
	}

	resp, body := b.post("/logout", base(srv))
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "You signed out") {
		t.Fatalf("logout = %d %q, want 200 saying so", resp.StatusCode, body)
	}
	if set := resp.Header.Get("Set-Cookie"); !strings.Contains(set, CookieName+"=;") || !strings.Contains(set, "Max-Age=0") {
		t.Errorf("logout Set-Cookie = %q, want the cookie cleared", set)
	}
	if !rec.has(sess.scope) || sess.ctx.Err() == nil {
		t.Error("logout left the session's terminals, forwards or streams running")
	}
	if code, _ := b.get(base(srv) + "/"); code != http.StatusUnauthorized {
		t.Errorf("after logout = %d, want 401", code)
	}
	req, _ := http.NewRequest(http.MethodGet, base(srv)+"/", nil)
	req.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
	replay, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = replay.Body.Close()
	if replay.StatusCode != http.StatusUnauthorized {
		t.Errorf("the old cookie replayed after logout = %d, want 401", replay.StatusCode)
	}
}

func TestEndingASessionCancelsItsRequests(t *testing.T) {
	srv := start(t)
	id, err := srv.sessions.create()
	if err != nil {
		t.Fatal(err)
	}
	srv.sessions.mu.Lock()
	sess := srv.sessions.byID[id]
	srv.sessions.mu.Unlock()
	started, finished := make(chan struct{}), make(chan struct{})
	stream := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done() // a watch stream runs until its context ends
	})
	go func() {
		srv.serveSession(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/api/stream/list", nil), sess, stream)
		close(finished)
	}()
	<-started
	srv.sessions.end(id, endedLogout)
	<-finished // the test times out if the stream outlives its session
}

func TestSessionCapEvictsTheLongestIdleAndRefusesWhenAllAreBusy(t *testing.T) {
	clk, rec := newClock(), &closed{}
	srv := startWith(t, Options{Token: "team-token-0123456789", MaxSessions: 2}, seams(clk, rec))
	a, b, c := newBrowser(t, srv), newBrowser(t, srv), newBrowser(t, srv)
	a.signIn(srv.URL())
	clk.Advance(time.Minute)
	b.signIn(srv.URL())
	clk.Advance(time.Minute)
	a.get(base(srv) + "/") // a is now the more recent one
	evicted := b.session()

	c.signIn(srv.URL())
	if srv.sessions.live() != 2 || a.session() == nil || c.session() == nil || b.session() != nil {
		t.Fatalf("at the cap of 2: %d live, a %v, b %v, c %v; want b (idle longest) evicted", srv.sessions.live(), a.session() != nil, b.session() != nil, c.session() != nil)
	}
	if !rec.has(evicted.scope) {
		t.Error("the evicted session was not closed")
	}
	if code, body := b.get(base(srv) + "/"); code != http.StatusUnauthorized || !strings.Contains(body, "make room for a newer one (this server keeps at most 2)") {
		t.Errorf("the evicted browser = %d %q, want 401 saying why", code, body)
	}

	// Both live sessions have a stream open: nobody is cut off.
	srv.sessions.begin(a.session())
	srv.sessions.begin(c.session())
	d := newBrowser(t, srv)
	code, body := d.get(srv.URL())
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "already has 2 sessions, all of them in use") {
		t.Errorf("sign-in with every session busy = %d %q, want 503 saying the server is full", code, body)
	}
	if srv.sessions.live() != 2 {
		t.Errorf("%d live sessions, want the cap of 2", srv.sessions.live())
	}
}

func TestUnknownSessionCookieSaysSo(t *testing.T) {
	srv := start(t)
	req, _ := http.NewRequest(http.MethodGet, base(srv)+"/", nil)
	req.AddCookie(&http.Cookie{Name: CookieName, Value: "deadbeef"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "not known to this server") {
		t.Errorf("an unknown session cookie = %d %q", resp.StatusCode, body)
	}
}

func TestEndedSessionRecordsAreBounded(t *testing.T) {
	s := newSessions(testOptions(t, Options{}).NewSession, time.Minute, time.Hour, 2)
	for range 50 {
		id, err := s.create()
		if err != nil {
			t.Fatal(err)
		}
		s.end(id, endedLogout)
	}
	if len(s.ended) > 8 || len(s.order) > 8 {
		t.Errorf("remembering %d ended sessions with a cap of 2, want at most 8", len(s.ended))
	}
}

func TestASignInRefusedForAFullServerDoesNotSpendTheToken(t *testing.T) {
	srv := startWith(t, Options{MaxSessions: 1}, nil)
	a := newBrowser(t, srv)
	a.signIn(srv.URL())
	srv.sessions.begin(a.session()) // a has a stream open
	addr := srv.URL()
	b := newBrowser(t, srv)
	if code, _ := b.get(addr); code != http.StatusServiceUnavailable {
		t.Fatalf("sign-in on a full server = %d, want 503", code)
	}
	if srv.URL() != addr {
		t.Fatal("the refused sign-in spent the launch token")
	}
	srv.sessions.done(a.session()) // a's stream ended: a may make room
	b.signIn(addr)
}

func TestASignInFromAnotherSiteLandsSignedIn(t *testing.T) {
	srv := start(t)
	b := newBrowser(t, srv)
	b.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, _ := http.NewRequest(http.MethodGet, srv.URL(), nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site") // a link on a chat page, say
	resp, err := b.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body := readAll(t, resp)
	_ = resp.Body.Close()
	// A SameSite=Strict cookie is not sent on a redirect in a chain that
	// began on another site: the page navigates on its own instead.
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `http-equiv="refresh" content="0;url=/"`) || b.session() == nil {
		t.Errorf("cross-site sign-in = %d %q (session: %v), want a page that moves on to / and a session", resp.StatusCode, body, b.session() != nil)
	}
}
