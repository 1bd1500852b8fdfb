package commands

import (
	"reflect"
	"testing"
)

// Wails binds every exported method of Commands and JSON-encodes its
// result; an unencodable result (a func, a channel, a client) exits the app.
// So every method must return (a plain DTO, error).
func TestEveryMethodIsASafeBinding(t *testing.T) {
	typ := reflect.TypeFor[*Commands]()
	errType := reflect.TypeFor[error]()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		if m.Type.NumOut() != 2 || m.Type.Out(1) != errType {
			t.Errorf("%s must return (result, error); Go-only helpers belong in functions", m.Name)
			continue
		}
		if bad := unsafeType(m.Type.Out(0), map[reflect.Type]bool{}); bad != "" {
			t.Errorf("%s returns %s, which holds %s: not a plain DTO", m.Name, m.Type.Out(0), bad)
		}
	}
}

func unsafeType(t reflect.Type, seen map[reflect.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Func, reflect.Chan, reflect.UnsafePointer, reflect.Interface, reflect.Complex64, reflect.Complex128:
		return t.String()
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return unsafeType(t.Elem(), seen)
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return "a map with non-string keys"
		}
		return unsafeType(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			if bad := unsafeType(f.Type, seen); bad != "" {
				return bad
			}
		}
	}
	return ""
}
