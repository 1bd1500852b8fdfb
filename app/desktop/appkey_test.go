package desktop

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

var keyAssets = fstest.MapFS{
	"index.html":    {Data: []byte(`<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Kubedeck</title></head><body><div id="root"></div></body></html>`)},
	"assets/app.js": {Data: []byte(`app`)},
}

const appKey = "k3y0000000000000000000000000000000000000000000000000000000000000"

// keyed runs one request through keyMiddleware in front of a handler that
// answers 200 "next".
func keyed(t *testing.T, method, path, key string) *httptest.ResponseRecorder {
	t.Helper()
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("next")) })
	req := httptest.NewRequest(method, path, nil)
	if key != "" {
		req.Header.Set(KeyHeader, key)
	}
	rec := httptest.NewRecorder()
	keyMiddleware(appKey, keyAssets, next).ServeHTTP(rec, req)
	return rec
}

func TestAPIRequestsNeedTheAppKey(t *testing.T) {
	for _, tc := range []struct {
		method, path, key string
		want              int
	}{
		{"POST", "/api/call/RevealSecret", "", http.StatusForbidden},
		{"POST", "/api/call/SetReadOnly", "wrong", http.StatusForbidden},
		{"POST", "/api/call/ApprovePlugin", appKey[:len(appKey)-1], http.StatusForbidden},
		{"GET", "/api/stream/object?context=c&version=v1&resource=secrets&namespace=n&name=x", "", http.StatusForbidden},
		{"POST", "/api/stream/cancel?id=x", "", http.StatusForbidden},
		{"POST", SavePath + "?name=x", "", http.StatusForbidden},
		{"GET", "/api/plugins/hello/main.js", "", http.StatusForbidden},
		{"POST", "/api/call/Version", appKey, http.StatusOK},
		{"GET", "/api/stream/contexts", appKey, http.StatusOK},
		{"GET", "/plugin-frame/0123/", "", http.StatusOK},
		{"GET", "/plugin-frame/0123/plugin/main.js", "", http.StatusOK},
		{"GET", "/assets/app.js", "", http.StatusOK},
	} {
		rec := keyed(t, tc.method, tc.path, tc.key)
		if rec.Code != tc.want {
			t.Errorf("%s %s (key %q) = %d %q, want %d", tc.method, tc.path, tc.key, rec.Code, rec.Body.String(), tc.want)
		}
		if tc.want == http.StatusForbidden && (rec.Body.String() == "next" || !strings.Contains(rec.Body.String(), KeyHeader)) {
			t.Errorf("%s %s: refusal %q", tc.method, tc.path, rec.Body.String())
		}
	}
}

func TestIndexCarriesTheAppKey(t *testing.T) {
	for _, path := range []string{"/", "/index.html"} {
		rec := keyed(t, "GET", path, "")
		want := `<head><meta name="kubedeck-key" content="` + appKey + `"><meta charset="UTF-8">`
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s = %d %q, want the key first in <head>", path, rec.Code, rec.Body.String())
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") || rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s headers %v", path, rec.Header())
		}
	}
}

func TestAppKeysAreRandomPerLaunch(t *testing.T) {
	a, err := newAppKey()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newAppKey()
	if len(a) != 64 || a == b {
		t.Errorf("keys %q, %q", a, b)
	}
	if validKey("", "") {
		t.Error("an empty key opened the API")
	}
}

func TestPageScheme(t *testing.T) {
	if pageScheme("linux") != "wails" || pageScheme("darwin") != "wails" || pageScheme("windows") != "http" {
		t.Error("page schemes")
	}
}
