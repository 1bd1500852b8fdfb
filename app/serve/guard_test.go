package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// A form POST under Referrer-Policy no-referrer carries "Origin: null": the
// browser's own Sec-Fetch-Site decides whether it came from this server's
// page (the Sign out button) or from anywhere else.
func TestNullOriginIsSameOriginOnlyWhenTheBrowserSaysSo(t *testing.T) {
	srv := start(t)
	reached := false
	h := srv.checkHostAndOrigin(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached = true }))
	for _, tc := range []struct {
		site string
		want bool
	}{
		{"same-origin", true},
		{"same-site", false},
		{"cross-site", false},
		{"none", false},
		{"", false},
	} {
		reached = false
		req := httptest.NewRequest(http.MethodPost, "/logout", nil)
		req.Host = srv.publicHost()
		req.Header.Set("Origin", "null")
		if tc.site != "" {
			req.Header.Set("Sec-Fetch-Site", tc.site)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if reached != tc.want {
			t.Errorf("Origin null, Sec-Fetch-Site %q: passed %v (status %d), want %v", tc.site, reached, rec.Code, tc.want)
		}
	}
}
