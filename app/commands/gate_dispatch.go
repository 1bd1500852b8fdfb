package commands

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// The kinds of dispatch failure (errors.Is), beside a command's own error.
var (
	// ErrNoCommand: no command has that name.
	ErrNoCommand = errors.New("no such command")
	// ErrArguments: the arguments are not the command's (count or JSON).
	ErrArguments = errors.New("bad arguments")
	// ErrPanicked: the call panicked outside the command's own guard.
	ErrPanicked = errors.New("internal error")
)

// dispatchError is a dispatch failure of one kind, with its own message.
type dispatchError struct {
	kind error
	msg  string
}

func (e *dispatchError) Error() string        { return e.msg }
func (e *dispatchError) Is(target error) bool { return target == e.kind }

// Dispatcher calls a command by name with JSON arguments. It is the one
// way in from a frontend: POST /api/call/<method> (app/api) and the
// desktop's Gate both go through it.
type Dispatcher struct {
	methods map[string]reflect.Method
}

// NewDispatcher returns a Dispatcher over Methods().
func NewDispatcher() *Dispatcher {
	d := &Dispatcher{methods: map[string]reflect.Method{}}
	for _, m := range Methods() {
		d.methods[m.Name] = m
	}
	return d
}

// Call runs method of c with args (one JSON value per parameter) and
// returns its result. Failures wrap ErrNoCommand, ErrArguments or
// ErrPanicked; anything else is the command's own error.
func (d *Dispatcher) Call(c *Commands, method string, args []json.RawMessage) (res any, err error) {
	m, ok := d.methods[method]
	if !ok {
		return nil, &dispatchError{ErrNoCommand, fmt.Sprintf("no such command: %q", method)}
	}
	want := m.Type.NumIn() - 1
	if len(args) != want {
		return nil, &dispatchError{ErrArguments, fmt.Sprintf("%s takes %d arguments, got %d", method, want, len(args))}
	}
	in := []reflect.Value{reflect.ValueOf(c)}
	for i, raw := range args {
		v := reflect.New(m.Type.In(i + 1))
		if err := json.Unmarshal(raw, v.Interface()); err != nil {
			return nil, &dispatchError{ErrArguments, fmt.Sprintf("%s argument %d: %v", method, i+1, err)}
		}
		in = append(in, v.Elem())
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, &dispatchError{ErrPanicked, fmt.Sprintf("internal error in %s: %v", method, r)}
		}
	}()
	out := m.Func.Call(in)
	if e, _ := out[1].Interface().(error); e != nil {
		return nil, e
	}
	return out[0].Interface(), nil
}
