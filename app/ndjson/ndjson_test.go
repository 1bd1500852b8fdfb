package ndjson

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
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

// failingWriter fails every write and records the stream's cancel.
type failingWriter struct {
	plainWriter
	cancelled error
	writes    int
}

func (f *failingWriter) Write([]byte) (int, error) {
	f.writes++
	return 0, errors.New("broken pipe")
}
func (f *failingWriter) CancelStream(cause error) { f.cancelled = cause }

// wrapper hides the Canceler behind Unwrap, as middleware writers do.
type wrapper struct{ http.ResponseWriter }

func (w wrapper) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func TestTheFirstFailedSendCancelsTheStream(t *testing.T) {
	f := &failingWriter{plainWriter: plainWriter{h: http.Header{}}}
	out := New(wrapper{f})
	err := out.Send(map[string]int{"n": 1})
	if err == nil {
		t.Fatal("a failed write was not reported")
	}
	if f.cancelled == nil || !strings.Contains(f.cancelled.Error(), "broken pipe") {
		t.Errorf("the stream was not cancelled with the write error: %v", f.cancelled)
	}
	if out.Send(map[string]int{"n": 2}) == nil || f.writes != 1 {
		t.Errorf("after a failure: %d writes, want no more", f.writes)
	}
}
