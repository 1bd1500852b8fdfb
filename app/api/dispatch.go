package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/session"
)

// dispatcher calls a Commands method by name with JSON arguments through
// commands.Dispatcher: the same one the desktop's Gate uses.
type dispatcher struct {
	d *commands.Dispatcher
}

func newDispatcher() *dispatcher { return &dispatcher{d: commands.NewDispatcher()} }

// call runs method with args and returns its result, or an HTTP status and error.
func (d *dispatcher) call(sess *session.Session, method string, args []json.RawMessage) (any, int, error) {
	res, err := d.d.Call(commands.For(sess), method, args)
	switch {
	case err == nil:
		return res, http.StatusOK, nil
	case errors.Is(err, commands.ErrNoCommand):
		return nil, http.StatusNotFound, err
	case errors.Is(err, commands.ErrArguments):
		return nil, http.StatusBadRequest, err
	case errors.Is(err, commands.ErrPanicked):
		return nil, http.StatusInternalServerError, err
	}
	return nil, http.StatusUnprocessableEntity, err
}
