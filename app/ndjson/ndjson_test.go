package ndjson

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
)

// plainWriter has no Flush, like the Wails AssetServer's response writer.
type plainWriter struct {
	h    http.Header
	body bytes.Buffer
}

func (p *plainWriter) Header() http.Header         { return p.h }
func (p *plainWriter) Write(b []byte) (int, error) { return p.body.Write(b) }
func (p *plainWriter) WriteHeader(int)             {}

func TestSendWritesLines(t *testing.T) {
	for name, w := range map[string]http.ResponseWriter{
		"flushing":      httptest.NewRecorder(),
		"without Flush": &plainWriter{h: http.Header{}},
	} {
		out := New(w)
		for i := range 3 {
			if err := out.Send(map[string]int{"n": i}); err != nil {
				t.Fatalf("%s: Send %d: %v", name, i, err)
			}
		}
		var body string
		switch w := w.(type) {
		case *httptest.ResponseRecorder:
			body = w.Body.String()
		case *plainWriter:
			body = w.body.String()
		}
		if body != "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n" {
			t.Errorf("%s: body %q", name, body)
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/x-ndjson; charset=utf-8" {
			t.Errorf("%s: content type %q", name, ct)
		}
	}
}
