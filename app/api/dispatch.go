package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/session"
)

// dispatcher calls a Commands method by name with JSON arguments: the same
// methods Wails binds in the desktop shell.
type dispatcher struct {
	methods map[string]reflect.Method
}

func newDispatcher() *dispatcher {
	d := &dispatcher{methods: map[string]reflect.Method{}}
	for _, m := range commands.Methods() {
		d.methods[m.Name] = m
	}
	return d
}

// call runs method with args and returns its result, or an HTTP status and error.
func (d *dispatcher) call(sess *session.Session, method string, args []json.RawMessage) (res any, status int, err error) {
	m, ok := d.methods[method]
	if !ok {
		return nil, http.StatusNotFound, fmt.Errorf("no such command: %q", method)
	}
	want := m.Type.NumIn() - 1
	if len(args) != want {
		return nil, http.StatusBadRequest, fmt.Errorf("%s takes %d arguments, got %d", method, want, len(args))
	}
	in := []reflect.Value{reflect.ValueOf(commands.For(sess))}
	for i, raw := range args {
		v := reflect.New(m.Type.In(i + 1))
		if err := json.Unmarshal(raw, v.Interface()); err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("%s argument %d: %w", method, i+1, err)
		}
		in = append(in, v.Elem())
	}
	defer func() {
		if r := recover(); r != nil {
			res, status, err = nil, http.StatusInternalServerError, fmt.Errorf("internal error in %s: %v", method, r)
		}
	}()
	out := m.Func.Call(in)
	if e, _ := out[1].Interface().(error); e != nil {
		return nil, http.StatusUnprocessableEntity, e
	}
	return out[0].Interface(), http.StatusOK, nil
}
