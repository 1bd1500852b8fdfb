package commands

import "reflect"

var errorType = reflect.TypeFor[error]()

// Methods are the commands: the exported methods of *Commands returning
// (result, error), in name order. Dispatcher calls them (for app/api and
// the desktop's Gate); app/contract describes them.
func Methods() []reflect.Method {
	t := reflect.TypeFor[*Commands]()
	var out []reflect.Method
	for i := range t.NumMethod() {
		m := t.Method(i)
		if m.Type.NumOut() == 2 && m.Type.Out(1) == errorType {
			out = append(out, m)
		}
	}
	return out
}
