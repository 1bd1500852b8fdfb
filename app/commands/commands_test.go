package commands

import (
	"io"
	"log/slog"
	"strings"
	"testing"
)

func TestGuardTurnsPanicsIntoErrors(t *testing.T) {
	c := New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	var nilMap *struct{ x int }
	_, err := guard(c, "Boom", func() (int, error) { return nilMap.x, nil })
	if err == nil || !strings.Contains(err.Error(), "internal error in Boom") {
		t.Fatalf("guard = %v, want the nil dereference as an error", err)
	}
}
